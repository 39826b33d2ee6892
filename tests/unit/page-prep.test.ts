import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localPath } from '../../src/integrations/page-prep';
import { parseHtml } from '../../src/lib/built-pages';
import { CARDS_MEMO, pageCard, pageCardKey } from '../../src/lib/og-card';
import { factsKey, factsOf, PAGE_FACTS_MEMO } from '../../src/lib/page-facts';
import { builtFileOf, PagePreparer } from '../../src/lib/page-prep';
import { HEADINGS_MEMO, RECORDS_MEMO } from '../../src/lib/search-records';

const article = (lang: string) =>
  `<!doctype html><html lang="${lang}"><head><title>Guide</title><meta property="og:title" content="Guide">` +
  `<meta property="og:url" content="https://docs.example.org/guide/"><meta property="og:image" content="https://docs.example.org/og/${lang}/guide.png"></head>` +
  `<body><main><article class="prose" data-pagefind-body>` +
  `<h1>Guide</h1><h2 id="vmbus">VMBus channels</h2><p>See <a href="/overview/#top">the overview</a>.</p></article></main></body></html>`;

const preparer = () =>
  new PagePreparer({
    base: '/',
    sections: [['guide', 'concepts']],
    terms: [{ id: 'vmbus', term: 'VMBus', aliases: ['VMBus channel'], see: '/guide/' }],
    memoDir: mkdtempSync(join(tmpdir(), 'hv-memo-')),
    imagePrefix: 'https://docs.example.org',
  });

describe('page preparation', () => {
  it('maps a rendered URL to the page path and built file the readers use', () => {
    expect(localPath('http://localhost/docs/hyperv/ja/guide/', '/docs/hyperv/')).toBe('/ja/guide/');
    expect(localPath('http://localhost/guide/', '/')).toBe('/guide/');
    expect(localPath('http://localhost/other/guide/', '/docs/')).toBeUndefined();
    expect(builtFileOf('/ja/guide/')).toBe('ja/guide/index.html');
    expect(builtFileOf('/')).toBe('index.html');
    expect(builtFileOf('/404.html')).toBe('404.html');
  });

  it('computes the link facts under the readers’ key, and a translation’s records once its English page is known', () => {
    const p = preparer();
    // The Japanese page first: its records need the English page's headings (synonym placement).
    p.prepare('/ja/guide/', article('ja'));
    p.prepare('/guide/', article('en'));
    const results = p.results();
    expect(results[PAGE_FACTS_MEMO]).toEqual([
      [factsKey('/', '/ja/guide/', article('ja')), factsOf(parseHtml(article('ja')), '/ja/guide/', '/')],
      [factsKey('/', '/guide/', article('en')), factsOf(parseHtml(article('en')), '/guide/', '/')],
    ]);
    expect(results[HEADINGS_MEMO]).toEqual([[expect.any(String), [{ id: 'vmbus', text: 'VMBus channels' }]]]);
    // The Japanese page's records wait for the English page's headings, then both are made.
    const records = results[RECORDS_MEMO]!.map(([, value]) => value as { url: string; content: string }[]);
    expect(records.map((r) => r[0]!.url)).toEqual(['/ja/guide/', '/guide/']);
    for (const r of records) expect(r[0]!.content).toContain('VMBus channel');
    expect(results[CARDS_MEMO]).toEqual([
      [pageCardKey('https://docs.example.org', article('ja')), pageCard(article('ja'), 'https://docs.example.org')],
      [pageCardKey('https://docs.example.org', article('en')), pageCard(article('en'), 'https://docs.example.org')],
    ]);
    expect(pageCard(article('en'), 'https://docs.example.org')).toMatchObject({
      image: '/og/en/guide.png',
      card: { title: 'Guide', lang: 'en' },
    });
    expect([p.pages, p.failed]).toEqual([2, 0]);
  });

  it('leaves a page it cannot index to the reader, which reports it', () => {
    const p = preparer();
    // An article page (it names data-pagefind-body) without the element that marks its content.
    p.prepare('/broken/', '<!doctype html><html><body><div data-pagefind-body-x></div>data-pagefind-body</body></html>');
    expect(p.failed).toBe(1);
    expect(p.results()[PAGE_FACTS_MEMO]).toHaveLength(1);
    expect(p.results()[RECORDS_MEMO]).toEqual([]);
  });
});
