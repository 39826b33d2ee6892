import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 20_000,
    // Fixture builds start Astro and Chromium: run files one at a time on 2-core machines.
    fileParallelism: false,
  },
});
