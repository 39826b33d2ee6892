// The build output as the post-build integrations see it. The link check, the search index, the
// preview images and the security headers all read every built page: they share one walk and one
// read per build instead of each walking and reading dist/ again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';

/** One file of the build output. */
export interface BuiltFile {
  /** Absolute path on disk. */
  file: string;
  /** Path inside the output folder, with `/`: `ja/overview/index.html`. */
  rel: string;
  /** Root-relative URL path without the base path: `/ja/overview/`, `/404.html`, `/favicon.svg`. */
  path: string;
  /** Text of an HTML file; undefined for other files. */
  html: string | undefined;
}

/** Every file below a folder, recursively, in directory order. */
export function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walkFiles(full) : [full];
  });
}

/** URL path of a built file: `ja/overview/index.html` → `/ja/overview/`. */
export function urlPathOf(rel: string): string {
  return `/${rel}`.replace(/(^|\/)index\.html$/, '$1');
}

const read = new Map<string, BuiltFile[]>();

/**
 * Every file of a build output with the text of its HTML pages, read on first use and then shared
 * by the post-build integrations. Call `forgetBuiltFiles` when a new build starts.
 */
export function builtFiles(outDir: string): BuiltFile[] {
  let files = read.get(outDir);
  if (!files) {
    files = walkFiles(outDir).map((file) => {
      const rel = relative(outDir, file).split(sep).join('/');
      return { file, rel, path: urlPathOf(rel), html: file.endsWith('.html') ? readFileSync(file, 'utf8') : undefined };
    });
    read.set(outDir, files);
  }
  return files;
}

/** A built HTML page. */
export type BuiltPage = BuiltFile & { html: string };

/** The HTML pages of a build output (see `builtFiles`). */
export function builtPages(outDir: string): BuiltPage[] {
  return builtFiles(outDir).filter((f): f is BuiltPage => f.html !== undefined);
}

const trees = new WeakMap<BuiltPage, Root>();

/** A built page's hast tree, parsed once and shared by the post-build readers (the link check, the search index). */
export function pageTree(page: BuiltPage): Root {
  let tree = trees.get(page);
  if (!tree) trees.set(page, (tree = parseHtml(page.html)));
  return tree;
}

/** The tree for a reader that changes it (the search index, the last reader): the shared copy is dropped. */
export function takePageTree(page: BuiltPage): Root {
  const tree = pageTree(page);
  trees.delete(page);
  return tree;
}

/** Drops a page's shared tree, if it was parsed (for a last reader that did not need it). */
export function releasePageTree(page: BuiltPage): void {
  trees.delete(page);
}

/** Drops what `builtFiles` read, so the next build reads its own output. */
export function forgetBuiltFiles(): void {
  read.clear();
}

/**
 * Parses a built page to hast like `hast-util-from-html`, without source positions: the post-build
 * readers never report a place in the built HTML, and positions make parsing a third slower.
 */
export function parseHtml(html: string): Root {
  return fromParse5(parse(html, { scriptingEnabled: false })) as Root;
}
