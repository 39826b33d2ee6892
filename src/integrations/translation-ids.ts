import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { contentDir } from '../config/paths';
import { listArticleFiles } from '../lib/article-files';
import { checkTranslationIds, type ArticleHeadings, type HeadingId } from '../lib/heading-ids';
import type { FileInfo } from '../plugins/adapter';

/** Heading ids of every article compiled in this build, by real path (symlinks resolved). */
const compiled = new Map<string, { lang: string; ids: HeadingId[] }>();
const realPath = (path: string) => realpathSync(resolve(path));

/** Records the heading ids of a compiled article (the `onIds` of `headingAnchors`). */
export function recordHeadingIds(file: FileInfo, ids: HeadingId[]): void {
  if (file.path !== '<inline>') compiled.set(realPath(file.path), { lang: file.lang, ids });
}

/** `translationKey` and `draft` from an article's frontmatter (already validated by the schema). */
function frontmatterOf(path: string): { translationKey: string; draft: boolean } {
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
  const data = (parse(yaml) ?? {}) as { translationKey?: unknown; draft?: unknown };
  return { translationKey: String(data.translationKey), draft: data.draft === true };
}

/** Every problem of the translations' heading ids, or articles this build did not compile. */
function findProblems(langs: string[]): string[] {
  const show = (path: string) => relative(process.cwd(), path);
  const files = listArticleFiles(contentDir, langs)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => join(contentDir, f));
  // Every article is compiled in every build; if one was not (a cache), the check would be blind.
  const missed = files
    .filter((f) => !compiled.has(realPath(f)))
    .map((f) => `${show(f)}: its heading ids were not collected, so translations cannot be checked (clear SITE_CACHE_DIR and report this)`);
  const articles: ArticleHeadings[] = files
    .filter((f) => compiled.has(realPath(f)))
    .map((f) => ({ file: show(f), ...compiled.get(realPath(f))!, ...frontmatterOf(f) }));
  return [...missed, ...checkTranslationIds(articles, langs[0] ?? 'en')];
}

/**
 * Fails the build when a translation's heading ids differ from its English article's (README,
 * "Translations"). The check runs when the prerender bundle, which compiles every article, is
 * complete, and before any page is written: a failing build leaves no site behind.
 */
export function translationIds(options: { langs: string[] }): AstroIntegration {
  return {
    name: 'translation-ids',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'translation-ids',
                applyToEnvironment: (environment) => environment.name === 'prerender',
                buildStart: () => compiled.clear(),
                buildEnd: (error) => {
                  if (error) return;
                  const problems = findProblems(options.langs);
                  if (problems.length === 0) return;
                  throw new Error(
                    `${problems.length} heading id problem(s) in translations; no page was written:\n  ${problems.join('\n  ')}\n` +
                      'A translation keeps the heading ids and aliases of its English article, so `/ja/<slug>/#id` links work: ' +
                      'write the English `{#id aliases="…"}` on the matching heading (README, "Translations").',
                  );
                },
              },
            ],
          },
        });
      },
    },
  };
}
