import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { refreshTarget } from './permalinks';

/** What one built page offers and links to. */
export interface PageLinks {
  /** Root-relative page path with the base path (e.g. `/docs/overview/`). */
  path: string;
  ids: Set<string>;
  links: string[];
  /** Set when the page is a redirect stub: its target. */
  redirect?: string | undefined;
}

/** Reads a built HTML page: every id, and every href of a, area and link-preview elements. */
export function readPage(file: string, path: string): PageLinks {
  return linksOf(fromHtml(readFileSync(file, 'utf8')), path);
}

/**
 * What a parsed page offers and links to; a redirect page (meta refresh) also names its target.
 * One walk of the tree: every id (and `a[name]`), every href of `a` and `area`, then links inside
 * SVG diagrams not already listed.
 */
export function linksOf(tree: Root, path: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  const svgLinks: unknown[] = [];
  let refresh: Element | undefined;
  const visit = (node: Root | Element, inSvg: boolean) => {
    for (const el of node.children) {
      if (el.type !== 'element') continue;
      const p = el.properties;
      const id = p.id ?? (el.tagName === 'a' ? p.name : undefined);
      if (typeof id === 'string') ids.add(id);
      if ((el.tagName === 'a' || el.tagName === 'area') && p.href != null) links.push(String(p.href));
      // Links inside SVG diagrams (Mermaid `click … href`) use href or xlink:href.
      if (inSvg && el.tagName === 'a') svgLinks.push(p.href ?? p.xLinkHref);
      if (!refresh && el.tagName === 'meta' && [p.httpEquiv ?? []].flat().join(' ') === 'refresh') refresh = el;
      visit(el, inSvg || el.tagName === 'svg');
    }
  };
  visit(tree, false);
  for (const href of svgLinks) if (typeof href === 'string' && !links.includes(href)) links.push(href);
  const redirect = refresh ? refreshTarget(String(refresh.properties.content ?? '')) : undefined;
  return { path, ids, links, redirect };
}

/** A link that does not resolve. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Checks same-site links (resolved against each page) for an existing page and anchor; external
 * links are checked for form only. `pages` is keyed by root-relative path.
 */
export function findBrokenLinks(pages: Map<string, PageLinks>, origin: string, base: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of pages.values()) {
    for (const href of page.links) {
      let url: URL;
      try {
        url = new URL(href, origin + page.path);
      } catch {
        broken.push({ page: page.path, href, reason: 'not a valid URL' });
        continue;
      }
      if (url.origin !== origin) {
        if (!/^(https?|mailto):$/.test(url.protocol))
          broken.push({ page: page.path, href, reason: `unexpected scheme \`${url.protocol}\`` });
        else if (url.protocol !== 'mailto:' && !url.hostname.includes('.'))
          broken.push({ page: page.path, href, reason: 'host has no domain' });
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: page.path, href, reason: `points outside the base path \`${base}\`` });
        continue;
      }
      let target = pages.get(url.pathname) ?? pages.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
      // A moved page's redirect stub is a valid target; its anchors are those of the page it leads to.
      for (let hops = 0; target?.redirect !== undefined && hops < 5; hops++) target = pages.get(target.redirect);
      if (!target) {
        broken.push({ page: page.path, href, reason: 'no such page' });
        continue;
      }
      if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/.test(url.pathname)) {
        broken.push({ page: page.path, href, reason: 'missing trailing slash (the site uses `/page/`)' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !target.ids.has(anchor))
        broken.push({ page: page.path, href, reason: `no element with id \`${anchor}\` on ${target.path}` });
    }
  }
  return broken;
}

/** Finds the line of a content file that holds a link, for error messages. */
export function lineOfLink(source: string, href: string, base: string): number | undefined {
  const bare = href.startsWith(base) ? `/${href.slice(base.length)}` : href;
  const candidates = [href, bare, bare.replace(/^\/[a-z]{2}\//, '/')];
  const lines = source.split('\n');
  for (const c of candidates) {
    const i = lines.findIndex((l) => l.includes(`(${c})`) || l.includes(`"${c}"`) || l.includes(`(${c} `));
    if (i >= 0) return i + 1;
  }
  return undefined;
}
