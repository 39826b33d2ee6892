// The search index's records of one built page, and their memo keys. Used by the search index
// (src/integrations/pagefind.ts) and, ahead of it while the pages are written, by the page
// preparation worker (src/integrations/page-prep.ts): both compute the same key from the same
// inputs, so a record prepared from other inputs is never taken.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { useTranslations } from '../i18n';
import { memoKey } from './build-memo';
import { loadYamlFolder } from './data-files';
import { glossarySchema } from './schemas';
import { walkFiles } from './built-pages';
import { articleView, findSynonymSection, glossaryRecords, homeView, type GlossaryTerm, type SynonymPlacement } from './search-document';
import { frontmatterSection, type PageRole } from './search-pages';
import { withBase } from './urls';

/** Names of the memos that keep a page's records and an article's section headings. */
export const RECORDS_MEMO = 'search-records';
export const HEADINGS_MEMO = 'section-headings';

/** The index records of one page. */
export type Records = { url: string; content: string }[];

/** Section headings of an article (search-document.ts `sectionHeadings`). */
export type Headings = { id: string; text: string }[];

/** What every page's records depend on besides the page itself. */
export interface RecordsInput {
  base: string;
  /** Section of each English article, by slug. */
  sections: Map<string, string>;
  terms: Map<string, GlossaryTerm>;
}

/** A built page as the index sees it. */
export interface IndexedPage {
  html: string;
  /** Root-relative path without the base path: `/ja/overview/`. */
  path: string;
  lang: string;
  /** Built file, for error messages: `ja/overview/index.html`. */
  file: string;
}

/** Sections of the English articles, by slug, from their frontmatter. */
export function articleSections(contentDir: string): Map<string, string> {
  const dir = join(contentDir, 'en');
  const sections = new Map<string, string>();
  for (const file of walkFiles(dir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))) {
    const slug = relative(dir, file)
      .split(sep)
      .join('/')
      .replace(/\.mdx?$/, '');
    const section = frontmatterSection(readFileSync(file, 'utf8'));
    if (section) sections.set(slug, section);
  }
  return sections;
}

/** The glossary as search uses it: each term's names and the article that explains it. */
export function glossaryTerms(contentDir: string): GlossaryTerm[] {
  return loadYamlFolder(join(contentDir, 'glossary'), glossarySchema).map((e) => ({
    id: e.id,
    term: e.data.term,
    aliases: e.data.aliases,
    see: e.data.see,
  }));
}

/** Slug of the article a glossary term points at (`/overview/#vmbus` → `overview`), if any. */
export function seeSlug(term: GlossaryTerm): string | undefined {
  return term.see?.split('#')[0]!.replace(/^\/|\/$/g, '') || undefined;
}

/** Per article slug: where each glossary term's names go (the term's `see` article, by its section headings). */
export function synonymPlacements(
  terms: Iterable<GlossaryTerm>,
  englishHeadings: (slug: string) => Headings | undefined,
): Map<string, SynonymPlacement[]> {
  const placements = new Map<string, SynonymPlacement[]>();
  for (const term of terms) {
    const slug = seeSlug(term);
    const headings = slug ? englishHeadings(slug) : undefined;
    if (!slug || !headings) continue;
    const list = placements.get(slug) ?? [];
    list.push({ sectionId: findSynonymSection(headings, term), names: [term.term, ...term.aliases] });
    placements.set(slug, list);
  }
  return placements;
}

/** The glossary as it enters a glossary page's records (part of that page's key). */
function glossaryInput(input: RecordsInput): string {
  return JSON.stringify([...input.terms.values()]);
}

/** Memo key of an article's section headings: its bytes (they are all the headings depend on). */
export function headingsKey(html: string): string {
  return memoKey(html);
}

/** Memo key of a page's records: its bytes, its address, and what its records are made from. */
export function recordsKey(page: IndexedPage, role: PageRole, synonyms: SynonymPlacement[], input: RecordsInput): string {
  const slug = role.role === 'article' ? role.slug : '';
  return memoKey(
    page.html,
    input.base,
    page.path,
    input.sections.get(slug) ?? '',
    JSON.stringify(role.role === 'article' ? synonyms : []),
    role.role === 'glossary' ? glossaryInput(input) : '',
  );
}

/**
 * The index records of one page (none for pages that stay out of the index). `tree` is the page's
 * parsed HTML and is changed; `synonyms` are the glossary names placed in the article.
 */
export function pageRecords(page: IndexedPage, role: PageRole, tree: Root, synonyms: SynonymPlacement[], input: RecordsInput): Records {
  const t = useTranslations(page.lang);
  const url = withBase(page.path, input.base);
  if (role.role === 'home') return [{ url, content: homeView(page.html, t('nav.home')) }];
  if (role.role === 'glossary')
    return glossaryRecords(page.html, input.terms, t('page.glossary')).map((r) => ({ url: `${url}#${r.id}`, content: r.html }));
  if (role.role !== 'article') return [];
  const section = input.sections.get(role.slug);
  const content = articleView(tree, {
    where: page.file,
    section,
    group: section ? t(`section.${section}` as Parameters<typeof t>[0]) : '',
    synonyms,
  });
  return [{ url, content }];
}
