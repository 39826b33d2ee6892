import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { buildPaths } from '../config/paths';
import { offerMemoEntries } from '../lib/build-memo';
import { recordPhase } from '../lib/build-phases';
import { imagePrefixOf } from '../lib/og-card';
import type { PreparedEntries, PrepInput } from '../lib/page-prep';
import { articleSections, glossaryTerms } from '../lib/search-records';
import type { PrepMessage } from './page-prep-worker';

/** The worker's answer to the end of the pages. */
interface PrepResult {
  entries: PreparedEntries;
  pages: number;
  failed: number;
}

/** Root-relative path without the base path of a rendered page's URL, or undefined outside the base. */
export function localPath(url: string, base: string): string | undefined {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(base)) return undefined;
  return decodeURI(`/${pathname.slice(base.length)}`);
}

/**
 * Prepares the post-build readers' per-page work while Astro writes the pages. Writing is one
 * thread's work and leaves the second core of the build machines idle; the link check and the
 * search index then parse every page on that one thread again. This integration wraps Astro's
 * prerenderer: each HTML page it renders is also handed to a worker thread, which parses it and
 * computes the link check's facts, the section headings, the search records and the page's preview
 * card (src/lib/page-prep.ts). When the pages are written, the results are offered to the readers'
 * memos (src/lib/build-memo.ts), where a reader takes one only when its key (the page's bytes,
 * address and other inputs) is the one it would compute; anything missing, or a worker that
 * failed, costs only time: the reader computes it as before.
 */
export function pagePrep(options: { site: string; base: string; contentDir: string }): AstroIntegration {
  let worker: Worker | undefined;
  let sent = 0;
  let failure = '';
  return {
    name: 'page-prep',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        const input: PrepInput = {
          base: options.base,
          sections: [...articleSections(options.contentDir)],
          terms: glossaryTerms(options.contentDir),
          memoDir: join(buildPaths.cacheDir, 'memo'),
          imagePrefix: imagePrefixOf(options.site, options.base),
        };
        sent = 0;
        failure = '';
        const started = new Worker(new URL('./page-prep-worker.ts', import.meta.url), { workerData: input });
        // Never what keeps the process alive (a build that fails before its end leaves it running).
        started.unref();
        // A worker that fails leaves every page to the readers.
        started.on('error', (error) => {
          failure = error.message;
          if (worker === started) worker = undefined;
        });
        worker = started;
        setPrerenderer((inner) => ({
          ...inner,
          render: async (request, renderOptions) => {
            const result = await inner.render(request, renderOptions);
            const response = result instanceof Response ? result : result.response;
            // Astro writes the 404 route to `404.html`, which is the path the readers see.
            const local = renderOptions.routeData.route === '/404' ? '/404.html' : localPath(request.url, options.base);
            if (
              worker &&
              local &&
              (response.status === 200 || response.status === 404) &&
              response.headers.get('content-type')?.startsWith('text/html')
            ) {
              worker.postMessage({ type: 'page', local, html: await response.clone().text() } satisfies PrepMessage);
              sent++;
            }
            return result;
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        const t0 = performance.now();
        const running = worker;
        worker = undefined;
        const stopped = () =>
          logger.warn(
            `page preparation: the worker stopped (${failure || 'no reason given'}); the link check and the search index read every page themselves`,
          );
        if (!running) return stopped();
        try {
          const result = await new Promise<PrepResult | undefined>((resolve) => {
            running.once('message', resolve);
            running.once('error', (error) => {
              failure = error.message;
              resolve(undefined);
            });
            running.once('exit', () => resolve(undefined));
            running.postMessage({ type: 'end' } satisfies PrepMessage);
          });
          if (!result) return stopped();
          for (const [name, entries] of Object.entries(result.entries)) offerMemoEntries(name, entries);
          logger.info(
            `page preparation: ${result.pages} of ${sent} pages read while written${result.failed ? `, ${result.failed} left to the readers` : ''}`,
          );
        } finally {
          await running.terminate();
          recordPhase('page preparation (waiting)', performance.now() - t0);
        }
      },
    },
  };
}
