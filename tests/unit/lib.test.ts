import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseBase, parseSiteConfig } from '../../src/config/site';
import { loadBibliography } from '../../src/lib/bibliography';
import { loadYamlFolder } from '../../src/lib/data-files';
import { parseHtml } from '../../src/lib/built-pages';
import { findBrokenLinks, lineOfLink, linksOf, type PageLinks } from '../../src/lib/link-check';
import { groupBySection, prevNext } from '../../src/lib/navigation';
import { glossarySchema } from '../../src/lib/schemas';
import { codeMetaTransformer, parseLineRanges, parseTitle } from '../../src/lib/shiki-meta';
import { localePath, parsePath, withBase } from '../../src/lib/urls';
import { frontmatterLines } from '../../src/plugins/adapter';

const tmp = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'hv-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const bibEntry = (url: string) =>
  `title: "The title"\nauthor: "A B"\ndate: 2021-02-03\nurl: "${url}"\nkind: mailing-list\nversion: "Message-ID m"\n`;

describe('urls', () => {
  it('prefixes the base path', () => {
    expect(withBase('/overview/', '/')).toBe('/overview/');
    expect(withBase('/overview/', '/docs/hyperv/')).toBe('/docs/hyperv/overview/');
    expect(() => withBase('overview/', '/')).toThrow(/root-relative/);
  });
  it('builds and splits localized paths', () => {
    expect(localePath('en', 'overview')).toBe('/overview/');
    expect(localePath('ja', 'overview')).toBe('/ja/overview/');
    expect(localePath('ja')).toBe('/ja/');
    expect(parsePath('/docs/hyperv/ja/overview/', '/docs/hyperv/')).toEqual({ lang: 'ja', slug: 'overview' });
    expect(parsePath('/overview/', '/')).toEqual({ lang: 'en', slug: 'overview' });
  });
  it('normalises and validates the base path setting', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('docs/hyperv')).toBe('/docs/hyperv/');
    expect(normaliseBase('/docs/hyperv/')).toBe('/docs/hyperv/');
    expect(() => parseSiteConfig({ title: '' })).toThrow(/Invalid site configuration[\s\S]*title/);
  });
});

describe('navigation', () => {
  const items = [
    { slug: 'b', title: 'B', section: 'kernel' as const, order: 10 },
    { slug: 'a', title: 'A', section: 'concepts' as const, order: 20 },
    { slug: 'c', title: 'C', section: 'concepts' as const, order: 10 },
  ];
  it('groups by section order, then by order', () => {
    expect(groupBySection(items).map((g) => [g.section, g.items.map((i) => i.slug)])).toEqual([
      ['concepts', ['c', 'a']],
      ['kernel', ['b']],
    ]);
  });
  it('finds previous and next across sections', () => {
    const groups = groupBySection(items);
    expect(prevNext(groups, 'a')).toEqual({ prev: items[2], next: items[0] });
    expect(prevNext(groups, 'c').prev).toBeUndefined();
  });
});

describe('code fence meta', () => {
  it('reads highlighted lines and titles', () => {
    expect([...parseLineRanges('title="x" {1,3-5}')]).toEqual([1, 3, 4, 5]);
    expect(parseLineRanges('').size).toBe(0);
    expect(parseTitle('title="include/uapi/linux/mshv.h" {2}')).toBe('include/uapi/linux/mshv.h');
  });
});

describe('frontmatterLines', () => {
  it('counts lines the processor did not see', () => {
    const file = '---\ntitle: x\n---\n\nBody\n';
    expect(frontmatterLines(file, '\nBody\n')).toBe(3);
    expect(frontmatterLines(file, '\n\n\n\nBody\n')).toBe(0);
  });
});

describe('YAML data folders', () => {
  it('reports the file, line and field of a schema error', () => {
    const dir = tmp({
      'vmbus.yaml': 'term: VMBus\nshort: "Too short"\nlong: "A longer explanation."\ncategory: nonsense\nsources: [tlfs]\n',
    });
    expect(() => loadYamlFolder(dir, glossarySchema)).toThrow(/vmbus\.yaml:4: `category`: /);
  });
  it('reports invalid YAML and bad file names', () => {
    expect(() => loadYamlFolder(tmp({ 'a.yaml': 'term: [unclosed\n' }), glossarySchema)).toThrow(/a\.yaml:\d+: invalid YAML/);
    expect(() => loadYamlFolder(tmp({ 'Bad_Name.yaml': 'x: 1\n' }), glossarySchema)).toThrow(/Bad_Name\.yaml:1: the file name/);
  });
  it('rejects two bibliography ids for one URL', () => {
    const dir = tmp({ 'a.yaml': bibEntry('https://lore.kernel.org/x/'), 'b.yaml': bibEntry('https://lore.kernel.org/x/') });
    expect(() => loadBibliography(dir)).toThrow(/b\.yaml:1: same URL as `a`/);
  });
  it('rejects non-https URLs', () => {
    expect(() => loadBibliography(tmp({ 'a.yaml': bibEntry('http://lore.kernel.org/x/') }))).toThrow(/a\.yaml:4: `url`/);
  });
});

describe('link checking', () => {
  const page = (path: string, ids: string[], links: string[]): [string, PageLinks] => [path, { path, ids: new Set(ids), links }];
  const pages = new Map([
    page('/d/', ['top'], ['/d/a/#x', '/d/a/#missing', '/d/b/', 'a/', '/elsewhere/', 'https://lore.kernel.org/x/', 'ftp://x.org/', '/d/a']),
    page('/d/a/', ['x'], ['#x', '../#top']),
  ]);
  it('finds missing pages, anchors, trailing slashes, base escapes and odd schemes', () => {
    const broken = findBrokenLinks(pages, 'https://example.org', '/d/').map((b) => `${b.href}: ${b.reason}`);
    expect(broken).toEqual([
      '/d/a/#missing: no element with id `missing` on /d/a/',
      '/d/b/: no such page',
      '/elsewhere/: points outside the base path `/d/`',
      'ftp://x.org/: unexpected scheme `ftp:`',
      '/d/a: missing trailing slash (the site uses `/page/`)',
    ]);
  });
  it('reads ids, a/area links, links inside diagrams (href or xlink:href) and a refresh target from a page', () => {
    const html =
      '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/d/new/"></head><body id="b">' +
      '<a name="old"></a><a id="i" name="n" href="/d/x/">x</a><area href="/d/y/"><p id="">e</p><a>no href</a>' +
      '<svg><a href="/d/x/"><text>dup</text></a><a xlink:href="/d/z/"><text>z</text></a>' +
      '<foreignObject><div><a href="/d/w/">w</a></div></foreignObject></svg></body></html>';
    const page = linksOf(parseHtml(html), '/d/p/');
    expect([...page.ids].sort()).toEqual(['', 'b', 'i', 'old']);
    expect(page.links).toEqual(['/d/x/', '/d/y/', '/d/x/', '/d/w/', '/d/z/']);
    expect(page.redirect).toBe('/d/new/');
    expect(linksOf(parseHtml('<p>plain</p>'), '/d/q/').redirect).toBeUndefined();
  });
  it('maps a link back to its line in the source', () => {
    expect(lineOfLink('a\nsee [x](/overview/#nope)\n', '/d/overview/#nope', '/d/')).toBe(2);
    expect(lineOfLink('a\n', '/x/', '/')).toBeUndefined();
  });
});

describe('codeMetaTransformer', () => {
  it('lifts the tokenizing time limit, so a loaded machine cannot change the colours of a build', () => {
    const options = { lang: 'c', tokenizeTimeLimit: 500 };
    const transformer = codeMetaTransformer();
    expect(transformer.preprocess!.call({} as never, 'int a;', options as never)).toBe('int a;');
    expect(options.tokenizeTimeLimit).toBe(0);
  });
});
