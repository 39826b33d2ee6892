import { describe, expect, it } from 'vitest';
import { formatLink, linkFormats } from '../../src/lib/link-formats';

const url = 'https://docs.example.org/hv/partitions/#privilege-mask';

describe('copy-link formats', () => {
  it('offers the five formats in menu order', () => {
    expect(linkFormats.map(([f]) => f)).toEqual(['url', 'markdown', 'confluence', 'mediawiki', 'html']);
  });
  it('writes each format for a plain title', () => {
    const title = 'The partition privilege mask';
    expect(formatLink('url', title, url)).toBe(url);
    expect(formatLink('markdown', title, url)).toBe(`[The partition privilege mask](${url})`);
    expect(formatLink('confluence', title, url)).toBe(`[The partition privilege mask|${url}]`);
    expect(formatLink('mediawiki', title, url)).toBe(`[${url} The partition privilege mask]`);
    expect(formatLink('html', title, url)).toBe(`<a href="${url}">The partition privilege mask</a>`);
  });
  it('escapes what would end or format the link text', () => {
    const title = 'Ring [-1] | *not* a_ring <really> & "so"';
    expect(formatLink('markdown', title, url)).toBe(`[Ring \\[-1\\] | \\*not\\* a\\_ring \\<really\\> & "so"](${url})`);
    expect(formatLink('confluence', title, url)).toBe(`[Ring \\[-1\\] \\| *not* a_ring <really> & "so"|${url}]`);
    expect(formatLink('mediawiki', title, url)).toBe(`[${url} Ring &#91;-1&#93; | *not* a_ring <really> & "so"]`);
    expect(formatLink('html', title, url)).toBe(`<a href="${url}">Ring [-1] | *not* a_ring &lt;really&gt; &amp; &quot;so&quot;</a>`);
  });
  it('keeps URLs from breaking out of the markup and collapses white space in titles', () => {
    const odd = 'https://x.org/a b/(c)|d#e';
    expect(formatLink('markdown', 'T', odd)).toBe('[T](https://x.org/a%20b/%28c%29%7Cd#e)');
    expect(formatLink('confluence', 'T', odd)).toBe('[T|https://x.org/a%20b/%28c%29%7Cd#e]');
    expect(formatLink('mediawiki', ' Two\n  lines ', url)).toBe(`[${url} Two lines]`);
  });
});
