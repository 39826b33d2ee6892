// Pagefind results shaped for the search dialog: one entry per page, its best-matching sections
// first, excerpts without the index-only words, links that carry the terms to highlight.
import { stripVariants } from './search-variants';

/** A matched word position as Pagefind reports it. */
export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** The parts of a Pagefind sub-result the dialog uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { id: string } | undefined;
  excerpt: string;
  plain_excerpt?: string | undefined;
  weighted_locations: WeightedLocation[];
}

/** The parts of a Pagefind result's data the dialog uses. */
export interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  excerpt: string;
  plain_excerpt?: string | undefined;
  sub_results: PagefindSubResult[];
}

/** One link shown in the results. */
export interface ResultLink {
  title: string;
  url: string;
  excerpt: string;
}

/** One page in the results: the page title, its group and its best sections, best first. */
export interface ResultEntry {
  page: string;
  group: string;
  sections: (ResultLink & { isPageTop: boolean })[];
}

/** Score of a section: the sum of its matched words' scores (a heading match counts more). */
export function sectionScore(sub: PagefindSubResult): number {
  return sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
}

/** Plain text of an excerpt, without the index-only words (Pagefind 1.6 gives `plain_excerpt`). */
export function cleanExcerpt(plain: string | undefined, html: string): string {
  const text =
    plain ??
    html
      .replace(/<\/?mark>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  return stripVariants(text).replace(/\s+/g, ' ').trim();
}

/** Shapes one result: sections sorted by score (ties keep page order), at most `maxSections`. */
export function toEntry(data: PagefindResultData, maxSections = 3): ResultEntry {
  const page = stripVariants(data.meta.title ?? data.url).trim();
  const subs =
    data.sub_results.length > 0
      ? data.sub_results
      : [{ title: page, url: data.url, excerpt: data.excerpt, plain_excerpt: data.plain_excerpt, weighted_locations: [] }];
  const sections = subs
    .map((sub, order) => ({ sub, order, score: sectionScore(sub) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, maxSections)
    .map(({ sub }) => ({
      title: stripVariants(sub.title).trim(),
      url: sub.url,
      excerpt: cleanExcerpt(sub.plain_excerpt, sub.excerpt),
      isPageTop: !sub.anchor || !sub.url.includes('#') || sub.url === data.url,
    }));
  return { page, group: data.meta.group ?? '', sections };
}

/** A result link that asks the target page to highlight `terms`: `?highlight=a&highlight=b#section`. */
export function withHighlight(url: string, terms: string[]): string {
  const [beforeHash, hash] = url.split('#', 2) as [string, string | undefined];
  const [path, query] = beforeHash.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  params.delete('highlight');
  for (const t of terms) params.append('highlight', t);
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
}
