import { describe, expect, it } from 'vitest';
import {
  findDeclaration,
  lineOfRedirect,
  netlifyRedirects,
  nginxRedirects,
  planRedirects,
  type RedirectDeclaration,
} from '../../src/lib/redirects';
import { localePath } from '../../src/lib/urls';

const front = (redirects: string) => `---\ntitle: "T"\nsection: concepts\n${redirects}\ndraft: false\n---\n\nBody /old/ text.\n`;
const decl = (slug: string, redirectFrom: string[], extra: Partial<RedirectDeclaration> = {}): RedirectDeclaration => ({
  file: `content/en/${slug}.mdx`,
  text: front(`redirectFrom:\n${redirectFrom.map((r) => `  - '${r}'`).join('\n')}`),
  slug,
  draft: false,
  redirectFrom,
  ...extra,
});
const plan = (decls: RedirectDeclaration[], pages: string[]) => planRedirects(decls, new Set(pages), ['en', 'ja'], localePath);

describe('redirect plan', () => {
  it('redirects each former URL in every language', () => {
    const { redirects, errors } = plan([decl('handbook', ['/guide/', '/old/guide/'])], ['', 'handbook']);
    expect(errors).toEqual([]);
    expect(redirects.map((r) => `${r.from} → ${r.to} (${r.declaredAt})`)).toEqual([
      '/guide/ → /handbook/ (content/en/handbook.mdx:5)',
      '/old/guide/ → /handbook/ (content/en/handbook.mdx:6)',
      '/ja/guide/ → /ja/handbook/ (content/en/handbook.mdx:5)',
      '/ja/old/guide/ → /ja/handbook/ (content/en/handbook.mdx:6)',
    ]);
  });
  it('fails on a redirect to itself or a loop between two pages, at the frontmatter line', () => {
    expect(plan([decl('a', ['/a/'])], ['a']).errors).toEqual([
      expect.stringMatching(/^content\/en\/a\.mdx:5: redirect loop: `\/a\/` redirects to itself/),
    ]);
    const loop = plan([decl('a', ['/b/']), decl('b', ['/a/'])], ['a', 'b']).errors;
    expect(loop).toEqual([
      expect.stringMatching(
        /^content\/en\/a\.mdx:5: redirect loop: `\/b\/` → `\/a\/` → `\/b\/` \(content\/en\/b\.mdx declares the reverse\)/,
      ),
      expect.stringMatching(/^content\/en\/b\.mdx:5: redirect loop/),
    ]);
  });
  it('fails on a redirect to a page that is not built', () => {
    const { errors, redirects } = plan([decl('next', ['/old/'], { draft: true })], ['']);
    expect(redirects).toEqual([]);
    expect(errors).toEqual([
      expect.stringMatching(/^content\/en\/next\.mdx:5: redirect to a missing page: `\/old\/` would lead to `\/next\/`.*draft/),
    ]);
  });
  it('fails when a former URL is still a page or claimed twice', () => {
    expect(plan([decl('a', ['/glossary/'])], ['a', 'glossary']).errors).toEqual([expect.stringMatching(/`\/glossary\/` is still a page/)]);
    expect(plan([decl('a', ['/old/']), decl('b', ['/old/'])], ['a', 'b']).errors).toEqual([
      expect.stringMatching(/^content\/en\/b\.mdx:5: `\/old\/` is already redirected to `\/a\/` by content\/en\/a\.mdx:5/),
    ]);
  });
  it('finds the line of a former URL in flow or block style', () => {
    expect(lineOfRedirect(front("redirectFrom: ['/x/', '/old/']"), '/old/')).toBe(4);
    expect(lineOfRedirect(front('redirectFrom:\n  - /a/\n  - /old/'), '/old/')).toBe(6);
    expect(lineOfRedirect(front('redirectFrom: []'), '/old/')).toBe(4);
    const sources = [{ file: 'content/en/x.mdx', text: front('redirectFrom:\n  - /old/') }];
    expect(findDeclaration(sources, '/ja/old/')).toBe('content/en/x.mdx:5');
    expect(findDeclaration(sources, '/other/')).toBeUndefined();
  });
});

describe('server redirect maps', () => {
  const redirects = plan([decl('handbook', ['/guide/'])], ['handbook']).redirects;
  it('writes _redirects with the base path', () => {
    const text = netlifyRedirects(redirects, '/docs/hv/');
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '/docs/hv/guide/ /docs/hv/handbook/ 301',
      '/docs/hv/ja/guide/ /docs/hv/ja/handbook/ 301',
    ]);
  });
  it('writes an nginx snippet of exact-match locations, with and without the slash', () => {
    const lines = nginxRedirects(redirects, '/')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      'location = /guide/ { return 301 /handbook/$is_args$args; }',
      'location = /guide { return 301 /handbook/$is_args$args; }',
      'location = /ja/guide/ { return 301 /ja/handbook/$is_args$args; }',
      'location = /ja/guide { return 301 /ja/handbook/$is_args$args; }',
    ]);
  });
});
