import { describe, expect, it } from 'vitest';
import { timeSlicer } from '../../src/lib/event-loop';

describe('timeSlicer', () => {
  it('yields to the event loop only once the time slice is used up', async () => {
    let clock = 0;
    const slice = timeSlicer(10, () => clock);
    const ran: string[] = [];
    setImmediate(() => ran.push('io'));
    clock = 9;
    expect(slice()).toBeUndefined();
    await slice();
    expect(ran).toEqual([]);
    clock = 10;
    const pending = slice();
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(ran).toEqual(['io']);
    // The next slice is measured from the yield.
    clock = 15;
    expect(slice()).toBeUndefined();
    clock = 20;
    expect(slice()).toBeInstanceOf(Promise);
  });
});
