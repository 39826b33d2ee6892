import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPaths } from '../config/paths';
import { recordPhase } from '../lib/build-phases';
import { builtPages } from '../lib/built-pages';
import { BuildMemo } from '../lib/build-memo';
import { CARDS_MEMO, cardHtml, cardKey, cardSize, imagePrefixOf, pageCard, pageCardKey, type Card, type PageCard } from '../lib/og-card';
import { writeWhole } from '../lib/write-whole';
import { launchChromium } from './mermaid/find-browser';

/**
 * Renders cards in headless Chromium into the cache, two tabs side by side (a screenshot waits on the
 * GPU-less compositor, so a second tab overlaps the work). A tab loads the card page once and then
 * swaps in each card's body, which is cheaper than loading a page per card; the screenshot is taken
 * over the DevTools protocol with `optimizeForSpeed` (faster PNG encoding, somewhat larger files).
 */
async function renderCards(missing: [string, Card][], logo: string, cache: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const queue = [...missing];
    await Promise.all(
      [0, 1].map(async () => {
        const tab = await browser.newPage({ viewport: cardSize, deviceScaleFactor: 1 });
        const cdp = await tab.context().newCDPSession(tab);
        await tab.setContent(cardHtml(missing[0]![1], logo), { waitUntil: 'load' });
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [key, card] = next;
          await tab.evaluate(
            async (html) => {
              // Every card has the same head (the style); only <html lang> and the body differ.
              const doc = new DOMParser().parseFromString(html, 'text/html');
              document.documentElement.lang = doc.documentElement.lang;
              document.body.replaceWith(document.adoptNode(doc.body));
              await Promise.all([...document.images].map((img) => img.decode()));
              await document.fonts.ready;
            },
            cardHtml(card, logo),
          );
          const shot = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
          writeWhole(join(cache, `${key}.png`), Buffer.from(shot.data, 'base64'));
        }
      }),
    );
  } finally {
    await browser.close();
  }
}

/**
 * Link-preview images: each page's 1200×630 PNG with title, summary and site name, written where
 * the page's og:image points. Images are cached by a hash of their content, so a rebuild renders
 * only changed cards and starts no browser otherwise.
 *
 * Two integrations, so that the rendering overlaps the other post-build work: `render` (placed
 * before the link check and the search index) reads the built pages and starts rendering the
 * missing cards into the cache in the background; `write` (placed after them) waits for it and
 * copies the images into the output. A build that fails in between leaves only finished images in
 * the cache and nothing in the output.
 */
export function ogImages(options: { site: string; base: string }): { render: AstroIntegration; write: AstroIntegration } {
  let pending:
    | {
        rendering: Promise<void>;
        cache: string;
        jobs: Map<string, { card: Card; files: string[] }>;
        pages: number;
        rendered: number;
        /** Pages whose card was read while the pages were written. */
        prepared: number;
      }
    | undefined;
  const render: AstroIntegration = {
    name: 'og-images',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const imagePrefix = imagePrefixOf(options.site, options.base);
        const logo = readFileSync(join(out, 'favicon.svg'), 'utf8');
        const cacheDir = join(buildPaths.cacheDir, 'og-images');
        mkdirSync(cacheDir, { recursive: true });
        // An unchanged page's card comes from the memo; most others were read while the pages were
        // written (src/integrations/page-prep.ts).
        const memo = new BuildMemo<PageCard | null>(CARDS_MEMO, join(buildPaths.cacheDir, 'memo'));
        const found = builtPages(out).flatMap((page) => {
          const card = memo.through(pageCardKey(imagePrefix, page.html), () => pageCard(page.html, imagePrefix));
          return card ? [{ ...card, canonical: card.url === imagePrefix + page.path }] : [];
        });
        memo.save();
        // A page whose og:url is another page's (an untranslated fallback) points at that page's
        // image: the page at its own address claims the image first and the other reuses it.
        const claimed = new Set<string>();
        // key → card and every output file that shows it.
        const jobs = new Map<string, { card: Card; files: string[] }>();
        for (const page of [...found.filter((f) => f.canonical), ...found.filter((f) => !f.canonical)]) {
          if (!page.canonical && claimed.has(page.image)) continue;
          claimed.add(page.image);
          const key = cardKey(page.card, logo);
          const job = jobs.get(key) ?? { card: page.card, files: [] };
          job.files.push(join(out, page.image));
          jobs.set(key, job);
        }
        const missing = [...jobs]
          .filter(([key]) => !existsSync(join(cacheDir, `${key}.png`)))
          .map(([key, job]): [string, Card] => [key, job.card]);
        const t0 = performance.now();
        const rendering =
          missing.length > 0
            ? renderCards(missing, logo, cacheDir).then(() => recordPhase('preview images (in the background)', performance.now() - t0))
            : Promise.resolve();
        // Awaited by `write`; until then a failure must not surface as an unhandled rejection.
        rendering.catch(() => undefined);
        pending = { rendering, cache: cacheDir, jobs, pages: found.length, rendered: missing.length, prepared: memo.preparedHits };
      },
    },
  };
  const write: AstroIntegration = {
    name: 'og-images-write',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        if (!pending) throw new Error('preview images: the og-images integration must come before og-images-write');
        const { rendering, cache, jobs, pages, rendered, prepared } = pending;
        pending = undefined;
        const t0 = performance.now();
        await rendering;
        for (const [key, job] of jobs) {
          for (const file of job.files) {
            mkdirSync(dirname(file), { recursive: true });
            copyFileSync(join(cache, `${key}.png`), file);
          }
        }
        recordPhase('preview images (waiting and copying)', performance.now() - t0);
        const images = [...jobs.values()].reduce((n, j) => n + j.files.length, 0);
        logger.info(
          `preview images: ${pages} page(s), ${images} image(s), ${jobs.size} distinct card(s), ${rendered} rendered, ${jobs.size - rendered} from cache (${prepared} pages read while written)`,
        );
      },
    },
  };
  return { render, write };
}
