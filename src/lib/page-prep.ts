// Per-page results for the post-build readers, computed ahead while Astro writes the pages (in a
// worker, src/integrations/page-prep-worker.ts) and offered to their memos: the link check's facts,
// the section headings of articles that glossary terms point at, the search records and the
// preview card a page asks for. Each result is computed by the same function and stored under the
// same key as its reader would use, so the reader takes it only when the key matches what it would
// compute itself. A translation's records wait for its English page (they place the glossary
// names by its headings); one whose English page never comes is left to the reader.
import type { Root } from 'hast';
import { BuildMemo } from './build-memo';
import { parseHtml } from './built-pages';
import { CARDS_MEMO, pageCard, pageCardKey, type PageCard } from './og-card';
import { factsKey, factsOf, PAGE_FACTS_MEMO, type PageFacts } from './page-facts';
import { sectionHeadings, type GlossaryTerm, type SynonymPlacement } from './search-document';
import { pageRole } from './search-pages';
import {
  HEADINGS_MEMO,
  headingsKey,
  pageRecords,
  RECORDS_MEMO,
  recordsKey,
  seeSlug,
  synonymPlacements,
  type Headings,
  type Records,
  type RecordsInput,
} from './search-records';
import { parsePath, withBase } from './urls';

/** What the preparer needs, as plain data (it crosses to the worker). */
export interface PrepInput {
  base: string;
  /** Section of each English article, by slug. */
  sections: [string, string][];
  terms: GlossaryTerm[];
  /** Folder of the build memos: results the last build stored are not computed again. */
  memoDir: string;
  /** Absolute URL prefix of the site's preview images (og-card.ts `imagePrefixOf`). */
  imagePrefix: string;
}

/** Prepared entries by memo name. */
export type PreparedEntries = Record<string, [string, unknown][]>;

/** Built file of a page path in the `directory` build format: `/ja/x/` → `ja/x/index.html`. */
export function builtFileOf(local: string): string {
  return local.endsWith('/') ? `${local.slice(1)}index.html` : local.slice(1);
}

export class PagePreparer {
  private readonly input: RecordsInput;
  private readonly terms: GlossaryTerm[];
  /** Slugs of the articles that glossary terms point at (their headings place the synonyms). */
  private readonly seeSlugs: Set<string>;
  private readonly englishHeadings = new Map<string, Headings>();
  /** Articles whose English page has not been seen yet, by slug. */
  private readonly waiting = new Map<string, { local: string; html: string }[]>();
  private readonly imagePrefix: string;
  private readonly stored: {
    facts: BuildMemo<PageFacts>;
    headings: BuildMemo<Headings>;
    records: BuildMemo<Records>;
    cards: BuildMemo<PageCard | null>;
  };
  private readonly out: {
    facts: [string, PageFacts][];
    headings: [string, Headings][];
    records: [string, Records][];
    cards: [string, PageCard | null][];
  } = { facts: [], headings: [], records: [], cards: [] };
  pages = 0;
  failed = 0;

  constructor(input: PrepInput) {
    this.terms = input.terms;
    this.input = { base: input.base, sections: new Map(input.sections), terms: new Map(input.terms.map((t) => [t.id, t])) };
    this.seeSlugs = new Set(input.terms.flatMap((t) => seeSlug(t) ?? []));
    this.stored = {
      facts: new BuildMemo(PAGE_FACTS_MEMO, input.memoDir),
      headings: new BuildMemo(HEADINGS_MEMO, input.memoDir),
      records: new BuildMemo(RECORDS_MEMO, input.memoDir),
      cards: new BuildMemo(CARDS_MEMO, input.memoDir),
    };
    this.imagePrefix = input.imagePrefix;
  }

  /** Computes what the readers will ask of the page at `local` (root-relative, without the base path). */
  prepare(local: string, html: string): void {
    this.pages++;
    let tree: Root | undefined;
    const parsed = () => (tree ??= parseHtml(html));
    const { base } = this.input;
    try {
      const ck = pageCardKey(this.imagePrefix, html);
      if (this.stored.cards.peek(ck) === undefined) this.out.cards.push([ck, pageCard(html, this.imagePrefix)]);

      const fk = factsKey(base, local, html);
      if (!this.stored.facts.peek(fk)) this.out.facts.push([fk, factsOf(parsed(), local, base)]);

      const { lang, slug } = parsePath(withBase(local, base), base);
      if (lang === 'en' && this.seeSlugs.has(slug)) {
        const hk = headingsKey(html);
        let headings = this.stored.headings.peek(hk);
        if (!headings) this.out.headings.push([hk, (headings = sectionHeadings(parsed()))]);
        this.englishHeadings.set(slug, headings);
        // Translations written before their English page (Astro renders /ja/ first) can be done now.
        for (const page of this.waiting.get(slug) ?? []) this.prepareRecords(page.local, page.html, () => parseHtml(page.html));
        this.waiting.delete(slug);
      }
    } catch {
      // The reader computes this page again and reports the problem with its context.
      this.failed++;
      return;
    }
    this.prepareRecords(local, html, parsed);
  }

  /** The page's search records; an article waits until its English page's headings are known. */
  private prepareRecords(local: string, html: string, parsed: () => Root): void {
    try {
      const { lang, slug } = parsePath(withBase(local, this.input.base), this.input.base);
      const role = pageRole(slug, html);
      let placed: SynonymPlacement[] = [];
      if (role.role === 'article' && this.seeSlugs.has(role.slug)) {
        const headings = this.englishHeadings.get(role.slug);
        if (!headings) {
          this.waiting.set(role.slug, [...(this.waiting.get(role.slug) ?? []), { local, html }]);
          return;
        }
        placed = synonymPlacements(this.terms, (s) => (s === role.slug ? headings : undefined)).get(role.slug) ?? [];
      }
      const page = { html, path: local, lang, file: builtFileOf(local) };
      const rk = recordsKey(page, role, placed, this.input);
      // Last: making the records changes the tree.
      if (!this.stored.records.peek(rk)) this.out.records.push([rk, pageRecords(page, role, parsed(), placed, this.input)]);
    } catch {
      this.failed++;
    }
  }

  /** The entries computed so far, by memo name. */
  results(): PreparedEntries {
    return {
      [PAGE_FACTS_MEMO]: this.out.facts,
      [HEADINGS_MEMO]: this.out.headings,
      [RECORDS_MEMO]: this.out.records,
      [CARDS_MEMO]: this.out.cards,
    };
  }
}
