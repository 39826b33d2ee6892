import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element } from 'hast';

// Real renders in Chromium through the site's renderer (no stub), one browser for the whole file.
let render: (code: string, id: string) => Promise<string>;
let close: () => Promise<void>;
let stats: { browserStarts: number; rendered: number; cacheHits: number };

beforeAll(async () => {
  process.env.MERMAID_CACHE_DIR = mkdtempSync(join(tmpdir(), 'hv-mermaid-'));
  const mod = await import('../../src/integrations/mermaid/renderer');
  render = mod.renderDiagram;
  close = mod.closeRenderer;
  stats = mod.stats;
});
afterAll(async () => close());

const a11y = 'accTitle: Test diagram\n  accDescr: A diagram rendered by the test suite.';
const diagrams: Record<string, string> = {
  flowchart: `flowchart LR\n  ${a11y}\n  R[ルートパーティション] --> H[Microsoft Hypervisor]\n  click H href "/overview/"`,
  sequence: `sequenceDiagram\n  ${a11y}\n  participant V as VMM\n  participant K as カーネル\n  V->>K: MSHV_CREATE_PARTITION\n  K-->>V: partition fd`,
  class: `classDiagram\n  ${a11y}\n  class Hypervisor {\n    +createVm()\n  }\n  class MshvHypervisor\n  Hypervisor <|-- MshvHypervisor`,
  state: `stateDiagram-v2\n  ${a11y}\n  [*] --> 作成済み\n  作成済み --> 実行中: MSHV_RUN_VP\n  実行中 --> [*]`,
};

describe('Mermaid rendering in Chromium', { timeout: 120_000 }, () => {
  for (const [kind, code] of Object.entries(diagrams)) {
    it(`renders a ${kind} diagram as one SVG that follows both themes`, async () => {
      const svg = await render(code, `dgm-test-${kind}`);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('light-dark(');
      expect(svg).not.toContain('diagram-theme-light');
      expect(svg).toMatch(/<title[^>]*>Test diagram<\/title>/);
      expect(svg).toMatch(/<desc[^>]*>A diagram rendered by the test suite\.<\/desc>/);
    });
  }

  it('keeps the light palette light after a dark rendering (no theme state leaks between renders)', async () => {
    const first = await render(`flowchart LR\n  ${a11y}\n  A --> B`, 'dgm-test-leak-1');
    const second = await render(`flowchart LR\n  ${a11y}\n  C --> D`, 'dgm-test-leak-2');
    for (const svg of [first, second]) expect(svg).toMatch(/\.node rect[^{]*\{fill:light-dark\(#e6f0fb, #16283d\)/);
  });

  it('keeps the palette of each diagram when many render at once', async () => {
    const svgs = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => render(`flowchart LR\n  ${a11y}\n  N${n} --> M${n}`, `dgm-test-many-${n}`)),
    );
    for (const svg of svgs) expect(svg).toMatch(/\.node rect[^{]*\{fill:light-dark\(#e6f0fb, #16283d\)/);
  });

  it('sizes Japanese labels from real glyphs (CJK fonts present)', async () => {
    const svg = await render(diagrams.flowchart!, 'dgm-test-cjk');
    const tree = fromHtml(svg, { fragment: true, space: 'svg' });
    const nodes = selectAll('g.node', tree) as Element[];
    const widthOf = (label: string) => {
      const node = nodes.find((n) => JSON.stringify(n).includes(label));
      const rect = node && (selectAll('rect', node) as Element[])[0];
      return Number(rect?.properties.width ?? 0);
    };
    const ja = widthOf('ルートパーティション');
    const en = widthOf('Microsoft Hypervisor');
    // Ten full-width characters are about as wide as twenty Latin ones: neither empty nor absurd.
    expect(ja).toBeGreaterThan(100);
    expect(ja).toBeLessThan(400);
    expect(ja / en).toBeGreaterThan(0.6);
    expect(ja / en).toBeLessThan(1.8);
  });

  it('draws a diagram the same whatever the renderer drew before it, with ids of its own', async () => {
    const code = `sequenceDiagram\n  ${a11y}\n  participant A as Root\n  participant B as Hypervisor\n  A->>B: HvCallCreatePartition`;
    const first = await render(code, 'dgm-test-repeat');
    // Other sequence diagrams move Mermaid's actor counter on; then the same diagram again, uncached.
    await Promise.all([1, 2, 3].map((n) => render(diagrams.sequence!.replace('VMM', `VMM ${n}`), `dgm-test-other-${n}`)));
    const cache = process.env.MERMAID_CACHE_DIR;
    process.env.MERMAID_CACHE_DIR = mkdtempSync(join(tmpdir(), 'hv-mermaid-'));
    const again = await render(code, 'dgm-test-repeat');
    process.env.MERMAID_CACHE_DIR = cache;
    expect(again).toBe(first);
    const ids = [...first.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(4);
    expect(ids.filter((id) => !id.includes('dgm-test-repeat'))).toEqual([]);
  });

  it('turns click directives into real links', async () => {
    const svg = await render(diagrams.flowchart!, 'dgm-test-link');
    expect(svg).toMatch(/<a[^>]+href="\/overview\/"/);
  });

  it('reports the line of a syntax error inside the diagram', async () => {
    await expect(render(`flowchart LR\n  ${a11y}\n  A --> B[unclosed\n  B --> C`, 'dgm-test-bad')).rejects.toMatchObject({
      line: expect.any(Number),
    });
  });

  it('starts one browser for all renders and serves repeats from the cache', async () => {
    const before = stats.rendered;
    await render(diagrams.flowchart!, 'dgm-test-flowchart');
    expect(stats.rendered).toBe(before);
    expect(stats.cacheHits).toBeGreaterThan(0);
    expect(stats.browserStarts).toBe(1);
  });
});
