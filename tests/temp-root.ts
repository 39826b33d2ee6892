import { rmSync } from 'node:fs';

/** Vitest global setup: removes the run's temporary folder (vitest.config.ts) when the run ends. */
export default function setup(): () => void {
  return () => {
    const dir = process.env.HV_TEST_TMP;
    if (!dir) return;
    if (process.env.KEEP_TEST_TMP) console.log(`test files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
