import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSiteServer } from '../../scripts/site-server.mjs';
import { chromiumArgs, findBrowser } from '../../src/integrations/mermaid/find-browser';
import { build, fixtureContent, readOutput } from './fixture';

// Real builds of the fixture site (Astro, Sätteri, Mermaid in Chromium), checked on their output.
describe('fixture site build', { timeout: 240_000 }, () => {
  it('builds, renders diagrams with one browser, and re-renders none from a warm cache', () => {
    const content = fixtureContent();
    const cache = mkdtempSync(join(tmpdir(), 'hv-cache-'));
    const first = build(content, {}, cache);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/diagrams: 2 rendered, 0 from cache, 1 browser start\(s\)/);
    // A clean build warns about nothing, so a real warning stands out.
    expect(first.output).not.toMatch(/\[WARN\]/);
    // The build reports its phases (the benchmark reads them from SITE_STATS_FILE).
    expect(first.output).toMatch(
      /phases: setup and content sync [\d.]+ s, compile content \(MDX, diagrams\) [\d.]+ s, write pages [\d.]+ s, .*search index [\d.]+ s/,
    );
    const second = build(content, {}, cache);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/diagrams: 0 rendered, 2 from cache, 0 browser start\(s\)/);
    // A cold build reads the pages while they are written (a worker), and the link check and the
    // search index take those results instead of parsing the pages again.
    const sent = /page preparation: (\d+) of (\d+) pages read while written\n/.exec(first.output);
    expect(Number(sent?.[1])).toBeGreaterThan(5);
    expect(sent?.[1]).toBe(sent?.[2]);
    // (That every page's facts, records and card were taken is checked below, against the output.)
    const prepared = /links: .* \(0 unchanged pages not parsed again, (\d+) read while written\)/.exec(first.output)?.[1];
    expect(prepared).toBe(sent?.[1]);
    // Unchanged pages are neither parsed for the link check nor prepared for search again, not even
    // by the worker.
    const pages = /links: \d+ checked on \d+ files, none broken \((\d+) unchanged pages not parsed again, 0 read while written\)/.exec(
      second.output,
    )?.[1];
    expect(Number(pages)).toBeGreaterThan(10);
    expect(second.output).toMatch(
      /search: \d+ records indexed in \d+ ms \([1-9]\d* unchanged pages not prepared again, 0 prepared while written\)/,
    );
    // Same input, same bytes: a rebuild from warm caches and a second clean build (no cache) give
    // the output of the first build.
    const a = readOutput(first.outDir);
    // Every built page was read while written (the 404 page included), for the checks and for
    // the preview images (whose memo the warm build then reads).
    const htmlPages = [...a.keys()].filter((k) => k.endsWith('.html')).length;
    expect(Number(prepared)).toBe(htmlPages);
    expect(first.output).toContain(`from cache (${htmlPages} pages read while written)`);
    expect(first.output).toMatch(
      new RegExp(`search: \\d+ records indexed in \\d+ ms \\(0 unchanged pages not prepared again, ${htmlPages} prepared while written\\)`),
    );
    expect(second.output).toContain('from cache (0 pages read while written)');
    const clean = build(content);
    expect(clean.code, clean.output).toBe(0);
    for (const other of [second, clean]) {
      const b = readOutput(other.outDir);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      const differing = [...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
      expect(differing).toEqual([]);
    }
    // Pagefind's own UIs, highlighter and worker are not shipped: the site loads none of them.
    expect([...a.keys()].filter((k) => k.startsWith('pagefind/') && k.endsWith('.js')).sort()).toEqual(['pagefind/pagefind.js']);
    const page = a.get('guide/index.html')!.toString();
    expect(page).toContain('<figure class="diagram"');
    expect(page).not.toContain('language-mermaid');
    expect(page).not.toMatch(/<script[^>]*mermaid/i);
    // The first mention of a listed kernel identifier links to its pinned source, the second not.
    const symbolLinks = page.match(
      /<a [^>]*href="https:\/\/elixir\.bootlin\.com\/linux\/v6\.15\/source\/include\/uapi\/linux\/mshv\.h"[^>]*><code>MSHV_CREATE_PARTITION<\/code><\/a>/g,
    );
    expect(symbolLinks).toHaveLength(1);
    expect(page.match(/<code>MSHV_CREATE_PARTITION<\/code>/g)).toHaveLength(2);
  });

  it('honours a base path in every internal link and asset, and search works under it', async () => {
    const result = build(fixtureContent(), { SITE_BASE: '/docs/hyperv/', SITE_URL: 'https://docs.example.org' });
    expect(result.code, result.output).toBe(0);
    const files = readOutput(result.outDir);
    const html = [...files].filter(([k]) => k.endsWith('.html'));
    expect(html.length).toBeGreaterThan(8);
    for (const [name, body] of html) {
      const text = body.toString();
      const refs = [...text.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
      expect(refs.length, name).toBeGreaterThan(0);
      const outside = refs.filter((r) => !r.startsWith('/docs/hyperv/'));
      expect(outside, `${name} has links outside the base path`).toEqual([]);
      for (const ref of refs) {
        const path = ref.replace('/docs/hyperv/', '').split('#')[0]!;
        const target = path === '' || path.endsWith('/') ? join(result.outDir, path, 'index.html') : join(result.outDir, path);
        expect(existsSync(target), `${name} → ${ref}`).toBe(true);
      }
    }
    expect(files.get('sitemap.xml')!.toString()).toContain('<loc>https://docs.example.org/docs/hyperv/guide/</loc>');
    expect(files.get('guide/index.html')!.toString()).toContain(
      '<link rel="canonical" href="https://docs.example.org/docs/hyperv/guide/">',
    );

    // Search under the base path, served with the production headers (CSP included): the index
    // loads, results link inside the base path, and a result opens its section with the terms marked.
    const server = createSiteServer({ dir: result.outDir, base: '/docs/hyperv/' });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
      await page.goto(`${origin}/docs/hyperv/guide/`);
      await page.keyboard.press('/');
      await page.getByRole('combobox').fill('VMBus');
      await page.locator('#search-results[data-query="VMBus"]').waitFor();
      const hrefs = await page.locator('#search-results [role="option"]').evaluateAll((os) => os.map((o) => o.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((h) => !h.startsWith('/docs/hyperv/'))).toEqual([]);
      await page.locator('#search-results [role="option"]').first().click();
      await page.waitForURL(/\/docs\/hyperv\/.*highlight=VMBus/);
      await page.locator('mark.search-hit').first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
