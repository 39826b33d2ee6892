import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findBrowser } from '../../src/integrations/mermaid/find-browser';
import { build, edit, fixtureContent, type BuildResult } from './fixture';

// The permalink contract on real fixture builds (README, "Permalinks"). The fixture tree carries
// its own manifest, tests/fixtures/site/permalinks.json; the real site's is never involved.

const guide = 'en/guide.mdx';
const guideJa = 'ja/guide.mdx';
const frontmatterEnd = 'translationKey: guide\n---';

/** Moves the guide to /handbook/ in both languages, optionally declaring where it came from. */
const moveGuide = (dir: string, redirectFrom?: string) => {
  for (const lang of ['en', 'ja']) {
    if (redirectFrom) edit(dir, `${lang}/guide.mdx`, frontmatterEnd, `translationKey: guide\nredirectFrom: ${redirectFrom}\n---`);
    renameSync(join(dir, `${lang}/guide.mdx`), join(dir, `${lang}/handbook.mdx`));
  }
};

/** A second article, copied from the guide with its own title and key. */
const addArticle = (dir: string, slug: string, frontmatter: string) => {
  const text = readFileSync(join(dir, guide), 'utf8')
    .replace('title: "Fixture guide"', `title: "Fixture ${slug}"`)
    .replace(frontmatterEnd, `translationKey: ${slug}\n${frontmatter}\n---`);
  writeFileSync(join(dir, `en/${slug}.mdx`), text);
};

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves a build output like a static host (directory → index.html, 404 otherwise). */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

/** Opens `path` of a served build, waits for `landsOn`, and reports where the element with `id` (or its heading) landed. */
async function landing(origin: string, path: string, id: string, landsOn = path) {
  const browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 500 } });
    await page.goto(origin + path);
    await page.waitForURL(origin + landsOn);
    await page.waitForFunction((id) => document.getElementById(id) !== null && scrollY > 0, id);
    return await page.evaluate((id) => {
      const target = document.getElementById(id)!;
      const heading = target.closest('h2, h3, h4') ?? target;
      return {
        url: location.pathname + location.hash,
        headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        top: heading.getBoundingClientRect().top,
      };
    }, id);
  } finally {
    await browser.close();
  }
}

const expectBelowHeader = (at: { headerBottom: number; top: number }) => {
  // Not hidden under the sticky header, and not far below it either (the page did scroll there).
  expect(at.top).toBeGreaterThanOrEqual(at.headerBottom);
  expect(at.top).toBeLessThan(at.headerBottom + 40);
};

describe('permalink contract on fixture builds', { timeout: 240_000 }, () => {
  it('passes on the unchanged fixture, whose committed manifest is up to date', () => {
    const result = build(fixtureContent());
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/permalinks: \d+ listed URLs and anchors checked, all present, manifest up to date/);
  });

  it('fails when a heading is renamed, naming the lost anchors and the file', () => {
    // Renamed in both languages, as the translation check requires: the permalink check must still catch it.
    const result = build(
      fixtureContent((d) => {
        for (const file of [guide, guideJa]) edit(d, file, /\{#second aliases="old-second"\}/, '{#renamed}');
      }),
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/en\/guide\.mdx: listed anchor `\/guide\/#second` no longer exists\. .*aliases="second"/);
    expect(result.output).toMatch(/en\/guide\.mdx: listed anchor `\/guide\/#old-second` no longer exists/);
    expect(result.output).toMatch(/lost permalink\(s\); the output was removed/);
    expect(existsSync(join(result.outDir, 'guide/index.html'))).toBe(false);
  });

  describe('a renamed heading that keeps its old ids as aliases', () => {
    let result: BuildResult;
    let site: { server: Server; origin: string };
    beforeAll(async () => {
      result = build(
        fixtureContent((d) => {
          for (const file of [guide, guideJa]) edit(d, file, /\{#second aliases="old-second"\}/, '{#renamed aliases="second old-second"}');
        }),
      );
      site = await serve(result.outDir);
    }, 240_000);
    afterAll(() => site?.server.close());

    it('passes, and says the new anchor is not listed yet', () => {
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/not in the permalink manifest yet \(`en: \/guide\/#renamed`.*run `npm run permalinks:update`/);
    });
    it('lands the old link on the heading, below the sticky header', async () => {
      const at = await landing(site.origin, '/guide/#second', 'second');
      expect(at.url).toBe('/guide/#second');
      expectBelowHeader(at);
    });
    it('lands the new id below the sticky header too', async () => {
      expectBelowHeader(await landing(site.origin, '/guide/#renamed', 'renamed'));
    });
  });

  it('fails when a page is moved without redirectFrom, saying how to keep its URL', () => {
    const result = build(fixtureContent((d) => moveGuide(d)));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/listed page `\/guide\/` no longer exists\. If it moved, add `redirectFrom: \['\/guide\/'\]`/);
    expect(result.output).toMatch(/listed page `\/ja\/guide\/` no longer exists/);
  });

  describe('a page moved with redirectFrom', () => {
    let result: BuildResult;
    let site: { server: Server; origin: string };
    const file = (path: string) => readFileSync(join(result.outDir, path), 'utf8');
    beforeAll(async () => {
      result = build(fixtureContent((d) => moveGuide(d, "['/guide/']")));
      site = await serve(result.outDir);
    }, 240_000);
    afterAll(() => site?.server.close());

    it('passes: the old URL and its anchors still work, and links to the old URL are accepted', () => {
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/none broken/);
    });
    it('writes a redirect page in every language: meta refresh, canonical, visible link, noindex', () => {
      const en = file('guide/index.html');
      expect(en).toContain('<title>Page moved: Fixture guide</title>');
      expect(en).toContain('<meta http-equiv="refresh" content="0; url=/handbook/">');
      expect(en).toContain('<link rel="canonical" href="https://hyperv-linux-root.example.org/handbook/">');
      expect(en).toContain('<meta name="robots" content="noindex">');
      expect(en).toMatch(/<a href="\/handbook\/" data-redirect-target>Fixture guide<\/a>/);
      const ja = file('ja/guide/index.html');
      expect(ja).toContain('<html lang="ja">');
      expect(ja).toContain('<meta http-equiv="refresh" content="0; url=/ja/handbook/">');
    });
    it('writes the same redirects as server maps', () => {
      expect(file('_redirects')).toMatch(/^\/guide\/ \/handbook\/ 301$/m);
      expect(file('_redirects')).toMatch(/^\/ja\/guide\/ \/ja\/handbook\/ 301$/m);
      expect(file('nginx-redirects.conf')).toContain('location = /guide/ { return 301 /handbook/$is_args$args; }');
    });
    it('takes a reader from the old section link to the section on the new page', async () => {
      const at = await landing(site.origin, '/guide/#second', 'second', '/handbook/#second');
      expect(at.url).toBe('/handbook/#second');
      expectBelowHeader(at);
    });
  });

  it('fails on a redirect to a page that is not built, at the frontmatter line', () => {
    const result = build(fixtureContent((d) => addArticle(d, 'draft-page', "redirectFrom: ['/old-draft/']\ndraft: true")));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/en\/draft-page\.mdx:13: redirect to a missing page: `\/old-draft\/` would lead to `\/draft-page\/`/);
  });

  it('fails on a redirect loop, at the frontmatter lines', () => {
    const result = build(
      fixtureContent((d) => {
        addArticle(d, 'other', "redirectFrom: ['/guide/']");
        edit(d, guide, frontmatterEnd, "translationKey: guide\nredirectFrom: ['/other/']\n---");
      }),
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/en\/guide\.mdx:13: redirect loop: `\/other\/` → `\/guide\/` → `\/other\/`/);
    expect(result.output).toMatch(/en\/other\.mdx:13: redirect loop/);
  });
});
