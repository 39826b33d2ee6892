import type { PhrasingContent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { createTermMatcher, type TermName } from '../lib/term-matcher';
import { ContentError, type FileInfo } from './adapter';

/** What the transform needs to know about a glossary term. */
export interface TermInfo {
  term: string;
  aliases: string[];
  short: string;
  /** Japanese name, matched on Japanese pages. */
  ja?: string | undefined;
}

/** Labels the in-place definition needs, per language. */
export interface TermLabels {
  /** URL of the glossary page in the language (base path included), without the anchor. */
  glossaryUrl: string;
  /** Accessible name of the definition button, e.g. `Definition of VMBus`. */
  define: (term: string) => string;
  /** Text of the link from the definition to the full entry. */
  more: string;
}

/** Node types whose text is never auto-linked (tables are dense: links there stay explicit). */
const skipped = new Set([
  'heading',
  'table',
  'link',
  'linkReference',
  'inlineCode',
  'code',
  'definition',
  'html',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
]);

/**
 * Links the first use of each glossary term (or alias) in every section to its entry and offers the
 * one-sentence definition in place: a button that opens an HTML popover (no JavaScript needed).
 * Authors force a link with `[text](term:<id>)` and suppress one with `[text](term:none)`; an
 * unknown id fails with the file and line.
 */
export function glossaryLinks(terms: ReadonlyMap<string, TermInfo>, labels: (lang: string) => TermLabels) {
  const matchers = new Map<string, ReturnType<typeof createTermMatcher>>();
  const matcherFor = (lang: string) => {
    let m = matchers.get(lang);
    if (!m) {
      const names: TermName[] = [];
      for (const [id, t] of terms) {
        for (const name of [t.term, ...t.aliases]) names.push({ id, name });
        if (lang === 'ja' && t.ja) names.push({ id, name: t.ja });
      }
      m = createTermMatcher(names);
      matchers.set(lang, m);
    }
    return m;
  };

  return (tree: Root, file: FileInfo): void => {
    const l = labels(file.lang);
    const match = matcherFor(file.lang);
    let linked = new Set<string>();
    let counter = 0;

    const termNodes = (id: string, text: string): PhrasingContent[] => {
      const t = terms.get(id)!;
      const pop = `term-${id}-${++counter}`;
      return [
        {
          type: 'link',
          url: `${l.glossaryUrl}#${id}`,
          data: { hProperties: { className: ['term'], ariaDescribedby: pop } },
          children: [{ type: 'text', value: text }],
        },
        {
          type: 'emphasis',
          data: {
            hName: 'button',
            hProperties: { type: 'button', className: ['term-info'], popovertarget: pop },
          },
          // Its name as real (visually hidden) text: the visible mark is drawn by CSS.
          children: [
            {
              type: 'emphasis',
              data: { hName: 'span', hProperties: { className: ['sr-only'] } },
              children: [{ type: 'text', value: l.define(t.term) }],
            },
          ],
        },
        {
          type: 'emphasis',
          data: { hName: 'span', hProperties: { id: pop, popover: 'auto', className: ['term-pop'], role: 'tooltip' } },
          children: [
            { type: 'strong', children: [{ type: 'text', value: t.term }] },
            { type: 'text', value: `: ${t.short} ` },
            { type: 'link', url: `${l.glossaryUrl}#${id}`, children: [{ type: 'text', value: l.more }] },
          ],
        },
      ];
    };

    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        if (node.depth <= 3) linked = new Set();
        return SKIP;
      }
      if (node.type === 'link' && node.url.startsWith('term:')) {
        const id = node.url.slice(5);
        if (id === 'none') {
          (parent!.children as RootContent[]).splice(index!, 1, ...(node.children as RootContent[]));
          return [SKIP, index! + node.children.length];
        }
        if (!terms.has(id))
          throw new ContentError(
            file,
            node.position,
            `unknown glossary term \`${id}\` in \`term:${id}\`: use an id from content/glossary/ or \`term:none\``,
          );
        linked.add(id);
        const text = node.children.map((c) => ('value' in c ? c.value : '')).join('');
        (parent!.children as RootContent[]).splice(index!, 1, ...termNodes(id, text));
        return [SKIP, index! + 3];
      }
      if (skipped.has(node.type)) return SKIP;
      // The generated References list names sources, not concepts.
      if (
        node.type === 'list' &&
        String((node.data as { hProperties?: { className?: string[] } } | undefined)?.hProperties?.className) === 'references'
      )
        return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = node as Text;
      const found = match(text.value).filter((m) => !linked.has(m.id));
      if (found.length === 0) return;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const m of found) {
        if (linked.has(m.id) || m.start < last) continue;
        linked.add(m.id);
        if (m.start > last) pieces.push({ type: 'text', value: text.value.slice(last, m.start) });
        pieces.push(...termNodes(m.id, text.value.slice(m.start, m.end)));
        last = m.end;
      }
      if (pieces.length === 0) return;
      if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
