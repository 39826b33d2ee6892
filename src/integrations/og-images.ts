import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { chromium } from 'playwright-core';
import { buildPaths } from '../config/paths';
import { builtPages } from '../lib/built-pages';
import { cardHtml, cardKey, cardSize, type Card } from '../lib/og-card';
import { chromiumArgs, findBrowser } from './mermaid/find-browser';

function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

const meta = (tree: Root, key: string) => {
  const el = select(`meta[property="${key}"], meta[name="${key}"]`, tree) as Element | undefined;
  return el ? String(el.properties.content ?? '') : undefined;
};

/** The card a built page asks for (its og:image inside this site) and its og:url, or undefined. */
function cardOf(html: string, imagePrefix: string): { image: string; url: string; card: Card } | undefined {
  const head = fromHtml(html.slice(0, html.indexOf('</head>') + 7));
  const image = meta(head, 'og:image');
  if (!image?.startsWith(imagePrefix)) return undefined;
  // The lead paragraph is the article's summary; pages without one use their description.
  const lead = /<p class="lead"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
  const html0 = select('html', head) as Element | undefined;
  const url = meta(head, 'og:url') ?? '';
  return {
    image: image.slice(imagePrefix.length),
    url,
    card: {
      lang: String(html0?.properties.lang ?? 'en'),
      title: meta(head, 'og:title') ?? '',
      summary: (lead ? text(fromHtml(lead, { fragment: true })) : (meta(head, 'og:description') ?? '')).replace(/\s+/g, ' ').trim(),
      siteName: meta(head, 'og:site_name') ?? '',
      address: url.replace(/^https?:\/\//, ''),
    },
  };
}

/**
 * After the build: renders each page's link-preview image (1200×630 PNG with title, summary and
 * site name) in headless Chromium and writes it where the page's og:image points. Images are cached
 * by a hash of their content, so a rebuild renders only changed cards and starts no browser otherwise.
 */
export function ogImages(options: { site: string; base: string }): AstroIntegration {
  return {
    name: 'og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const imagePrefix = new URL(options.base, options.site).href.replace(/\/$/, '');
        const logo = readFileSync(join(out, 'favicon.svg'), 'utf8');
        const cache = join(buildPaths.cacheDir, 'og-images');
        mkdirSync(cache, { recursive: true });
        const found = builtPages(out).flatMap((page) => {
          const card = cardOf(page.html, imagePrefix);
          return card ? [{ ...card, canonical: card.url === imagePrefix + page.path }] : [];
        });
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
        const missing = [...jobs].filter(([key]) => !existsSync(join(cache, `${key}.png`)));
        if (missing.length > 0) {
          const browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
          try {
            // Two tabs: screenshots wait on the GPU-less compositor, so a second one overlaps the work.
            const tabs = await Promise.all([0, 1].map(() => browser.newPage({ viewport: cardSize, deviceScaleFactor: 1 })));
            const queue = [...missing];
            await Promise.all(
              tabs.map(async (tab) => {
                for (let next = queue.shift(); next; next = queue.shift()) {
                  const [key, job] = next;
                  await tab.setContent(cardHtml(job.card, logo), { waitUntil: 'load' });
                  writeFileSync(join(cache, `${key}.png`), await tab.screenshot({ type: 'png' }));
                }
              }),
            );
          } finally {
            await browser.close();
          }
        }
        for (const [key, job] of jobs) {
          for (const file of job.files) {
            mkdirSync(dirname(file), { recursive: true });
            copyFileSync(join(cache, `${key}.png`), file);
          }
        }
        const images = [...jobs.values()].reduce((n, j) => n + j.files.length, 0);
        logger.info(
          `preview images: ${found.length} page(s), ${images} image(s), ${jobs.size} distinct card(s), ${missing.length} rendered, ${jobs.size - missing.length} from cache`,
        );
      },
    },
  };
}
