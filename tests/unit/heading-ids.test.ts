import { describe, expect, it } from 'vitest';
import { checkTranslationIds, compareHeadingIds, type ArticleHeadings, type HeadingId } from '../../src/lib/heading-ids';
import { headingAnchors } from '../../src/plugins/headings';
import { citations } from '../../src/plugins/citations';
import type { BibEntry } from '../../src/lib/schemas';
import { file, parse } from './helpers';

const at = (line: number, ...ids: string[]): HeadingId[] => ids.map((id) => ({ id, line, column: 1 }));
const en = { file: 'content/en/guide.mdx', ids: [...at(14, 'first'), ...at(30, 'second', 'old-second'), ...at(56, 'nested')] };
const article = (lang: string, name: string, key: string, ids: HeadingId[], draft = false): ArticleHeadings => ({
  file: `content/${lang}/${name}.mdx`,
  lang,
  translationKey: key,
  draft,
  ids,
});

describe('compareHeadingIds', () => {
  it('accepts the same ids in any order, an alias counting like an id', () => {
    const ja = { file: 'content/ja/guide.mdx', ids: [...at(25, 'nested'), ...at(14, 'first', 'second'), ...at(20, 'old-second')] };
    expect(compareHeadingIds(en, ja)).toEqual([]);
  });
  it('names an id the English article lacks at its line in the translation', () => {
    const ja = { file: 'content/ja/guide.mdx', ids: [...en.ids, { id: 'extra', line: 40, column: 3 }] };
    expect(compareHeadingIds(en, ja)).toEqual([
      'content/ja/guide.mdx:40:3: heading id "extra" is not in the English article content/en/guide.mdx',
    ]);
  });
  it('names an id the translation lacks at its English line', () => {
    const ja = { file: 'content/ja/guide.mdx', ids: en.ids.filter((h) => h.id !== 'old-second') };
    expect(compareHeadingIds(en, ja)).toEqual(['content/ja/guide.mdx: missing heading id "old-second" (content/en/guide.mdx:30)']);
  });
  it('reports a renamed id both ways', () => {
    const ja = { file: 'content/ja/guide.mdx', ids: [...en.ids.filter((h) => h.id !== 'nested'), ...at(28, 'nest')] };
    expect(compareHeadingIds(en, ja)).toEqual([
      'content/ja/guide.mdx:28:1: heading id "nest" is not in the English article content/en/guide.mdx',
      'content/ja/guide.mdx: missing heading id "nested" (content/en/guide.mdx:56)',
    ]);
  });
});

describe('checkTranslationIds', () => {
  it('pairs a translation with its original by translationKey, as the pages do', () => {
    const articles = [article('en', 'guide', 'guide', at(14, 'a')), article('ja', 'guide-ja', 'guide', at(12, 'b'))];
    expect(checkTranslationIds(articles, 'en')).toEqual([
      'content/ja/guide-ja.mdx:12:1: heading id "b" is not in the English article content/en/guide.mdx',
      'content/ja/guide-ja.mdx: missing heading id "a" (content/en/guide.mdx:14)',
    ]);
  });
  it('skips drafts, pages without a translation and translations without an original', () => {
    const articles = [
      article('en', 'guide', 'guide', at(14, 'a')),
      article('ja', 'guide', 'guide', at(12, 'b'), true),
      article('en', 'other', 'other', at(14, 'a')),
      article('ja', 'orphan', 'orphan', at(12, 'b')),
    ];
    expect(checkTranslationIds(articles, 'en')).toEqual([]);
  });
});

describe('headingAnchors reports the ids it gives', () => {
  const collect = (md: string, lineOffset = 0) => {
    const seen: HeadingId[][] = [];
    const tree = parse(md);
    const bib = new Map([['tlfs', { data: { title: 'TLFS', kind: 'specification' } as BibEntry }]]);
    const labels = () => ({ heading: 'References', pinned: 'pinned', backTo: () => '', reference: () => '', kinds: {} as never });
    citations(bib, labels)(tree, file('en', lineOffset));
    headingAnchors(
      () => '',
      (_f, ids) => seen.push(ids),
    )(tree, file('en', lineOffset));
    return seen;
  };
  it('gives h2–h6 ids, slugs and aliases at their lines in the real file', () => {
    expect(collect('# Title\n\n## A {#a aliases="old"}\n\n### Made from text\n', 10)).toEqual([
      [
        { id: 'a', line: 13, column: 1 },
        { id: 'old', line: 13, column: 1 },
        { id: 'made-from-text', line: 15, column: 1 },
      ],
    ]);
  });
  it('leaves out the generated References heading', () => {
    expect(collect('## A {#a}\n\nCited [@tlfs].')).toEqual([[{ id: 'a', line: 1, column: 1 }]]);
  });
});
