import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findBrowser } from './src/integrations/mermaid/find-browser';

// Browser tests run against the production build served with its production headers (CSP
// included) by scripts/serve.mjs, in the system Chromium:
// nothing here downloads a browser.
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // Generous: axe over a long article with many inline SVGs takes seconds, more on a busy machine.
  timeout: 180_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: findBrowser(), args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The production headers, CSP included, from the build's own _headers file.
    command: `node scripts/serve.mjs --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 60_000,
  },
});
