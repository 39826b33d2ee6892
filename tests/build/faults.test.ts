import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, edit, fixtureContent, pagesLeft } from './fixture';

interface Fault {
  name: string;
  change: (dir: string) => void;
  /** What the failing build must print: the file (and line where the fault has one) and the cause. */
  expect: RegExp[];
}

const guide = 'en/guide.mdx';
const faults: Fault[] = [
  {
    name: 'a missing frontmatter field',
    change: (d) => edit(d, guide, /^description: .*\n/m, ''),
    expect: [/en\/guide\.mdx/, /description/],
  },
  {
    name: 'an unknown section',
    change: (d) => edit(d, guide, 'section: concepts', 'section: concept'),
    expect: [/en\/guide\.mdx/, /section must be one of: concepts, comparisons, kernel, reference/],
  },
  {
    name: 'a Mermaid syntax error',
    change: (d) => edit(d, guide, '  R[Root] --> C[Child]', '  R[Root] --> C[Child\n  C --> '),
    expect: [/en\/guide\.mdx:24:1: Mermaid could not parse the diagram: Parse error/],
  },
  {
    name: 'a diagram without accDescr',
    change: (d) => edit(d, guide, /^ {2}accDescr: .*\n/m, ''),
    expect: [/en\/guide\.mdx:20:1: diagram has no `accDescr:`/],
  },
  {
    name: 'a broken internal link',
    change: (d) => edit(d, guide, '[VMBus](/glossary/#vmbus)', '[VMBus](/no-such-page/)'),
    expect: [/en\/guide\.mdx:18: broken link `\/no-such-page\/`: no such page/],
  },
  {
    name: 'a broken anchor',
    change: (d) => edit(d, guide, '[VMBus](/glossary/#vmbus)', '[VMBus](/guide/#nowhere)'),
    expect: [/en\/guide\.mdx:18: broken link `\/guide\/#nowhere`: no element with id `nowhere`/],
  },
  {
    name: 'a duplicate heading id',
    change: (d) => edit(d, guide, '### Nested {#nested}', '### Nested {#first}'),
    expect: [/en\/guide\.mdx:56:1: duplicate id `first` \(first used on line 15\)/],
  },
  {
    name: 'an unknown citation id',
    change: (d) => edit(d, guide, '[@lore-root-rfc-v1]. Both', '[@no-such-source]. Both'),
    expect: [/en\/guide\.mdx:17:1: unknown citation id `no-such-source`/],
  },
  {
    name: 'a malformed kernel source link',
    change: (d) => edit(d, guide, 'kernel:v6.15/include/uapi/linux/mshv.h#L10-L20', 'kernel:6.15/include/uapi/linux/mshv.h'),
    expect: [/en\/guide\.mdx:18:\d+: malformed kernel link `kernel:6\.15\/include\/uapi\/linux\/mshv\.h`/],
  },
  {
    name: 'a kernel identifier without a pinned source',
    change: (d) => edit(d, guide, 'with `MSHV_CREATE_PARTITION`,', 'with `hv_call_create_partition()`,'),
    expect: [
      /en\/guide\.mdx:58:\d+: `hv_call_create_partition\(\)` looks like a Linux kernel identifier but is not linked to a pinned source: add it to .*kernel-symbols\.yaml/,
    ],
  },
  {
    name: 'invalid kernel symbol data',
    change: (d) => edit(d, 'kernel-symbols.yaml', 'v6.15/include', 'master/include'),
    expect: [/kernel-symbols\.yaml:2: `MSHV_CREATE_PARTITION`: malformed kernel link/],
  },
  {
    name: 'an unknown glossary term reference',
    change: (d) => edit(d, guide, '[VMBus](/glossary/#vmbus)', '[VMBus](term:no-such-term)'),
    expect: [/en\/guide\.mdx:18:\d+: unknown glossary term `no-such-term`/],
  },
  {
    name: 'invalid bibliography data',
    change: (d) => edit(d, 'bibliography/tlfs.yaml', 'kind: specification', 'kind: blog'),
    expect: [/bibliography\/tlfs\.yaml:5: `kind`/],
  },
  {
    name: 'two bibliography ids for one URL',
    change: (d) =>
      writeFileSync(
        join(d, 'bibliography/tlfs-copy.yaml'),
        `title: "Copy"\nauthor: "Microsoft"\ndate: 2026-11\nurl: "https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/tlfs/tlfs"\nkind: specification\nversion: "as read 2026-11"\n`,
      ),
    expect: [/bibliography\/tlfs\.yaml:1: same URL as `tlfs-copy`/],
  },
  {
    name: 'a non-ASCII heading id in a translation',
    change: (d) => edit(d, 'ja/guide.mdx', '## 二番目の節 {#second aliases="old-second"}', '## 二番目の節'),
    expect: [/ja\/guide\.mdx:\d+:1: heading id .* must be ASCII lower-case/],
  },
  {
    name: 'a translation whose heading ids differ from the English article',
    change: (d) => edit(d, 'ja/guide.mdx', '### 入れ子 {#nested}', '### 入れ子 {#nest}'),
    expect: [
      /ja\/guide\.mdx:28:1: heading id "nest" is not in the English article \S*en\/guide\.mdx\n/,
      /ja\/guide\.mdx: missing heading id "nested" \(\S*en\/guide\.mdx:56\)/,
    ],
  },
  {
    name: 'two files for one page (`Guide.mdx`, and `guide.md`, beside `guide.mdx`)',
    change: (d) => {
      cpSync(join(d, guide), join(d, 'en/Guide.mdx'));
      cpSync(join(d, guide), join(d, 'en/guide.md'));
    },
    expect: [
      /en\/guide\.md:1: same page `\/guide\/` as \S*en\/Guide\.mdx: .*a `\.md` file is never built/,
      /en\/guide\.mdx:1: same page `\/guide\/` as \S*en\/Guide\.mdx: rename or remove one of them/,
    ],
  },
];

describe('bad input fails the build with the file and line', { timeout: 180_000 }, () => {
  for (const fault of faults) {
    it(fault.name, () => {
      const result = build(fixtureContent(fault.change));
      expect(result.code, result.output).not.toBe(0);
      for (const pattern of fault.expect) expect(result.output).toMatch(pattern);
      // No half-built site: the output folder holds no pages and no preview images (which render
      // in the background while the checks run).
      expect(pagesLeft(result.outDir)).toEqual([]);
    });
  }

  it('a warm cache does not hide a diagram error on the second build', () => {
    const cache = mkdtempSync(join(tmpdir(), 'hv-cache-'));
    const content = fixtureContent();
    expect(build(content, {}, cache).code).toBe(0);
    edit(content, guide, '  R[Root] --> C[Child]', '  R[Root] --> C[Child\n  C --> ');
    for (let i = 0; i < 2; i++) {
      const result = build(content, {}, cache);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/Mermaid could not parse the diagram/);
    }
  });

  it('a warm cache does not hide a link from an unchanged page to an anchor that is gone', () => {
    // The glossary page links to a section of the guide; renaming that section leaves the glossary
    // page's bytes as they were, so its links come from the memo of the last build and must still
    // be checked against the pages of this one.
    const cache = mkdtempSync(join(tmpdir(), 'hv-cache-'));
    const content = fixtureContent((d) => edit(d, 'glossary/vmbus.yaml', 'category: vmbus', 'category: vmbus\nsee: "/guide/#nested"'));
    const first = build(content, {}, cache);
    expect(first.code, first.output).toBe(0);
    const glossary = readFileSync(join(first.outDir, 'glossary/index.html'));
    edit(content, guide, '### Nested {#nested}', '### Nested {#nested-part}');
    edit(content, 'ja/guide.mdx', '### 入れ子 {#nested}', '### 入れ子 {#nested-part}');
    const result = build(content, {}, cache);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/glossary\/vmbus\.yaml:\d+: broken link `\/guide\/#nested`: no element with id `nested`/);
    expect(pagesLeft(result.outDir)).toEqual([]);
    // With the old id kept as an alias the build passes again and the glossary page has the bytes
    // of the first build: so in the failing build its links came from the memo.
    edit(content, guide, '{#nested-part}', '{#nested-part aliases="nested"}');
    edit(content, 'ja/guide.mdx', '{#nested-part}', '{#nested-part aliases="nested"}');
    const fixed = build(content, {}, cache);
    expect(fixed.code, fixed.output).toBe(0);
    expect(readFileSync(join(fixed.outDir, 'glossary/index.html')).equals(glossary)).toBe(true);
    expect(fixed.output).toMatch(/links: .* \([1-9]\d* unchanged pages not parsed again, \d+ read while written\)/);
  });

  it('a warm cache does not hide a translation heading id error on the second build', () => {
    const cache = mkdtempSync(join(tmpdir(), 'hv-cache-'));
    const content = fixtureContent();
    expect(build(content, {}, cache).code).toBe(0);
    edit(content, 'ja/guide.mdx', '## 二番目の節 {#second aliases="old-second"}', '## 二番目の節 {#second}');
    for (let i = 0; i < 2; i++) {
      const result = build(content, {}, cache);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/ja\/guide\.mdx: missing heading id "old-second" \(\S*en\/guide\.mdx:32\)/);
      expect(pagesLeft(result.outDir)).toEqual([]);
    }
  });
});
