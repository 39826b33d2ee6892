/**
 * Wall time of the build's phases, for the benchmark (`npm run bench` prints them). Phases may
 * overlap (the preview images render while the checks run), so they do not add up to the total.
 */
const phases = new Map<string, number>();
let started: number | undefined;

/** Marks the start of the build (the configuration being set up). */
export function buildStarted(): void {
  phases.clear();
  started = performance.now();
}

/** Milliseconds since the build started (0 when it was not marked). */
export function sinceStart(): number {
  return started === undefined ? 0 : performance.now() - started;
}

/** Records a phase's duration, adding to it when the phase runs more than once. */
export function recordPhase(name: string, ms: number): void {
  phases.set(name, (phases.get(name) ?? 0) + ms);
}

/** The phases recorded so far, in milliseconds, in the order they were first recorded. */
export function phaseTimes(): Record<string, number> {
  return Object.fromEntries([...phases].map(([name, ms]) => [name, Math.round(ms)]));
}
