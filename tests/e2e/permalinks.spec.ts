import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { contentDir } from '../../src/config/paths';
import { site } from '../../src/config/site';
import { describeAdded, describeLost, diffManifest, parseManifest } from '../../src/lib/permalinks';
import { manifestPath } from '../../src/lib/permalinks-check';
import { scanBuild } from '../../src/lib/permalinks-scan';
import { articlePaths, builtHtml } from './site';

const outDir = resolve(process.env.SITE_OUT_DIR ?? 'dist');

/** An article heading whose title is plain words, so every format's expected text is written out here. */
function plainHeading(): { path: string; id: string; title: string; url: string } {
  for (const path of articlePaths()) {
    const html = builtHtml(path);
    const url = /<link rel="canonical" href="([^"]+)"/.exec(html)![1]!;
    // Not the first heading, so the page can scroll it to the top.
    const match = [...html.matchAll(/<h2 id="([a-z0-9-]+)">([A-Za-z0-9 ,-]+)<a href="#\1" class="heading-anchor"/g)][1];
    if (match) return { path, id: match[1]!, title: match[2]!, url: `${url}#${match[1]}` };
  }
  throw new Error('no article heading with a plain-text title in the build');
}

const heading = plainHeading();

async function openPanel(page: Page) {
  const h = page.locator(`h2[id="${heading.id}"]`);
  await h.hover();
  const trigger = h.getByRole('button', { name: `Copy link: ${heading.title}` });
  await expect(trigger).toHaveCSS('opacity', '1');
  await trigger.click();
  return { trigger, panel: page.getByRole('group', { name: 'Copy the section link as:' }) };
}

const formats = {
  URL: heading.url,
  Markdown: `[${heading.title}](${heading.url})`,
  Confluence: `[${heading.title}|${heading.url}]`,
  MediaWiki: `[${heading.url} ${heading.title}]`,
  HTML: `<a href="${heading.url}">${heading.title}</a>`,
};

test.describe('copy-link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const [format, expected] of Object.entries(formats)) {
    test(`copies the section link as ${format}`, async ({ page }) => {
      await page.goto(heading.path);
      const { panel } = await openPanel(page);
      await panel.getByRole('button', { name: format, exact: true }).click();
      await expect(panel.getByRole('status')).toHaveText(`Copied as ${format}`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    });
  }

  test('uses the canonical absolute URL of the site, not the address it is served from', () => {
    expect(heading.url.startsWith(new URL(site.base, site.url).href)).toBe(true);
  });

  test('works from the keyboard: opens, copies, announces, closes with Escape', async ({ page }) => {
    await page.goto(heading.path);
    await page.locator(`h2[id="${heading.id}"] .heading-anchor`).focus();
    await page.keyboard.press('Tab');
    const trigger = page.getByRole('button', { name: `Copy link: ${heading.title}` });
    await expect(trigger).toBeFocused();
    await expect(trigger).toHaveCSS('opacity', '1');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const panel = page.getByRole('group', { name: 'Copy the section link as:' });
    await expect(panel.getByRole('button', { name: 'URL' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Markdown' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(panel.getByRole('status')).toHaveText('Copied as Markdown');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(formats.Markdown);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  test('the panel opens under its heading and closes when the reader clicks elsewhere', async ({ page }) => {
    await page.goto(heading.path);
    const { panel, trigger } = await openPanel(page);
    await expect(panel).toBeVisible();
    const below = await page.evaluate((id) => document.getElementById(id)!.nextElementSibling?.id === 'copy-link-panel', heading.id);
    expect(below).toBe(true);
    await page.locator('.lead').click();
    await expect(panel).toBeHidden();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });
  test('copies a glossary entry link; the panel stays inside the definition list', async ({ page }) => {
    await page.goto('/glossary/');
    const entry = page.locator('.glossary-entry').first();
    const id = (await entry.getAttribute('id'))!;
    const term = (await entry.locator('dfn').innerText()).trim();
    const url = /<link rel="canonical" href="([^"]+)"/.exec(builtHtml('/glossary/'))![1]!;
    await entry.locator('dt').hover();
    await entry.getByRole('button', { name: `Copy link: ${term}` }).click();
    const panel = entry.locator('dt').getByRole('group', { name: 'Copy the section link as:' });
    await panel.getByRole('button', { name: 'Markdown' }).click();
    await expect(panel.getByRole('status')).toHaveText('Copied as Markdown');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`[${term}](${url}#${id})`);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the open panel is accessible in the ${scheme} theme`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(heading.path);
      const { panel } = await openPanel(page);
      await panel.getByRole('button', { name: 'HTML' }).click();
      await expect(panel.getByRole('status')).toHaveText('Copied as HTML');
      const results = await new AxeBuilder({ page })
        .include(`h2[id="${heading.id}"]`)
        .include('#copy-link-panel')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      await context.close();
    });
  }
});

test('without JavaScript the heading link still works and no copy control appears', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(heading.path);
  const h = page.locator(`h2[id="${heading.id}"]`);
  await expect(h.locator('.copy-link')).toHaveCount(0);
  await h.hover();
  await h.locator('.heading-anchor').click();
  await expect(page).toHaveURL(new RegExp(`#${heading.id}$`));
  await context.close();
});

/** Where the heading of `id` sits relative to the bottom of the sticky header after following `#id`. */
async function landing(page: Page, id: string) {
  await page.waitForFunction(() => scrollY > 0);
  return page.evaluate((id) => {
    const target = document.getElementById(id)!;
    const h = target.closest('h2, h3, h4') ?? target;
    return { top: h.getBoundingClientRect().top, headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom };
  }, id);
}

test.describe('landing under the sticky header', () => {
  test.use({ viewport: { width: 1280, height: 600 } });

  test('a heading link lands the heading just below the header', async ({ page }) => {
    await page.goto(`${heading.path}#${heading.id}`);
    const at = await landing(page, heading.id);
    expect(at.top).toBeGreaterThanOrEqual(at.headerBottom);
    expect(at.top).toBeLessThan(at.headerBottom + 40);
  });

  test('an alias link lands its heading just below the header', async ({ page }) => {
    // A real alias when the content has one; otherwise the headings plugin's exact alias markup is
    // added to a heading of the served page (the plugin itself is covered by unit and fixture tests).
    const real = articlePaths()
      .map((path) => ({ path, id: /<span id="([a-z0-9-]+)" class="anchor-alias"/.exec(builtHtml(path))?.[1] }))
      .find((a) => a.id);
    const alias = real ?? { path: heading.path, id: 'test-alias' };
    if (!real) {
      await page.route(`**${heading.path}`, async (route) => {
        const body = (await (await route.fetch()).text()).replace(
          `<h2 id="${heading.id}">`,
          `<h2 id="${heading.id}"><span id="test-alias" class="anchor-alias"></span>`,
        );
        await route.fulfill({ body, contentType: 'text/html' });
      });
    }
    await page.goto(`${alias.path}#${alias.id}`);
    const at = await landing(page, alias.id!);
    expect(at.top).toBeGreaterThanOrEqual(at.headerBottom);
    expect(at.top).toBeLessThan(at.headerBottom + 40);
  });
});

test('every page has a preview image: 1200×630 PNG at an absolute og:image URL, large Twitter card', async ({ page, request }) => {
  await page.goto(heading.path);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/^https?:\/\/.+\.png$/);
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', image!);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const local = new URL(image!).pathname;
  const response = await request.get(local);
  expect(response.status()).toBe(200);
  const png = await response.body();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  const missing = articlePaths().filter((p) => {
    const url = /<meta property="og:image" content="([^"]+)"/.exec(builtHtml(p))?.[1];
    return !url || !existsSync(resolve(outDir, `.${new URL(url).pathname.slice(site.base.length - 1)}`));
  });
  expect(missing).toEqual([]);
});

test('an untranslated page shows the preview image of the English page; a translation has its own', () => {
  const image = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  const pairs = articlePaths().map((path) => ({ path, en: builtHtml(path), ja: builtHtml(`/ja${path}`) }));
  const fallbacks = pairs.filter((p) => canonical(p.ja) === canonical(p.en));
  expect(fallbacks.length).toBeGreaterThan(0);
  expect(fallbacks.filter((p) => image(p.ja) !== image(p.en)).map((p) => p.path)).toEqual([]);
  const translated = pairs.filter((p) => canonical(p.ja) !== canonical(p.en));
  expect(translated.filter((p) => !image(p.ja)?.includes('/og/ja/')).map((p) => p.path)).toEqual([]);
});

test('the permalink manifest lists every page and anchor of this build', () => {
  const file = manifestPath(contentDir);
  expect(existsSync(file), `no permalink manifest at ${file}: run \`npm run permalinks:update\` and commit it`).toBe(true);
  const manifest = parseManifest(readFileSync(file, 'utf8'), file);
  const { lost, added } = diffManifest(manifest, scanBuild(outDir, site.base));
  expect(lost.map((l) => describeLost(l, undefined))).toEqual([]);
  expect(added, describeAdded(added)).toEqual([]);
});

/**
 * The copy-link buttons the script adds must not move the text: a heading that fits its line without
 * them must still fit with them (a wrap would shift everything below it: layout shift, CLS).
 */
test.describe('the copy-link buttons take no room', () => {
  for (const viewport of [
    { width: 1350, height: 940 },
    { width: 412, height: 823 },
  ]) {
    test(`at ${viewport.width}×${viewport.height}`, async ({ browser }) => {
      const boxes = async (javaScriptEnabled: boolean) => {
        const context = await browser.newContext({ viewport, javaScriptEnabled });
        const page = await context.newPage();
        const out: Record<string, string> = {};
        for (const path of [...articlePaths(), '/glossary/']) {
          await page.goto(path);
          if (javaScriptEnabled) await expect(page.locator('.copy-link').first()).toBeAttached();
          const sizes = await page.evaluate(() =>
            [...document.querySelectorAll('main .heading-anchor')].map((a) => {
              const r = a.parentElement!.getBoundingClientRect();
              return `${a.getAttribute('href')} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`;
            }),
          );
          out[path] = sizes.join('\n');
        }
        await context.close();
        return out;
      };
      const without = await boxes(false);
      const withScript = await boxes(true);
      expect(withScript).toEqual(without);
    });
  }
});
