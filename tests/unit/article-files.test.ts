import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleId, findDuplicateArticles, listArticleFiles } from '../../src/lib/article-files';

describe('articleId', () => {
  it('is the path without extension, each segment slugged, without a trailing index', () => {
    expect(articleId('en/overview.mdx')).toBe('en/overview');
    expect(articleId('ja/mshv-cloud-hypervisor.mdx')).toBe('ja/mshv-cloud-hypervisor');
    expect(articleId('en/Guide.mdx')).toBe('en/guide');
    expect(articleId('en/guide!.mdx')).toBe('en/guide');
    expect(articleId('en/guide/index.mdx')).toBe('en/guide');
    expect(articleId('en/guide.md')).toBe('en/guide');
  });
});

describe('findDuplicateArticles', () => {
  it('accepts distinct pages and the same page in two languages', () => {
    expect(findDuplicateArticles(['en/guide.mdx', 'ja/guide.mdx', 'en/overview.mdx'])).toEqual([]);
  });
  it('names both files of names that slug to the same page', () => {
    expect(findDuplicateArticles(['en/guide.mdx', 'en/Guide.mdx', 'ja/guide/index.mdx', 'ja/guide.mdx'], (e) => `content/${e}`)).toEqual([
      'content/en/guide.mdx:1: same page `/guide/` as content/en/Guide.mdx: rename or remove one of them (the file name is the URL)',
      'content/ja/guide/index.mdx:1: same page `/ja/guide/` as content/ja/guide.mdx: rename or remove one of them (the file name is the URL)',
    ]);
  });
  it('says that a .md beside its .mdx is never built', () => {
    expect(findDuplicateArticles(['en/guide.mdx', 'en/guide.md'])).toEqual([
      'en/guide.mdx:1: same page `/guide/` as en/guide.md: rename or remove one of them (the file name is the URL; articles are `.mdx` files, a `.md` file is never built)',
    ]);
  });
});

describe('listArticleFiles', () => {
  it('lists .md and .mdx files below each language folder, and skips a missing folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-articles-'));
    mkdirSync(join(dir, 'en/sub'), { recursive: true });
    for (const f of ['en/a.mdx', 'en/b.md', 'en/sub/c.mdx', 'en/notes.txt']) writeFileSync(join(dir, f), '');
    expect(listArticleFiles(dir, ['en', 'ja']).sort()).toEqual(['en/a.mdx', 'en/b.md', 'en/sub/c.mdx']);
  });
});
