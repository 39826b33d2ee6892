import { createHash } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { memoKey } from './build-memo';

/** Size of a link-preview image (OpenGraph and Twitter `summary_large_image`). */
export const cardSize = { width: 1200, height: 630 } as const;

/** Bump when the card's look changes, so cached images are made again. */
export const CARD_VERSION = 2;

/** Root-relative path (without base path) of a page's preview image: `/og/en/overview.png`. */
export function cardPath(lang: string, slug: string): string {
  return `/og/${lang}/${slug === '' ? 'index' : slug}.png`;
}

/** What a preview card shows. */
export interface Card {
  lang: string;
  title: string;
  summary: string;
  siteName: string;
  /** Address shown at the bottom, without the scheme: `docs.example.org/overview/`. */
  address: string;
}

/** Cache key of a card: its text, the template and the card version. */
export function cardKey(card: Card, logo: string): string {
  return createHash('sha256')
    .update(`${CARD_VERSION}\n${cardHtml(card, logo)}`)
    .digest('hex');
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * The card as a self-contained HTML page (no network: the logo is inlined), rendered by the build's
 * headless Chromium at 1200×630. Long titles and summaries are clamped with an ellipsis.
 */
export function cardHtml(card: Card, logo: string): string {
  const logoUrl = `data:image/svg+xml;base64,${Buffer.from(logo).toString('base64')}`;
  return `<!doctype html><html lang="${escape(card.lang)}"><head><meta charset="utf-8"><style>
html,body{margin:0;width:${cardSize.width}px;height:${cardSize.height}px;overflow:hidden}
body{box-sizing:border-box;display:flex;flex-direction:column;padding:64px 72px 56px 88px;background:#12151a;color:#e6e9ee;
font-family:"DejaVu Sans","Noto Sans CJK JP","Noto Sans",sans-serif;border-left:16px solid #7cb8ff}
.site{display:flex;align-items:center;gap:18px;font-size:30px;color:#aab3bf}
.site img{width:52px;height:52px}
h1{margin:44px 0 0;font-size:60px;line-height:1.15;font-weight:700;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
p{margin:28px 0 0;font-size:29px;line-height:1.45;color:#c9d1db;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;overflow:hidden}
.address{margin-top:auto;font-size:26px;color:#7cb8ff}
</style></head><body>
<div class="site"><img src="${logoUrl}" alt="">${escape(card.siteName)}</div>
<h1>${escape(card.title)}</h1>
<p>${escape(card.summary)}</p>
<div class="address">${escape(card.address)}</div>
</body></html>`;
}

/** Name of the memo that keeps each built page's card (src/lib/build-memo.ts). */
export const CARDS_MEMO = 'preview-cards';

/** Absolute URL prefix of the site's own preview images: `https://docs.example.org/docs/hyperv`. */
export function imagePrefixOf(site: string, base: string): string {
  return new URL(base, site).href.replace(/\/$/, '');
}

/** The card a built page asks for: its image path (inside the site), its og:url and the card. */
export interface PageCard {
  image: string;
  url: string;
  card: Card;
}

/** Memo key of a page's card: its bytes and the image prefix. */
export function pageCardKey(imagePrefix: string, html: string): string {
  return memoKey(imagePrefix, html);
}

function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

const meta = (tree: Root, key: string) => {
  const el = select(`meta[property="${key}"], meta[name="${key}"]`, tree) as Element | undefined;
  return el ? String(el.properties.content ?? '') : undefined;
};

/** The card a built page asks for (its og:image inside this site), or null for a page without one. */
export function pageCard(html: string, imagePrefix: string): PageCard | null {
  const head = fromHtml(html.slice(0, html.indexOf('</head>') + 7));
  const image = meta(head, 'og:image');
  if (!image?.startsWith(imagePrefix)) return null;
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
