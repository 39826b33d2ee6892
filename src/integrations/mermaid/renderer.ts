import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
// Imported statically: the config's module runner is closed by the time diagrams render.
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findBrowser } from './find-browser';
import { mergeThemes } from './theme-merge';

const require = createRequire(import.meta.url);
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
const mermaidVersion = (require('mermaid/package.json') as { version: string }).version;
/** Bump when the post-processing changes, so cached SVGs are made again. */
const RENDER_VERSION = 3;

/** Mermaid settings shared by both themes. */
const baseConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  fontFamily: '"DejaVu Sans", "Noto Sans CJK JP", Verdana, Arial, sans-serif',
  flowchart: { htmlLabels: false },
} as const;

/**
 * Both themes derive from Mermaid's `base` theme with the site's palette. (The built-in `default` and
 * `dark` themes differ in more than colours, which would defeat the one-SVG light-dark() merge.)
 */
const themes = {
  light: {
    theme: 'base',
    themeVariables: {
      background: '#ffffff',
      primaryColor: '#e6f0fb',
      primaryTextColor: '#1a1d21',
      primaryBorderColor: '#0b5cad',
      secondaryColor: '#eef6ee',
      tertiaryColor: '#fff6e0',
      lineColor: '#4a5360',
      textColor: '#1a1d21',
      noteBkgColor: '#fff6e0',
      noteTextColor: '#1a1d21',
    },
  },
  dark: {
    theme: 'base',
    themeVariables: {
      darkMode: true,
      background: '#12151a',
      primaryColor: '#16283d',
      primaryTextColor: '#e6e9ee',
      primaryBorderColor: '#7cb8ff',
      secondaryColor: '#1c2b20',
      tertiaryColor: '#2b2410',
      lineColor: '#aab3bf',
      textColor: '#e6e9ee',
      noteBkgColor: '#2b2410',
      noteTextColor: '#e6e9ee',
    },
  },
} as const;

/** A diagram that Mermaid rejected, with the line inside the diagram when known. */
export class DiagramError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** Counters for the benchmark and the build summary. */
export const stats = { browserStarts: 0, rendered: 0, cacheHits: 0, browserStartMs: 0, mermaidLoadMs: 0, renderMs: 0 };

let browser: Promise<Browser> | undefined;
let page: Promise<Page> | undefined;

async function openPage(): Promise<Page> {
  const t0 = performance.now();
  browser = chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
  const b = await browser;
  stats.browserStarts += 1;
  stats.browserStartMs += performance.now() - t0;
  const t1 = performance.now();
  const p = await b.newPage();
  await p.setContent('<!doctype html><html><body></body></html>');
  await p.addScriptTag({ path: mermaidScript });
  stats.mermaidLoadMs += performance.now() - t1;
  return p;
}

/** Closes the shared browser (end of build or dev server). */
export async function closeRenderer(): Promise<void> {
  const b = browser;
  browser = undefined;
  page = undefined;
  if (b) await (await b).close();
}

function cacheDir(): string {
  const dir = process.env.MERMAID_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/mermaid-svg');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The cache key: diagram source, id, theme config, Mermaid version and post-processing version. */
export function cacheKey(code: string, id: string): string {
  return createHash('sha256').update(JSON.stringify({ code, id, baseConfig, themes, mermaidVersion, RENDER_VERSION })).digest('hex');
}

/**
 * Renders a diagram to one SVG that follows the light/dark theme. Uses the on-disk cache; a diagram
 * that fails is never cached, so a warm cache cannot hide an error.
 */
export async function renderDiagram(code: string, id: string): Promise<string> {
  const key = cacheKey(code, id);
  const file = join(cacheDir(), `${key}.svg`);
  if (existsSync(file)) {
    stats.cacheHits += 1;
    return readFileSync(file, 'utf8');
  }
  const light = await renderRaw(code, id, 'light');
  const dark = await renderRaw(code, id, 'dark');
  stats.rendered += 1;
  // Same layout in both themes (the usual case): one SVG with light-dark() colours.
  const svg =
    mergeThemes(light, dark) ??
    `<div class="diagram-theme-light">${light}</div><div class="diagram-theme-dark">${await renderRaw(code, `${id}-dark`, 'dark')}</div>`;
  writeFileSync(file, svg);
  return svg;
}

async function renderRaw(code: string, id: string, theme: keyof typeof themes): Promise<string> {
  page ??= openPage();
  const p = await page;
  const t0 = performance.now();
  const raw: { svg?: string; error?: string; line?: number } = await p.evaluate(
    async ({ code, id, theme, config }) => {
      const m = (globalThis as unknown as { mermaid: any }).mermaid;
      m.initialize({ ...config, ...theme, deterministicIDSeed: id });
      try {
        const { svg } = await m.render(id, code);
        return { svg };
      } catch (e: any) {
        document.querySelectorAll(`#d${id}, #${id}`).forEach((n) => n.remove());
        return { error: String(e?.message ?? e), line: e?.hash?.loc?.first_line ?? e?.hash?.line };
      }
    },
    { code, id, theme: themes[theme], config: baseConfig },
  );
  stats.renderMs += performance.now() - t0;
  if (raw.error !== undefined) throw new DiagramError(raw.error, raw.line);
  return raw.svg!;
}
