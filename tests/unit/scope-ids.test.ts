import { describe, expect, it } from 'vitest';
import { scopeIds } from '../../src/integrations/mermaid/scope-ids';

// Shaped like Mermaid's sequence diagram output: its ids for the actors come from a counter that
// runs on between renders on one page.
const drawn = (first: number) =>
  `<svg id="dgm-a-1" aria-labelledby="chart-title-dgm-a-1"><title id="chart-title-dgm-a-1">T</title>` +
  `<line id="actor${first + 1}"></line><g id="root-${first + 1}"><rect filter="url(#dgm-a-1-shadow)"></rect></g>` +
  `<line id="actor${first}"></line><g id="root-${first}"></g><use href="#actor${first}"></use>` +
  `<g id="popup${first}" aria-describedby="actor${first} chart-title-dgm-a-1"></g></svg>`;

describe('scopeIds', () => {
  it('gives the same SVG whatever the counter stood at before the diagram', () => {
    expect(scopeIds(drawn(0), 'dgm-a-1')).toBe(scopeIds(drawn(41), 'dgm-a-1'));
  });

  it('prefixes counter ids with the diagram id, keeps pairs paired, and follows references', () => {
    const out = scopeIds(drawn(7), 'dgm-a-1');
    expect(out).toContain('<line id="dgm-a-1-actor0"></line><g id="dgm-a-1-root-0">');
    expect(out).toContain('<line id="dgm-a-1-actor1"></line><g id="dgm-a-1-root-1">');
    expect(out).toContain('<use href="#dgm-a-1-actor1">');
    expect(out).toContain('aria-describedby="dgm-a-1-actor1 chart-title-dgm-a-1"');
    // Ids already named after the diagram, and references to them, are left as they are.
    expect(out).toContain('<title id="chart-title-dgm-a-1">');
    expect(out).toContain('filter="url(#dgm-a-1-shadow)"');
    const ids = [...out.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.every((id) => id.includes('dgm-a-1'))).toBe(true);
  });

  it('leaves an SVG whose ids are all the diagram’s own unchanged', () => {
    const svg = '<svg id="dgm-b-2"><g id="dgm-b-2-node-A"></g></svg>';
    expect(scopeIds(svg, 'dgm-b-2')).toBe(svg);
  });
});
