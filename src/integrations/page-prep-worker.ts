// The page preparation worker (src/integrations/page-prep.ts): receives each page as Astro renders
// it and computes its results for the post-build readers (src/lib/page-prep.ts) on the second core.
//
// Node runs this file and what it imports as TypeScript by stripping the types, and resolves
// imports the way Node does; the site's sources name their imports without the extension
// (`./permalinks` for `./permalinks.ts`, `../i18n` for `../i18n/index.ts`), as Vite resolves them,
// so the worker first teaches Node that resolution.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { PrepInput } from '../lib/page-prep';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.endsWith('.ts')) {
      for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
        const url = new URL(candidate, context.parentURL);
        if (existsSync(fileURLToPath(url))) return nextResolve(url.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});

/** A message from the build: a rendered page, or the end of the pages. */
export type PrepMessage = { type: 'page'; local: string; html: string } | { type: 'end' };

const { PagePreparer } = (await import(new URL('../lib/page-prep.ts', import.meta.url).href)) as typeof import('../lib/page-prep');
const preparer = new PagePreparer(workerData as PrepInput);
parentPort!.on('message', (message: PrepMessage) => {
  if (message.type === 'page') preparer.prepare(message.local, message.html);
  else parentPort!.postMessage({ entries: preparer.results(), pages: preparer.pages, failed: preparer.failed });
});
