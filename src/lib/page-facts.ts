// What the link and permalink checks read from one built page, as JSON, so that it can be kept in
// the build memo and computed ahead, while the pages are written (src/integrations/page-prep.ts).
import type { Root } from 'hast';
import { memoKey } from './build-memo';
import { linksOf, type PageLinks } from './link-check';
import { describePage, type PermalinkPage } from './permalinks';

/** Name of the memo that keeps `PageFacts`. */
export const PAGE_FACTS_MEMO = 'page-links';

/** What the checks read from one built page. */
export interface PageFacts {
  links: Omit<PageLinks, 'path' | 'ids'> & { ids: string[] };
  permalink: Omit<PermalinkPage, 'path' | 'ids'> & { ids: string[] };
}

/** Memo key of a page's facts: its bytes and its address (links resolve against it). */
export function factsKey(base: string, local: string, html: string): string {
  return memoKey(base, local, html);
}

/** The facts of a parsed page at `local` (root-relative, without the base path). */
export function factsOf(tree: Root, local: string, base: string): PageFacts {
  const links = linksOf(tree, base + local.slice(1));
  const permalink = describePage(tree, local, base);
  return {
    links: { links: links.links, redirect: links.redirect, ids: [...links.ids] },
    permalink: {
      lang: permalink.lang,
      kind: permalink.kind,
      redirect: permalink.redirect,
      anchors: permalink.anchors,
      ids: [...permalink.ids],
    },
  };
}
