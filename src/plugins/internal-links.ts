import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Prefixes a root-relative URL (`/overview/#x`) with the base path; leaves other URLs alone. */
export function prefixUrl(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || base === '/') return url;
  return base.replace(/\/$/, '') + url;
}

/**
 * Authors write internal links root-relative (`/interrupts/#map-device-interrupt`); this adds the
 * site's base path to them, in Markdown links and in Mermaid `click … href "…"` lines.
 */
export function internalLinks(base: string) {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') node.url = prefixUrl(node.url, base);
      else if (node.type === 'code' && node.lang === 'mermaid') {
        node.value = node.value.replace(/(\bhref\s+")(\/[^"]*)"/g, (_, pre: string, url: string) => `${pre}${prefixUrl(url, base)}"`);
      }
    });
  };
}
