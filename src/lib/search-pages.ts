// Which built pages go into the search index, and as what.

/** How a built page is indexed. */
export type PageRole =
  | { role: 'article'; slug: string }
  | { role: 'glossary' }
  | { role: 'home' }
  /** Listings that repeat other pages (A–Z, references) and error pages stay out of the index. */
  | { role: 'skip'; reason: string };

/** Generated listing pages that only repeat what articles and glossary records already hold. */
const LISTINGS = new Set(['a-z', 'references']);

/** Role of a page from its slug (language prefix and base path removed) and its HTML. */
export function pageRole(slug: string, html: string): PageRole {
  if (slug === '404.html' || slug === '404') return { role: 'skip', reason: 'error page' };
  if (slug === '') return { role: 'home' };
  if (slug === 'glossary') return { role: 'glossary' };
  if (LISTINGS.has(slug)) return { role: 'skip', reason: 'listing of other pages' };
  if (!html.includes('data-pagefind-body')) return { role: 'skip', reason: 'no data-pagefind-body (redirect or utility page)' };
  return { role: 'article', slug };
}

/** The `section:` value of an MDX file's frontmatter, if any. */
export function frontmatterSection(source: string): string | undefined {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  return fm ? /^section:\s*['"]?([a-z-]+)/m.exec(fm)?.[1] : undefined;
}
