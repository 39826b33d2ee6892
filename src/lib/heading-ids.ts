// The translation rule of README, "Translations": a translation has the same heading ids as its
// English article, so `/ja/<slug>/#id` lands where `/<slug>/#id` does.

/** A heading id or alias, where it is written (line counted in the real file, frontmatter included). */
export interface HeadingId {
  id: string;
  line: number;
  column: number;
}

/** The heading ids of one article file. */
export interface ArticleIds {
  /** Path for messages: `content/ja/guide.mdx`. */
  file: string;
  ids: HeadingId[];
}

/** An article as the translation check sees it. */
export interface ArticleHeadings extends ArticleIds {
  lang: string;
  /** Links a translation to its original, as the pages do (`src/lib/docs.ts`). */
  translationKey: string;
  /** Drafts are not built, so they are not checked. */
  draft: boolean;
}

/**
 * Compares a translation's heading ids with its English article's. One message per id that only
 * one of them has: at its line in the translation, or, for a missing id, at its English line.
 */
export function compareHeadingIds(en: ArticleIds, ja: ArticleIds): string[] {
  const enIds = new Set(en.ids.map((h) => h.id));
  const jaIds = new Set(ja.ids.map((h) => h.id));
  return [
    ...ja.ids
      .filter((h) => !enIds.has(h.id))
      .map((h) => `${ja.file}:${h.line}:${h.column}: heading id "${h.id}" is not in the English article ${en.file}`),
    ...en.ids.filter((h) => !jaIds.has(h.id)).map((h) => `${ja.file}: missing heading id "${h.id}" (${en.file}:${h.line})`),
  ];
}

/** Checks every published translation against the published original with its `translationKey`. */
export function checkTranslationIds(articles: ArticleHeadings[], defaultLang: string): string[] {
  const published = articles.filter((a) => !a.draft).sort((a, b) => a.file.localeCompare(b.file));
  const originals = new Map(published.filter((a) => a.lang === defaultLang).map((a) => [a.translationKey, a]));
  return published
    .filter((a) => a.lang !== defaultLang)
    .flatMap((t) => {
      const original = originals.get(t.translationKey);
      return original ? compareHeadingIds(original, t) : [];
    });
}
