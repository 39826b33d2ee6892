import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { recordPhase } from '../lib/build-phases';
import { timeSlicer } from '../lib/event-loop';
import { buildPaths } from '../config/paths';
import { BuildMemo } from '../lib/build-memo';
import { builtPages, pageTree, releasePageTree, takePageTree } from '../lib/built-pages';
import { sectionHeadings } from '../lib/search-document';
import { pageRole } from '../lib/search-pages';
import {
  articleSections,
  glossaryTerms,
  HEADINGS_MEMO,
  headingsKey,
  pageRecords,
  RECORDS_MEMO,
  recordsKey,
  synonymPlacements,
  type Headings,
  type Records,
  type RecordsInput,
} from '../lib/search-records';
import { parsePath, withBase } from '../lib/urls';

/** A record URL that maps to a file path one to one (`/docs/x/` → `docs/x/index.html`). */
const FOLDER_URL = /^\/([\w.-]+\/)*$/;

/**
 * Files Pagefind writes that no page loads: its three prebuilt search UIs, its highlighter and its
 * web worker (the site has its own dialog and highlighter and searches with `noWorker`). Left in
 * the output they would only be half a megabyte of same-origin script that the CSP allows.
 */
const UNUSED_PAGEFIND_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

/** Throws when a Pagefind response reports errors: Pagefind reports them instead of throwing. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`search index: Pagefind failed at ${step}:\n  ${errors.join('\n  ')}`);
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
        const pages = builtPages(out).map((built) => ({
          built,
          file: built.rel,
          path: built.path,
          ...parsePath(withBase(built.path, options.base), options.base),
          html: built.html,
        }));
        const english = new Map(pages.filter((p) => p.lang === 'en').map((p) => [p.slug, p.built]));
        const glossary = glossaryTerms(options.contentDir);
        const terms = new Map(glossary.map((g) => [g.id, g]));
        // Unchanged pages are not parsed again (src/lib/build-memo.ts): their records and headings come
        // from the last build, and most others were prepared while the pages were written
        // (src/integrations/page-prep.ts).
        const memo = new BuildMemo<Records>(RECORDS_MEMO, join(buildPaths.cacheDir, 'memo'));
        const headingsMemo = new BuildMemo<Headings>(HEADINGS_MEMO, join(buildPaths.cacheDir, 'memo'));
        const headingsOf = new Map<string, Headings | undefined>();
        const synonyms = synonymPlacements(glossary, (slug) => {
          if (!headingsOf.has(slug)) {
            const page = english.get(slug);
            headingsOf.set(slug, page && headingsMemo.through(headingsKey(page.html), () => sectionHeadings(pageTree(page))));
          }
          return headingsOf.get(slug);
        });
        const recordsInput: RecordsInput = { base: options.base, sections: articleSections(options.contentDir), terms };

        // An unchanged page with unchanged inputs (its section, the glossary) keeps last build's records.
        const memoised = (page: (typeof pages)[number]): Records => {
          const role = pageRole(page.slug, page.html);
          const placed = role.role === 'article' ? (synonyms.get(role.slug) ?? []) : [];
          // The search index is the last reader of the shared tree: taking it frees it once the page is indexed.
          const records = memo.through(recordsKey(page, role, placed, recordsInput), () =>
            pageRecords(page, role, takePageTree(page.built), placed, recordsInput),
          );
          releasePageTree(page.built);
          return records;
        };

        const input = join(buildPaths.cacheDir, 'search-input');
        rmSync(input, { recursive: true, force: true });
        const { index, errors } = await pagefind.createIndex({});
        let records = 0;
        let pageError: unknown;
        try {
          check('createIndex', errors);
          if (!index) throw new Error('search index: Pagefind returned no index');
          // Pagefind reads a folder of files on all cores but takes files sent to it one at a time on
          // one thread. So each page's record is written as a file at its URL and the folder is
          // added; only records whose URL is not a plain folder path (a glossary term's #anchor) are
          // sent one by one.
          const single: Records = [];
          let files = 0;
          mkdirSync(input, { recursive: true });
          // Yields now and then, so the preview images rendering beside this loop keep getting commands.
          const slice = timeSlicer();
          for (const page of pages) {
            await slice();
            let next: Records;
            try {
              next = memoised(page);
            } catch (error) {
              throw (pageError = error);
            }
            records += next.length;
            for (const record of next) {
              if (!FOLDER_URL.test(record.url)) single.push(record);
              else {
                mkdirSync(join(input, record.url), { recursive: true });
                writeFileSync(join(input, record.url, 'index.html'), record.content);
                files++;
              }
            }
          }
          const folder = await index.addDirectory({ path: input });
          check('addDirectory', folder.errors);
          if (folder.page_count !== files)
            throw new Error(`search index: Pagefind indexed ${folder.page_count} of the ${files} pages written for it`);
          for (const record of single) check(`addHTMLFile ${record.url}`, (await index.addHTMLFile(record)).errors);
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          check('writeFiles', written.errors);
          for (const file of UNUSED_PAGEFIND_FILES) rmSync(join(out, 'pagefind', file), { force: true });
          memo.save();
          headingsMemo.save();
          logger.info(
            `search: ${records} records indexed in ${Date.now() - start} ms (${memo.hits} unchanged pages not prepared again, ${memo.preparedHits} prepared while written)`,
          );
        } catch (error) {
          // A page that cannot be indexed (a layout bug) is reported as it is; a Pagefind failure removes the output.
          if (error === pageError) throw error;
          rmSync(out, { recursive: true, force: true });
          throw new Error(`${(error as Error).message}\nThe output was removed; fix the cause above and build again.`, { cause: error });
        } finally {
          rmSync(input, { recursive: true, force: true });
          await pagefind.close();
          recordPhase('search index', Date.now() - start);
        }
      },
    },
  };
}
