import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';

/** What a transform knows about the file it works on. */
export interface FileInfo {
  /** Path relative to the project, for messages (`content/en/overview.mdx`). */
  path: string;
  /** Language of the document, from its folder (`content/<lang>/`). */
  lang: string;
  /** Lines to add to a node's line so it counts from the top of the real file. */
  lineOffset: number;
}

/** A pure transform of a whole mdast tree, in the style of a unified plugin. */
export type MdastTransform = (tree: Root, file: FileInfo) => void | Promise<void>;

/** Error in a content file: the message starts with `path:line:column`. */
export class ContentError extends Error {
  constructor(file: FileInfo, position: { start: { line: number; column: number } } | undefined, message: string) {
    const where = position ? `${file.path}:${position.start.line + file.lineOffset}:${position.start.column}` : file.path;
    super(`${where}: ${message}`);
    this.name = 'ContentError';
  }
}

/**
 * Lines the processor did not see at the top of the file. Astro may hand over the body without its
 * frontmatter, or with the frontmatter blanked out (line numbers then already match): the difference
 * in line counts tells which.
 */
export function frontmatterLines(fileText: string, processed: string): number {
  const diff = fileText.split('\n').length - processed.split('\n').length;
  return fileText.startsWith('---') && diff > 0 ? diff : 0;
}

/** Describes the document a Sätteri context works on. */
export function describeFile(fileURL: URL | undefined, source: string): FileInfo {
  if (!fileURL) return { path: '<inline>', lang: 'en', lineOffset: 0 };
  const abs = fileURLToPath(fileURL);
  const path = relative(process.cwd(), abs);
  const lang = /(?:^|\/)([a-z]{2})\/[^/]+\.mdx?$/.exec(path)?.[1] ?? 'en';
  let lineOffset: number;
  try {
    lineOffset = frontmatterLines(readFileSync(abs, 'utf8'), source);
  } catch {
    lineOffset = 0;
  }
  return { path, lang, lineOffset };
}

/** Drops Sätteri's private bookkeeping keys so the tree is plain data. */
function toPlain<T>(tree: T): T {
  return JSON.parse(JSON.stringify(tree, (key, value) => (key.startsWith('_') ? undefined : value))) as T;
}

/**
 * Wraps pure whole-tree transforms as one Sätteri mdast plugin: the tree is copied out once with
 * positions, every transform runs in order, and the result is put back as a whole. (One copy for all
 * transforms: a tree put back loses its positions, so a second copy could not report lines.)
 * Errors thrown by a transform fail the compile.
 */
export function wholeTreePlugin(name: string, transforms: MdastTransform[]): MdastPluginDefinition {
  return defineMdastPlugin({
    name,
    options: { position: true },
    async before(root, ctx) {
      const tree = toPlain(root) as Root;
      const file = describeFile(ctx.fileURL, ctx.source);
      for (const transform of transforms) await transform(tree, file);
      ctx.replaceNode(root, tree);
    },
  });
}
