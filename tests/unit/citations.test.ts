import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { parseCitationGroup, scanCitations } from '../../src/lib/citation-syntax';
import type { BibEntry } from '../../src/lib/schemas';
import { citations, type CitationLabels } from '../../src/plugins/citations';
import { file, parse } from './helpers';

const entry = (title: string): { data: BibEntry } => ({
  data: {
    title,
    author: 'Wei Liu',
    date: '2020-09-14',
    url: `https://lore.kernel.org/${title}/`,
    kind: 'mailing-list',
    version: 'Message-ID x',
  },
});
const bib = new Map([
  ['rfc', entry('RFC')],
  ['tlfs', entry('TLFS')],
]);
const labels = (): CitationLabels => ({
  heading: 'References',
  pinned: 'pinned to',
  backTo: (n) => `Back to citation ${n}`,
  reference: (n, t) => `Reference ${n}: ${t}`,
  kinds: {
    'kernel-source': 'Kernel source',
    'mailing-list': 'Mailing list',
    specification: 'Specification',
    documentation: 'Documentation',
    'source-code': 'Source code',
    press: 'Press',
  },
});
const html = (md: string) => {
  const tree = parse(md);
  citations(bib, labels)(tree, file());
  return toHtml(toHast(tree));
};

describe('citation syntax', () => {
  it('splits groups into ids', () => {
    expect(parseCitationGroup('rfc; @tlfs')).toEqual({ ids: ['rfc', 'tlfs'] });
    expect(parseCitationGroup('Bad Id')).toHaveProperty('error');
    expect(parseCitationGroup('rfc; tlfs')).toHaveProperty('error');
  });
  it('scans ids in order of first appearance', () => {
    expect(scanCitations('a [@tlfs] b [@rfc; @tlfs] `[@code]`')).toEqual(['tlfs', 'rfc', 'code']);
  });
});

describe('citations transform', () => {
  it('numbers sources by first citation and links both ways', () => {
    const out = html('One [@tlfs]. Two [@rfc; @tlfs].');
    expect(out).toContain('<sup class="cite">[<a href="#ref-tlfs" id="cite-tlfs-1" aria-label="Reference 1: TLFS">1</a>]</sup>');
    expect(out).toContain('[<a href="#ref-rfc" id="cite-rfc-1" aria-label="Reference 2: RFC">2</a>, <a href="#ref-tlfs" id="cite-tlfs-2"');
    expect(out).toContain('<h2 id="references">References</h2>');
    expect(out).toMatch(/<li id="ref-tlfs">.*href="#cite-tlfs-1".*↩1.*href="#cite-tlfs-2".*↩2/s);
    expect(out).toMatch(/<li id="ref-rfc">.*Mailing list; pinned to: Message-ID x\..*href="#cite-rfc-1"/s);
  });

  it('adds no References section to a page without citations', () => {
    expect(html('No citations here.')).not.toContain('References');
  });

  it('ignores citation-like text in code', () => {
    const out = html('Code `[@rfc]` and\n\n```\n[@tlfs]\n```\n');
    expect(out).not.toContain('cite');
  });

  it('fails on an unknown id with file and line', () => {
    const tree = parse('Line one.\n\nLine three [@nope].');
    expect(() => citations(bib, labels)(tree, file('en', 5))).toThrow(/^content\/en\/test\.mdx:8:1: unknown citation id `nope`/);
  });

  it('fails on a malformed group', () => {
    const tree = parse('Bad [@RFC Two].');
    expect(() => citations(bib, labels)(tree, file())).toThrow(/malformed citation/);
  });
});
