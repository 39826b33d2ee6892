import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { loadGlossary } from '../../src/lib/glossary';
import { createTermMatcher } from '../../src/lib/term-matcher';
import { glossaryLinks, type TermInfo } from '../../src/plugins/glossary-links';
import { file, parse } from './helpers';

const terms = new Map<string, TermInfo>([
  ['root-partition', { term: 'Root partition', aliases: ['parent partition'], short: 'The privileged partition.' }],
  ['partition', { term: 'partition', aliases: [], short: 'An isolation unit.' }],
  ['vmbus', { term: 'VMBus', aliases: [], short: 'The channel bus.' }],
  ['dev-mshv', { term: '/dev/mshv', aliases: [], short: 'The device node.' }],
]);
const labels = () => ({ glossaryUrl: '/glossary/', define: (t: string) => `Definition of ${t}`, more: 'Glossary entry' });
const run = (md: string, lang = 'en') => {
  const tree = parse(md);
  glossaryLinks(terms, labels)(tree, file(lang));
  return toHtml(toHast(tree, { allowDangerousHtml: false }));
};
const linksIn = (html: string) => [...html.matchAll(/<a href="\/glossary\/#([a-z-]+)" class="term"/g)].map((m) => m[1]);

describe('createTermMatcher', () => {
  const match = createTermMatcher([
    { id: 'rp', name: 'root partition' },
    { id: 'p', name: 'partition' },
    { id: 'vmbus', name: 'VMBus' },
    { id: 'mshv', name: '/dev/mshv' },
  ]);
  const ids = (s: string) => match(s).map((m) => [m.id, s.slice(m.start, m.end)]);
  it('prefers longer names and accepts plurals and any case for lower-case names', () => {
    expect(ids('The Root Partitions and a partition.')).toEqual([
      ['rp', 'Root Partitions'],
      ['p', 'partition'],
    ]);
  });
  it('matches capitalised names exactly and respects word boundaries', () => {
    expect(ids('vmbus VMBus VMBuses XVMBus VMBus_x')).toEqual([
      ['vmbus', 'VMBus'],
      ['vmbus', 'VMBuses'],
    ]);
  });
  it('finds path-like names and English names inside Japanese text', () => {
    expect(ids('open /dev/mshv; not /dev/mshv2')).toEqual([['mshv', '/dev/mshv']]);
    expect(ids('VMBusはroot partitionの一部')).toEqual([
      ['vmbus', 'VMBus'],
      ['rp', 'root partition'],
    ]);
  });
});

describe('glossaryLinks', () => {
  it('links the first use per section, with an in-place definition popover', () => {
    const html = run('A root partition and VMBus. The root partition again.\n\n## Next {#next}\n\nVMBus again.');
    expect(linksIn(html)).toEqual(['root-partition', 'vmbus', 'vmbus']);
    expect(html).toContain(
      '<button type="button" class="term-info" popovertarget="term-root-partition-1"><span class="sr-only">Definition of Root partition</span></button>',
    );
    expect(html).toContain(
      '<span id="term-root-partition-1" popover="auto" class="term-pop" role="tooltip"><strong>Root partition</strong>: The privileged partition. <a href="/glossary/#root-partition">Glossary entry</a></span>',
    );
  });
  it('treats aliases as the term', () => {
    expect(linksIn(run('The parent partition, then the root partition.'))).toEqual(['root-partition']);
  });
  it('leaves code, links, headings and tables alone', () => {
    const html = run('## VMBus {#vmbus-h}\n\n`VMBus` and [VMBus](/x/) and\n\n```\nVMBus\n```\n\n| VMBus |\n| - |\n| VMBus |\n');
    expect(linksIn(html)).toEqual([]);
  });
  it('honours explicit links and suppression', () => {
    expect(linksIn(run('A [bus](term:vmbus) then VMBus.'))).toEqual(['vmbus']);
    const html = run('A [VMBus](term:none) then VMBus.');
    expect(linksIn(html)).toEqual(['vmbus']);
    expect(html).toMatch(/^<p>A VMBus then <a/);
  });
  it('fails on an unknown explicit term with file and line', () => {
    expect(() => run('Text.\n\nA [x](term:nope).')).toThrow(/test\.mdx:3:3: unknown glossary term `nope`/);
  });
  it('links English terms in Japanese text', () => {
    expect(linksIn(run('ルートは VMBus を使う。', 'ja'))).toEqual(['vmbus']);
  });
});

describe('loadGlossary', () => {
  const entry = (extra = '') =>
    `term: "VMBus"\nshort: "The channel bus between partitions."\nlong: "Longer text here."\ncategory: vmbus\nsources: [tlfs]\n${extra}`;
  const dir = (files: Record<string, string>) => {
    const d = mkdtempSync(join(tmpdir(), 'hv-gl-'));
    for (const [n, t] of Object.entries(files)) writeFileSync(join(d, n), t);
    return d;
  };
  it('accepts a valid glossary', () => {
    expect([...loadGlossary(new Set(['tlfs']), dir({ 'vmbus.yaml': entry() })).keys()]).toEqual(['vmbus']);
  });
  it('rejects unknown related terms, unknown sources and shared names', () => {
    expect(() => loadGlossary(new Set(['tlfs']), dir({ 'vmbus.yaml': entry('related: [nope]\n') }))).toThrow(
      /`related`: unknown glossary term `nope`/,
    );
    expect(() => loadGlossary(new Set([]), dir({ 'vmbus.yaml': entry() }))).toThrow(/`sources`: unknown bibliography id `tlfs`/);
    expect(() => loadGlossary(new Set(['tlfs']), dir({ 'a.yaml': entry(), 'b.yaml': entry() }))).toThrow(
      /the name `VMBus` also belongs to `a`/,
    );
  });
});
