import { describe, expect, it } from 'vitest';
import { buildStarted, phaseTimes, recordPhase, sinceStart, timePhase } from '../../src/lib/build-phases';

describe('build phases', () => {
  it('records phases in order, adds repeated ones, and starts afresh with each build', async () => {
    buildStarted();
    recordPhase('setup', 10.4);
    await timePhase('checks', () => 'done');
    recordPhase('setup', 5);
    const times = phaseTimes();
    expect(Object.keys(times)).toEqual(['setup', 'checks']);
    expect(times.setup).toBe(15);
    expect(times.checks).toBeGreaterThanOrEqual(0);
    expect(sinceStart()).toBeGreaterThan(0);
    buildStarted();
    expect(phaseTimes()).toEqual({});
  });
  it('records a phase that fails, and passes its error on', async () => {
    buildStarted();
    await expect(
      timePhase('search index', async () => {
        throw new Error('Pagefind failed');
      }),
    ).rejects.toThrow('Pagefind failed');
    expect(Object.keys(phaseTimes())).toEqual(['search index']);
  });
});
