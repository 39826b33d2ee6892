// Loaded by search-boot.ts only when the URL has `?highlight=`: marks the searched terms in the
// page content (within the linked glossary entry when the link points at one) and offers a button
// that removes the marks and the parameter. The browser has already scrolled to the #section,
// below the sticky header (scroll-padding-top).
import { findMatches } from '../lib/search-query';
import type { SearchStrings } from './search-boot';
import cssUrl from './search-highlight.css?url';
import { loadStylesheet } from './search-style';

const SKIP = 'script, style, svg, textarea, [data-pagefind-ignore], .sr-only';

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Wraps each match in `<mark class="search-hit">`; returns the marks. */
function markTerms(root: Element, terms: string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const node of textNodes(root)) {
    const ranges = findMatches(node.data, terms);
    for (const [start, end] of ranges.reverse()) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      hit.replaceWith(mark);
      mark.append(hit);
      marks.unshift(mark);
    }
  }
  return marks;
}

function scope(): Element | null {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  // A glossary entry is a container: highlight inside it. A heading only starts its section.
  if (target && !/^H[1-6]$/.test(target.tagName) && target.closest('[data-pagefind-body]')) return target;
  return document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
}

/** Highlights the `highlight` terms of the URL and shows the bar that clears them. */
export async function highlightFromUrl(strings: SearchStrings): Promise<void> {
  const params = new URLSearchParams(location.search);
  const terms = params.getAll('highlight').filter((t) => t.trim() !== '');
  const root = scope();
  if (!root || terms.length === 0) return;
  const marks = markTerms(root, terms);
  if (marks.length === 0) return;
  await loadStylesheet(cssUrl);

  const text = (strings['search.highlighted'] ?? '').replace('{n}', String(marks.length)).replace('{q}', terms.join(' '));
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = strings['search.clear'] ?? '';
  const message = document.createElement('p');
  message.textContent = text;
  const bar = document.createElement('div');
  bar.className = 'search-highlight-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', strings['search.clear'] ?? '');
  bar.append(message, button);
  // First in <main>: after "Skip to content", the next Tab reaches the button.
  (document.querySelector('main') ?? document.body).prepend(bar);

  button.addEventListener('click', () => {
    for (const mark of marks) mark.replaceWith(...mark.childNodes);
    root.normalize();
    bar.remove();
    params.delete('highlight');
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    (document.querySelector<HTMLElement>('main') ?? document.body).focus();
  });
}
