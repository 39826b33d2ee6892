import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { urlPathOf, walkFiles } from './built-pages';
import { describePage, type PermalinkPage } from './permalinks';

/** Reads every HTML page of a built site; keys are paths without the base path (`/overview/`). */
export function scanBuild(outDir: string, base: string): Map<string, PermalinkPage> {
  const pages = new Map<string, PermalinkPage>();
  for (const file of walkFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const path = urlPathOf(relative(outDir, file).split(sep).join('/'));
    pages.set(path, describePage(fromHtml(readFileSync(file, 'utf8')), path, base));
  }
  return pages;
}
