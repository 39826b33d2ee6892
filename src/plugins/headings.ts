import GithubSlugger from 'github-slugger';
import type { Heading, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { HeadingId } from '../lib/heading-ids';
import { ContentError, type FileInfo } from './adapter';

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Ids the layout itself puts on every page; a heading may not take them. */
export const reservedIds = ['main', 'content', 'toc', 'top', 'site-nav', 'nav-toggle', 'summary'];

/**
 * Gives every heading a stable id (explicit `{#id}` or a slug of its text), keeps former ids from
 * `{#id aliases="old other"}` as extra targets, adds a self-link, and fails on duplicate or
 * non-ASCII ids with the file and line. `onIds` receives the ids and aliases of the h2–h6
 * headings written in the file (not generated ones such as References), for the translation check.
 */
export function headingAnchors(label: (lang: string, title: string) => string, onIds?: (file: FileInfo, ids: HeadingId[]) => void) {
  return (tree: Root, file: FileInfo): void => {
    const slugger = new GithubSlugger();
    const seen = new Map<string, number>();
    const written: HeadingId[] = [];
    const claim = (id: string, node: Heading, what: string) => {
      const line = (node.position?.start.line ?? 0) + file.lineOffset;
      if (!idPattern.test(id)) {
        throw new ContentError(
          file,
          node.position,
          `${what} \`${id}\` must be ASCII lower-case letters, digits and hyphens (write \`{#some-id}\`)`,
        );
      }
      if (reservedIds.includes(id)) throw new ContentError(file, node.position, `${what} \`${id}\` is reserved by the page layout`);
      const prev = seen.get(id);
      if (prev !== undefined) throw new ContentError(file, node.position, `duplicate id \`${id}\` (first used on line ${prev})`);
      seen.set(id, line);
    };
    visit(tree, 'heading', (node) => {
      const props = ((node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties ?? {}) as Record<string, unknown>;
      const text = toString(node);
      const explicit = typeof props.id === 'string' ? props.id : undefined;
      const id = explicit ?? slugger.slug(text);
      claim(id, node, explicit ? 'heading id' : 'heading id (made from the text; set one with `{#id}`)');
      const aliases = typeof props.aliases === 'string' ? props.aliases.split(/\s+/).filter(Boolean) : [];
      aliases.forEach((a) => claim(a, node, 'heading alias'));
      // h2–h6, the permanent anchors of README, "Permalinks".
      if (node.position && node.depth > 1) {
        const at = { line: node.position.start.line + file.lineOffset, column: node.position.start.column };
        written.push(...[id, ...aliases].map((x) => ({ id: x, ...at })));
      }
      const { aliases: _drop, ...rest } = props;
      node.data = { ...node.data, hProperties: { ...rest, id } };
      const extra: PhrasingContent[] = aliases.map((a) => ({
        type: 'emphasis',
        data: { hName: 'span', hProperties: { id: a, className: ['anchor-alias'] } },
        children: [],
      }));
      node.children = [
        ...extra,
        ...node.children,
        {
          type: 'link',
          url: `#${id}`,
          data: { hProperties: { className: ['heading-anchor'], ariaLabel: label(file.lang, text) } },
          children: [],
        },
      ];
    });
    onIds?.(file, written);
  };
}
