import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every temporary folder the tests make (fixture content, build outputs, caches, Chromium
// profiles) goes below one folder per run, which tests/temp-root.ts removes when the run ends
// (KEEP_TEST_TMP=1 keeps it for a look after a failure).
process.env.HV_TEST_TMP ??= mkdtempSync(join(tmpdir(), 'hv-test-'));

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 20_000,
    // Fixture builds start Astro and Chromium: run files one at a time on 2-core machines.
    fileParallelism: false,
    env: { TMPDIR: process.env.HV_TEST_TMP },
    globalSetup: ['tests/temp-root.ts'],
  },
});
