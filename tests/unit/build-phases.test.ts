import { describe, expect, it } from 'vitest';
import { buildStarted, phaseTimes, recordPhase, sinceStart } from '../../src/lib/build-phases';

describe('build phases', () => {
  it('records phases in order, adds repeated ones, and starts afresh with each build', () => {
    buildStarted();
    recordPhase('setup', 10.4);
    recordPhase('checks', 2.2);
    recordPhase('setup', 5);
    expect(phaseTimes()).toEqual({ setup: 15, checks: 2 });
    expect(Object.keys(phaseTimes())).toEqual(['setup', 'checks']);
    expect(sinceStart()).toBeGreaterThan(0);
    buildStarted();
    expect(phaseTimes()).toEqual({});
  });
});
