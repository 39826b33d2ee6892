import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import type { FileInfo } from '../../src/plugins/adapter';

/** Parses MDX the way the site does (heading attributes, GFM) into a plain mdast tree. */
export function parse(source: string): Root {
  const tree = mdxToMdast(source, { features: { headingAttributes: true, gfm: true } }) as unknown as Root;
  return JSON.parse(JSON.stringify(tree, (k, v) => (k.startsWith('_') ? undefined : v))) as Root;
}

/** A file description for transforms under test. */
export const file = (lang = 'en', lineOffset = 0): FileInfo => ({ path: `content/${lang}/test.mdx`, lang, lineOffset });
