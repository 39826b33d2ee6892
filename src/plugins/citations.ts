import type { ListItem, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { citationPattern, parseCitationGroup } from '../lib/citation-syntax';
import type { BibEntry } from '../lib/schemas';
import { ContentError, type FileInfo } from './adapter';

/** Labels the References section needs, per language. */
export interface CitationLabels {
  heading: string;
  backTo: (n: number) => string;
  reference: (n: number, title: string) => string;
  kinds: Record<BibEntry['kind'], string>;
  pinned: string;
}

interface Cited {
  id: string;
  n: number;
  uses: number;
}

/**
 * Turns `[@id]` groups into numbered links to a generated References section and appends that
 * section. Unknown or malformed ids fail with the file and line.
 */
export function citations(bib: ReadonlyMap<string, { data: BibEntry }>, labels: (lang: string) => CitationLabels) {
  return (tree: Root, file: FileInfo): void => {
    const l = labels(file.lang);
    const cited = new Map<string, Cited>();
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'inlineCode' || node.type === 'code') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = node as Text;
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const m of text.value.matchAll(citationPattern)) {
        const parsed = parseCitationGroup(m[1] ?? '');
        if ('error' in parsed) throw new ContentError(file, text.position, parsed.error);
        const links: PhrasingContent[] = [];
        for (const id of parsed.ids) {
          const entry = bib.get(id);
          if (!entry) {
            throw new ContentError(
              file,
              text.position,
              `unknown citation id \`${id}\`: add \`content/bibliography/${id}.yaml\` or fix the id`,
            );
          }
          const c = cited.get(id) ?? { id, n: cited.size + 1, uses: 0 };
          c.uses += 1;
          cited.set(id, c);
          if (links.length > 0) links.push({ type: 'text', value: ', ' });
          links.push({
            type: 'link',
            url: `#ref-${id}`,
            data: { hProperties: { id: `cite-${id}-${c.uses}`, ariaLabel: l.reference(c.n, entry.data.title) } },
            children: [{ type: 'text', value: String(c.n) }],
          });
        }
        if (m.index > last) pieces.push({ type: 'text', value: text.value.slice(last, m.index) });
        pieces.push({
          type: 'emphasis',
          data: { hName: 'sup', hProperties: { className: ['cite'] } },
          children: [{ type: 'text', value: '[' }, ...links, { type: 'text', value: ']' }],
        });
        last = m.index + m[0].length;
      }
      if (pieces.length === 0) return;
      if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
    if (cited.size > 0) tree.children.push(...referencesSection([...cited.values()], bib, l));
  };
}

function referencesSection(cited: Cited[], bib: ReadonlyMap<string, { data: BibEntry }>, l: CitationLabels): RootContent[] {
  const items: ListItem[] = cited.map((c) => {
    const e = bib.get(c.id)!.data;
    const back: PhrasingContent[] = [];
    for (let k = 1; k <= c.uses; k++) {
      back.push({ type: 'text', value: ' ' });
      back.push({
        type: 'link',
        url: `#cite-${c.id}-${k}`,
        data: { hProperties: { className: ['ref-back'], ariaLabel: l.backTo(k) } },
        children: [{ type: 'text', value: c.uses > 1 ? `↩${k}` : '↩' }],
      });
    }
    return {
      type: 'listItem',
      data: { hProperties: { id: `ref-${c.id}` } },
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: `${e.author}, ` },
            { type: 'link', url: e.url, children: [{ type: 'text', value: e.title }] },
            { type: 'text', value: ` (${e.date}). ${l.kinds[e.kind]}; ${l.pinned}: ${e.version}.` },
            ...back,
          ],
        },
      ],
    };
  });
  return [
    { type: 'heading', depth: 2, data: { hProperties: { id: 'references' } }, children: [{ type: 'text', value: l.heading }] },
    { type: 'list', ordered: true, spread: false, data: { hProperties: { className: ['references'] } }, children: items },
  ];
}
