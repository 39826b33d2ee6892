import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { manifestMode, manifestPath } from '../../src/lib/permalinks-check';
import {
  currentManifest,
  describeAdded,
  describeLost,
  describePage,
  diffManifest,
  isPermanentId,
  parseManifest,
  refreshTarget,
  serialiseManifest,
  updateManifest,
  type Manifest,
  type PermalinkPage,
} from '../../src/lib/permalinks';
import { sourceOf } from '../../src/lib/permalinks-source';

const article = `<!doctype html><html lang="en"><head><title>t</title></head><body>
<nav id="site-nav"><h2>Nav</h2></nav>
<main id="main"><article class="prose">
<h2 id="first">First<a class="heading-anchor" href="#first"></a></h2>
<h2 id="second"><span id="old-second" class="anchor-alias"></span>Second</h2>
<figure id="dgm-abc-1"><h3 id="dgm-abc-1-name">Diagram</h3><svg><g id="flowchart-x"></g></svg></figure>
<p>A <a id="term-vmbus-3" href="/glossary/#vmbus">VMBus</a> claim<sup><a id="cite-tlfs-1" href="#ref-tlfs">1</a></sup>.</p>
<h2 id="references">References</h2><ol><li id="ref-tlfs">TLFS</li></ol>
</article></main>
<nav class="toc"><h2 id="toc-title">On this page</h2></nav></body></html>`;

const page = (html: string, path: string, base = '/') => describePage(fromHtml(html), path, base);
const pagesOf = (...list: PermalinkPage[]) => new Map(list.map((p) => [p.path, p]));

describe('the permanent-anchor rule', () => {
  it('takes headings, aliases and reference entries in <main>, never generated ids', () => {
    const p = page(article, '/guide/');
    expect(p.kind).toBe('page');
    expect(p.lang).toBe('en');
    expect(p.anchors).toEqual(['first', 'old-second', 'ref-tlfs', 'references', 'second']);
    expect(p.ids.has('cite-tlfs-1')).toBe(true);
  });
  it('takes glossary entries and bibliography entries, not the letter navigation', () => {
    const html = `<html lang="ja"><body><main><h2 id="letter-v">V</h2><dl><div class="glossary-entry" id="vmbus"><dt>VMBus</dt></div></dl>
      <ul class="references"><li id="tlfs">TLFS</li></ul></main></body></html>`;
    expect(page(html, '/ja/glossary/').anchors).toEqual(['tlfs', 'vmbus']);
  });
  it('names the generated id families in one place', () => {
    for (const id of ['dgm-1a2b-1', 'chart-title-dgm-1', 'cite-tlfs-2', 'term-vmbus-4', 'letter-a', 'main', 'toc-title']) {
      expect(isPermanentId(id), id).toBe(false);
    }
    for (const id of ['first', 'ref-tlfs', 'vmbus', 'design-notes']) expect(isPermanentId(id), id).toBe(true);
  });
  it('recognises redirect stubs and hidden pages', () => {
    const stub = page(
      '<html lang="en"><head><meta http-equiv="refresh" content="0; url=/docs/new/"></head><body></body></html>',
      '/old/',
      '/docs/',
    );
    expect(stub).toMatchObject({ kind: 'redirect', redirect: '/new/', anchors: [] });
    const hidden = page(
      '<html lang="en"><head><meta name="robots" content="noindex"></head><body><main><h2 id="x">X</h2></main></body></html>',
      '/404.html',
    );
    expect(hidden).toMatchObject({ kind: 'hidden', anchors: [] });
  });
  it('reads the target of a meta refresh', () => {
    expect(refreshTarget('0; url=/new/')).toBe('/new/');
    expect(refreshTarget("0;URL='/docs/new/'")).toBe('/docs/new/');
    expect(refreshTarget('5')).toBeUndefined();
  });
});

describe('manifest diff', () => {
  const guide = page(article, '/guide/');
  const manifest: Manifest = { en: { '/guide/': ['first', 'second', 'old-second'] } };

  it('finds nothing lost or new when the build matches', () => {
    const exact = currentManifest([guide]);
    expect(diffManifest(exact, pagesOf(guide))).toEqual({ lost: [], added: [] });
  });
  it('reports a renamed heading as a lost anchor', () => {
    const renamed = page(article.replace('id="second"', 'id="renamed"').replace('id="old-second" ', ''), '/guide/');
    const { lost } = diffManifest(manifest, pagesOf(renamed));
    expect(lost).toEqual([
      { lang: 'en', path: '/guide/', anchor: 'second', movedTo: undefined },
      { lang: 'en', path: '/guide/', anchor: 'old-second', movedTo: undefined },
    ]);
  });
  it('accepts a renamed heading that keeps the old id as an alias', () => {
    const aliased = page(article.replace('<h2 id="second">', '<h2 id="renamed"><span id="second" class="anchor-alias"></span>'), '/guide/');
    expect(aliased.anchors).toEqual(expect.arrayContaining(['renamed', 'second', 'old-second']));
    expect(diffManifest(manifest, pagesOf(aliased)).lost).toEqual([]);
  });
  it('reports a deleted page, and accepts a moved one through its redirect stub', () => {
    expect(diffManifest(manifest, pagesOf()).lost).toEqual([{ lang: 'en', path: '/guide/' }]);
    const moved = { ...guide, path: '/handbook/' };
    const stub: PermalinkPage = { path: '/guide/', lang: 'en', kind: 'redirect', redirect: '/handbook/', anchors: [], ids: new Set() };
    expect(diffManifest(manifest, pagesOf(moved, stub)).lost).toEqual([]);
    const lostThere = { ...moved, ids: new Set(['first']) };
    expect(diffManifest(manifest, pagesOf(lostThere, stub)).lost.map((l) => `${l.anchor}→${l.movedTo}`)).toEqual([
      'second→/handbook/',
      'old-second→/handbook/',
    ]);
  });
  it('treats a redirect loop as a lost page', () => {
    const a: PermalinkPage = { path: '/a/', lang: 'en', kind: 'redirect', redirect: '/b/', anchors: [], ids: new Set() };
    const b: PermalinkPage = { path: '/b/', lang: 'en', kind: 'redirect', redirect: '/a/', anchors: [], ids: new Set() };
    expect(diffManifest({ en: { '/a/': [] } }, pagesOf(a, b)).lost).toEqual([{ lang: 'en', path: '/a/' }]);
  });
  it('lists new pages and anchors, which do not fail the build', () => {
    const { added } = diffManifest({ en: { '/guide/': ['first'] } }, pagesOf(guide, { ...guide, path: '/new/' }));
    expect(added.map((a) => `${a.path}#${a.anchor ?? ''}`)).toEqual([
      '/guide/#old-second',
      '/guide/#ref-tlfs',
      '/guide/#references',
      '/guide/#second',
      '/new/#',
    ]);
    expect(describeAdded(added, 2)).toMatch(
      /^5 page\(s\)\/anchor\(s\) not in the permalink manifest yet .* and 3 more\): run `npm run permalinks:update`/,
    );
  });
  it('ignores hidden pages and redirect stubs when listing what the build serves', () => {
    const hidden: PermalinkPage = { ...guide, path: '/404.html', kind: 'hidden' };
    expect(Object.keys(currentManifest([guide, hidden]).en!)).toEqual(['/guide/']);
  });
});

describe('manifest update', () => {
  const guide = page(article, '/guide/');
  it('adds new entries and keeps those that still work through a redirect', () => {
    const stub: PermalinkPage = { path: '/old/', lang: 'en', kind: 'redirect', redirect: '/guide/', anchors: [], ids: new Set() };
    const next = updateManifest({ en: { '/old/': ['first'] } }, pagesOf(guide, stub), false);
    expect(next.en!['/old/']).toEqual(['first']);
    expect(next.en!['/guide/']).toEqual(guide.anchors);
  });
  it('keeps lost entries unless pruning', () => {
    const old: Manifest = { en: { '/guide/': ['gone', 'first'], '/deleted/': ['x'] } };
    expect(updateManifest(old, pagesOf(guide), false).en).toMatchObject({
      '/deleted/': ['x'],
      '/guide/': expect.arrayContaining(['gone']),
    });
    const pruned = updateManifest(old, pagesOf(guide), true);
    expect(pruned.en!['/deleted/']).toBeUndefined();
    expect(pruned.en!['/guide/']).not.toContain('gone');
  });
  it('serialises sorted, and parses back; a damaged file says what to do', () => {
    const text = serialiseManifest({ ja: { '/ja/b/': ['z', 'a'] }, en: { '/b/': [], '/a/': ['y'] } });
    expect(text.endsWith('\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).pages)).toEqual(['en', 'ja']);
    expect(parseManifest(text, 'p.json')).toEqual({ en: { '/a/': ['y'], '/b/': [] }, ja: { '/ja/b/': ['a', 'z'] } });
    expect(() => parseManifest('{', 'content/permalinks.json')).toThrow(
      /content\/permalinks\.json: not valid JSON.*npm run permalinks:update/,
    );
    expect(() => parseManifest('{"pages":{"en":{"/a/":"x"}}}', 'p.json')).toThrow(/expected/);
  });
});

describe('messages', () => {
  it('say what was lost, where, and what to do', () => {
    expect(describeLost({ lang: 'en', path: '/guide/', anchor: 'second' }, 'content/en/guide.mdx')).toMatch(
      /^content\/en\/guide\.mdx: listed anchor `\/guide\/#second` no longer exists\. .*aliases="second".*--prune/,
    );
    expect(describeLost({ lang: 'ja', path: '/ja/guide/' }, undefined)).toMatch(
      /^listed page `\/ja\/guide\/` no longer exists\. .*redirectFrom: \['\/guide\/'\]/,
    );
    expect(describeLost({ lang: 'en', path: '/old/', anchor: 'x', movedTo: '/new/' }, undefined)).toMatch(
      /moved to `\/new\/`, which has no id `x`/,
    );
  });
  it('map pages and anchors to their content files', () => {
    const exists = (f: string) => ['c/en/guide.mdx', 'c/ja/guide.mdx', 'c/en/only.mdx'].includes(f);
    expect(sourceOf({ path: '/guide/', anchor: 'x' }, 'c', exists)).toBe('c/en/guide.mdx');
    expect(sourceOf({ path: '/ja/guide/' }, 'c', exists)).toBe('c/ja/guide.mdx');
    expect(sourceOf({ path: '/ja/only/' }, 'c', exists)).toBe('c/en/only.mdx');
    expect(sourceOf({ path: '/gone/' }, 'c', exists)).toBe('c/en/gone.mdx (deleted or renamed)');
    expect(sourceOf({ path: '/ja/glossary/', anchor: 'vmbus' }, 'c', exists)).toBe('c/glossary/vmbus.yaml');
    expect(sourceOf({ path: '/references/', anchor: 'tlfs' }, 'c', exists)).toBe('c/bibliography/tlfs.yaml');
    expect(sourceOf({ path: '/' }, 'c', exists)).toBeUndefined();
  });
  it('locate the manifest beside the content and read the update mode', () => {
    expect(manifestPath('/x/content', {})).toBe('/x/content/permalinks.json');
    expect(manifestPath('/x/content', { SITE_PERMALINKS: '/y/p.json' })).toBe('/y/p.json');
    expect(manifestMode({})).toBe('check');
    expect(manifestMode({ PERMALINKS_UPDATE: 'prune' })).toBe('prune');
    expect(manifestMode({ PERMALINKS_UPDATE: 'yes' })).toBe('check');
  });
});
