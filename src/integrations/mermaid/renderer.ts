import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './find-browser';
import { writeWhole } from '../../lib/write-whole';
import { mergeThemes } from './theme-merge';
import { scopeIds } from './scope-ids';

const require = createRequire(import.meta.url);
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
const mermaidVersion = (require('mermaid/package.json') as { version: string }).version;
/** Bump when the post-processing changes, so cached SVGs are made again. */
const RENDER_VERSION = 7;

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
      // Explicit: Mermaid merges each initialize() into the previous one, so a value the dark
      // theme sets would otherwise leak into the next light rendering.
      darkMode: false,
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
export const stats = {
  browserStarts: 0,
  rendered: 0,
  cacheHits: 0,
  browserStartMs: 0,
  mermaidLoadMs: 0,
  /** Wall-clock time from the first render's start to the last one's end (renders overlap). */
  renderMs: 0,
  /** Per rendered diagram: bytes of the shipped SVG and of the two single-theme renderings. */
  sizes: [] as { merged: number; light: number; dark: number; mergedOk: boolean }[],
};

/**
 * One browser per build with two pages (one per core of the 2-core build machines; three were no
 * faster). Mermaid's configuration is global to a page and `render()` is asynchronous, so each
 * page renders one diagram at a time (its own queue); the pages render side by side.
 */
const PAGES = 2;
let browser: Promise<Browser> | undefined;
let firstRenderAt: number | undefined;
let pages: { page: Promise<Page>; queue: Promise<unknown> }[] = [];
let nextPage = 0;

function launch(): Promise<Browser> {
  browser ??= (async () => {
    const t0 = performance.now();
    const b = await launchChromium();
    stats.browserStarts += 1;
    stats.browserStartMs += performance.now() - t0;
    return b;
  })();
  return browser;
}

async function openPage(): Promise<Page> {
  const b = await launch();
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
  pages = [];
  nextPage = 0;
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

/** True when the diagram (source and id) is in the on-disk cache. */
export function isCached(code: string, id: string): boolean {
  return existsSync(join(cacheDir(), `${cacheKey(code, id)}.svg`));
}

/**
 * Starts the browser and loads Mermaid into the renderer's pages now, before the first diagram
 * asks for them: a build that has diagrams to render calls it when it starts, so that the start-up
 * overlaps the compilation of the pages. A failure (no browser) surfaces at the first render.
 */
export function prewarmRenderer(): void {
  while (pages.length < PAGES) {
    const page = openPage();
    page.catch(() => undefined);
    pages.push({ page, queue: Promise.resolve() });
  }
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
  const merged = mergeThemes(light, dark);
  const svg =
    merged ??
    `<div class="diagram-theme-light">${light}</div><div class="diagram-theme-dark">${await renderRaw(code, `${id}-dark`, 'dark')}</div>`;
  stats.sizes.push({
    merged: Buffer.byteLength(svg),
    light: Buffer.byteLength(light),
    dark: Buffer.byteLength(dark),
    mergedOk: merged !== undefined,
  });
  writeWhole(file, svg);
  return svg;
}

/** Runs one render on the next page of the pool, after the renders already queued there. */
function renderRaw(code: string, id: string, theme: keyof typeof themes): Promise<string> {
  if (pages.length < PAGES) pages.push({ page: openPage(), queue: Promise.resolve() });
  const slot = pages[nextPage++ % pages.length]!;
  const run = slot.queue.then(async () => renderOn(await slot.page, code, id, theme));
  slot.queue = run.catch(() => undefined);
  return run;
}

async function renderOn(p: Page, code: string, id: string, theme: keyof typeof themes): Promise<string> {
  firstRenderAt ??= performance.now();
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
  stats.renderMs = performance.now() - firstRenderAt;
  if (raw.error !== undefined) throw new DiagramError(raw.error, raw.line);
  return scopeIds(raw.svg!, id);
}
