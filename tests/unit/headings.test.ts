import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { headingAnchors } from '../../src/plugins/headings';
import { scrollableTables } from '../../src/plugins/tables';
import { file, parse } from './helpers';

const label = (_lang: string, title: string) => `Link to this section: ${title}`;
const run = (md: string, lang = 'en') => {
  const tree = parse(md);
  headingAnchors(label)(tree, file(lang));
  return toHtml(toHast(tree));
};

describe('headingAnchors', () => {
  it('keeps explicit ids and adds a self-link', () => {
    expect(run('## Root partition {#root}')).toBe(
      '<h2 id="root">Root partition<a href="#root" class="heading-anchor" aria-label="Link to this section: Root partition"></a></h2>',
    );
  });
  it('slugs headings without an explicit id', () => {
    expect(run('## What is /dev/mshv?')).toContain('id="what-is-devmshv"');
  });
  it('keeps English ids on Japanese headings', () => {
    expect(run('## ルートパーティション {#root-partition}', 'ja')).toContain('<h2 id="root-partition">ルートパーティション');
  });
  it('turns aliases into extra targets inside the heading', () => {
    expect(run('## New name {#new aliases="old older"}')).toContain(
      '<h2 id="new"><span id="old" class="anchor-alias"></span><span id="older" class="anchor-alias"></span>New name',
    );
  });
  it('fails on duplicate ids, naming both lines', () => {
    expect(() => run('## A {#x}\n\n## B {#x}')).toThrow(/test\.mdx:3:1: duplicate id `x` \(first used on line 1\)/);
  });
  it('fails when an alias repeats an id', () => {
    expect(() => run('## A {#x}\n\n## B {#y aliases="x"}')).toThrow(/duplicate id `x`/);
  });
  it('fails on non-ASCII and reserved ids', () => {
    expect(() => run('## ルート')).toThrow(/must be ASCII lower-case/);
    expect(() => run('## Main {#main}')).toThrow(/reserved/);
  });
});

describe('scrollableTables', () => {
  it('wraps tables in a focusable scroll container', () => {
    const tree = parse('| a | b |\n| - | - |\n| 1 | 2 |');
    scrollableTables()(tree);
    expect(toHtml(toHast(tree))).toMatch(/^<div class="table-scroll" tabindex="0">\s*<table>/);
  });
});
