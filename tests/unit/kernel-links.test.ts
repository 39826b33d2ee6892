import { describe, expect, it } from 'vitest';
import type { Link } from 'mdast';
import { select } from 'unist-util-select';
import { visit } from 'unist-util-visit';
import { describeKernelRef, kernelUrl, parseKernelLink } from '../../src/lib/kernel-link';
import { expandKernelLinks } from '../../src/plugins/kernel-links';
import { file, parse } from './helpers';

const templates = { file: 'https://elixir.bootlin.com/linux/{tag}/source/{path}', line: '#L{line}' };

describe('parseKernelLink', () => {
  it('reads tag, path and an optional line range', () => {
    expect(parseKernelLink('kernel:v6.15/include/uapi/linux/mshv.h')).toEqual({ tag: 'v6.15', path: 'include/uapi/linux/mshv.h' });
    expect(parseKernelLink('kernel:v5.12/arch/x86/hyperv/irqdomain.c#L10-L40')).toEqual({
      tag: 'v5.12',
      path: 'arch/x86/hyperv/irqdomain.c',
      lines: { start: 10, end: 40 },
    });
    expect(parseKernelLink('kernel:v6.19-rc1/Makefile#L3')).toEqual({ tag: 'v6.19-rc1', path: 'Makefile', lines: { start: 3, end: 3 } });
  });

  it.each([
    ['kernel:6.15/a.c', 'malformed'],
    ['kernel:v6.15', 'malformed'],
    ['kernel:master/a.c', 'malformed'],
    ['kernel:v6.15/a.c#L20-L10', 'reversed'],
    ['kernel:v6.15/../etc/passwd', '..'],
    ['kernel:v6.15/a.c#10', 'malformed'],
  ])('rejects %s', (url, word) => {
    const r = parseKernelLink(url);
    expect('error' in r && r.error).toContain(word);
  });
});

describe('kernelUrl and describeKernelRef', () => {
  it('pins the URL to the tag and points at the first line', () => {
    const ref = { tag: 'v6.15', path: 'drivers/hv/mshv_root_main.c', lines: { start: 5, end: 9 } };
    expect(kernelUrl(ref, templates)).toBe('https://elixir.bootlin.com/linux/v6.15/source/drivers/hv/mshv_root_main.c#L5');
    expect(describeKernelRef(ref)).toBe('Linux v6.15: drivers/hv/mshv_root_main.c, lines 5–9');
  });
});

describe('expandKernelLinks', () => {
  it('rewrites kernel: links and leaves others alone', () => {
    const tree = parse('See [`mshv.h`](kernel:v6.15/include/uapi/linux/mshv.h#L1-L2) and [x](/overview/).');
    expandKernelLinks(templates)(tree, file());
    const links = (tree.children[0] as { children: Link[] }).children.filter((n) => n.type === 'link');
    expect(links[0]!.url).toBe('https://elixir.bootlin.com/linux/v6.15/source/include/uapi/linux/mshv.h#L1');
    expect(links[0]!.title).toBe('Linux v6.15: include/uapi/linux/mshv.h, lines 1–2');
    expect(links[1]!.url).toBe('/overview/');
  });

  it('fails on a malformed link with the file and line', () => {
    const tree = parse('Intro.\n\nBad [x](kernel:v6.15) link.');
    expect(() => expandKernelLinks(templates)(tree, file('en', 10))).toThrow(/^content\/en\/test\.mdx:13:\d+: malformed kernel link/);
  });

  it('marks expanded links with a class', () => {
    const tree = parse('[a](kernel:v6.15/Makefile)');
    expandKernelLinks(templates)(tree, file());
    expect(select('link', tree)?.data).toMatchObject({ hProperties: { className: ['kernel-link'] } });
  });
});

describe('internalLinks', () => {
  it('adds the base path to root-relative links and diagram hrefs only', async () => {
    const { internalLinks, prefixUrl } = await import('../../src/plugins/internal-links');
    expect(prefixUrl('/overview/#x', '/docs/hv/')).toBe('/docs/hv/overview/#x');
    expect(prefixUrl('//cdn.example/x', '/docs/hv/')).toBe('//cdn.example/x');
    expect(prefixUrl('#local', '/docs/hv/')).toBe('#local');
    expect(prefixUrl('/overview/', '/')).toBe('/overview/');
    const tree = parse(
      '[a](/overview/) [b](https://lore.kernel.org/x/)\n\n```mermaid\nflowchart LR\n  click A href "/glossary/#vmbus"\n```\n',
    );
    internalLinks('/docs/hv/')(tree);
    const links: string[] = [];
    visit(tree, 'link', (n) => void links.push(n.url));
    expect(links).toEqual(['/docs/hv/overview/', 'https://lore.kernel.org/x/']);
    expect(select('code', tree)).toMatchObject({ value: expect.stringContaining('href "/docs/hv/glossary/#vmbus"') });
  });
});
