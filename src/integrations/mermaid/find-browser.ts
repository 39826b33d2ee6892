import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** Executables in Playwright's browser cache: `<cache>/<prefix><version>/<path>`, newest version first. */
function playwrightBrowsers(env: NodeJS.ProcessEnv, prefix: string, paths: string[]): string[] {
  const cache = env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache/ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((d) => d.startsWith(prefix))
    .sort()
    .reverse()
    .flatMap((d) => paths.map((p) => join(cache, d, p)));
}

/** Candidate Chromium executables in the documented order of preference. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const explicit = [env.CHROMIUM_PATH, env.MERMAID_CHROMIUM].filter((p): p is string => Boolean(p));
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  const chrome = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
  return [...explicit, ...system, ...chrome, ...playwrightBrowsers(env, 'chromium-', ['chrome-linux/chrome'])];
}

/** Finds a Chromium to render diagrams with, or explains how to get one. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const explicit = env.CHROMIUM_PATH ?? env.MERMAID_CHROMIUM;
  if (explicit && !exists(explicit)) {
    throw new Error(`CHROMIUM_PATH is set to \`${explicit}\`, but no file exists there. Point it at a Chromium or Chrome executable.`);
  }
  const found = browserCandidates(env).find((p) => exists(p));
  if (!found) {
    throw new Error(
      'No Chromium found to render Mermaid diagrams at build time.\n' +
        'Install one: on Debian/Ubuntu `sudo apt-get install -y chromium` (and `fonts-noto-cjk` for Japanese labels); ' +
        'or set CHROMIUM_PATH to any Chromium or Chrome executable.',
    );
  }
  return found;
}

/**
 * Chromium's headless shell (the engine without the browser around it): Debian's
 * `chromium-headless-shell` package, or one Playwright has downloaded.
 */
export function headlessShellCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    '/usr/lib/chromium/chromium-headless-shell',
    ...playwrightBrowsers(env, 'chromium_headless_shell-', [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-linux/headless_shell',
    ]),
  ];
}

/**
 * The Chromium the build renders with (diagrams, preview images): an explicit CHROMIUM_PATH, else
 * the headless shell when installed, else any Chromium (`findBrowser`). The shell draws the same
 * bytes (the benchmark corpus builds byte-identical with either) and its screenshots cost about a
 * fifth less, so the preview images finish sooner; the browser tests keep the full browser.
 */
export function findBuildBrowser(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  if (env.CHROMIUM_PATH ?? env.MERMAID_CHROMIUM) return findBrowser(env, exists);
  return headlessShellCandidates(env).find((p) => exists(p)) ?? findBrowser(env, exists);
}

/** Flags for a headless Chromium on a closed network, as root, with no first-run noise. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium for the diagrams or the preview images. playwright-core is loaded on
 * first use, so a build that renders nothing (everything cached) does not spend time loading it.
 */
export async function launchChromium(): Promise<Browser> {
  // Through Node's require: this module is loaded with the Astro configuration by Vite's module
  // runner, which is closed by the time a browser is needed, so a dynamic import() would fail.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: findBuildBrowser(), args: chromiumArgs, headless: true });
}
