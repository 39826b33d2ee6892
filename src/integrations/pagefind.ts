import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { useTranslations } from '../i18n';
import { loadYamlFolder } from '../lib/data-files';
import { glossarySchema } from '../lib/schemas';
import {
  articleView,
  findSynonymSection,
  glossaryRecords,
  homeView,
  sectionHeadings,
  type GlossaryTerm,
  type SynonymPlacement,
} from '../lib/search-document';
import { frontmatterSection, pageRole } from '../lib/search-pages';
import { parsePath, withBase } from '../lib/urls';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Throws when a Pagefind response reports errors: Pagefind reports them instead of throwing. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`search index: Pagefind failed at ${step}:\n  ${errors.join('\n  ')}`);
}

/** Sections of the English articles, by slug, from their frontmatter. */
function articleSections(contentDir: string): Map<string, string> {
  const dir = join(contentDir, 'en');
  const sections = new Map<string, string>();
  for (const file of walk(dir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))) {
    const slug = relative(dir, file)
      .split(sep)
      .join('/')
      .replace(/\.mdx?$/, '');
    const section = frontmatterSection(readFileSync(file, 'utf8'));
    if (section) sections.set(slug, section);
  }
  return sections;
}

/** Per article slug: where each glossary term's names go (the term's `see` article). */
function synonymPlacements(terms: GlossaryTerm[], englishHtml: (slug: string) => string | undefined): Map<string, SynonymPlacement[]> {
  const placements = new Map<string, SynonymPlacement[]>();
  const headings = new Map<string, ReturnType<typeof sectionHeadings>>();
  for (const term of terms) {
    const slug = term.see?.split('#')[0]!.replace(/^\/|\/$/g, '');
    const html = slug ? englishHtml(slug) : undefined;
    if (!slug || !html) continue;
    if (!headings.has(slug)) headings.set(slug, sectionHeadings(html));
    const list = placements.get(slug) ?? [];
    list.push({ sectionId: findSynonymSection(headings.get(slug)!, term), names: [term.term, ...term.aliases] });
    placements.set(slug, list);
  }
  return placements;
}

/**
 * Builds the Pagefind index at the end of the production build, after the post-build checks:
 * one index per `<html lang>`, written to `<outDir>/pagefind/`. Each page is added through its
 * index view (src/lib/search-document.ts), so the index differs from the shipped HTML only by
 * what search needs. A Pagefind error fails the build and removes the output.
 */
export function pagefindIndex(options: { base: string; contentDir: string }): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const start = Date.now();
        const pages = walk(out)
          .filter((f) => f.endsWith('.html'))
          .map((file) => {
            const rel = relative(out, file).split(sep).join('/');
            const path = '/' + rel.replace(/(^|\/)index\.html$/, '$1');
            return { file: rel, path, ...parsePath(withBase(path, options.base), options.base), html: readFileSync(file, 'utf8') };
          });
        const english = new Map(pages.filter((p) => p.lang === 'en').map((p) => [p.slug, p.html]));
        const glossary: GlossaryTerm[] = loadYamlFolder(join(options.contentDir, 'glossary'), glossarySchema).map((e) => ({
          id: e.id,
          term: e.data.term,
          aliases: e.data.aliases,
          see: e.data.see,
        }));
        const terms = new Map(glossary.map((g) => [g.id, g]));
        const synonyms = synonymPlacements(glossary, (slug) => english.get(slug));
        const sections = articleSections(options.contentDir);

        const records: { url: string; content: string }[] = [];
        for (const page of pages) {
          const t = useTranslations(page.lang);
          const role = pageRole(page.slug, page.html);
          const url = withBase(page.path, options.base);
          if (role.role === 'home') records.push({ url, content: homeView(page.html, t('nav.home')) });
          if (role.role === 'glossary') {
            for (const r of glossaryRecords(page.html, terms, t('page.glossary'))) records.push({ url: `${url}#${r.id}`, content: r.html });
          }
          if (role.role === 'article') {
            const section = sections.get(role.slug);
            const content = articleView(page.html, {
              where: page.file,
              section,
              group: section ? t(`section.${section}` as Parameters<typeof t>[0]) : '',
              synonyms: synonyms.get(role.slug) ?? [],
            });
            records.push({ url, content });
          }
        }

        const { index, errors } = await pagefind.createIndex({});
        try {
          check('createIndex', errors);
          if (!index) throw new Error('search index: Pagefind returned no index');
          for (const record of records) {
            const added = await index.addHTMLFile(record);
            check(`addHTMLFile ${record.url}`, added.errors);
          }
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          check('writeFiles', written.errors);
          logger.info(`search: ${records.length} records indexed in ${Date.now() - start} ms`);
        } catch (error) {
          rmSync(out, { recursive: true, force: true });
          throw new Error(`${(error as Error).message}\nThe output was removed; fix the cause above and build again.`, { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
