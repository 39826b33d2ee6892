import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describePage, type PermalinkPage } from './permalinks';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Reads every HTML page of a built site; keys are paths without the base path (`/overview/`). */
export function scanBuild(outDir: string, base: string): Map<string, PermalinkPage> {
  const pages = new Map<string, PermalinkPage>();
  for (const file of walk(outDir).filter((f) => f.endsWith('.html'))) {
    const path = `/${relative(outDir, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
    pages.set(path, describePage(fromHtml(readFileSync(file, 'utf8')), path, base));
  }
  return pages;
}
