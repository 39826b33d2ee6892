import { expect, test } from '@playwright/test';
import { articlePaths, builtHtml, cspViolations, watchCsp } from './site';

const article = () => {
  const withEverything = articlePaths().find((p) => {
    const html = builtHtml(p);
    return html.includes('class="diagram"') && html.includes('<pre') && html.includes('data-toc');
  });
  if (!withEverything) throw new Error('no article with a diagram, code and a TOC in the build');
  return withEverything;
};

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto(article());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('every interactive element can be reached with the keyboard and shows focus', async ({ page }) => {
  await page.goto(article());
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { key: el.outerHTML.slice(0, 80), outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    });
    if (!info) continue;
    expect(info.outline, `focus is visible on ${info.key}`).toBe(true);
    seen.add(info.key);
  }
  expect(seen.size).toBeGreaterThan(10);
});

test('the theme switch applies, persists and follows the system when reset', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(article());
  const bg = () =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
  const html = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await html();
  await page.getByRole('button', { name: 'Dark' }).click();
  await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  expect(await html()).not.toBe(light);
  // The stored choice is applied by the inline head script, before the first paint.
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  expect(await page.evaluate(() => document.readyState !== 'complete' || document.documentElement.dataset.theme === 'dark')).toBe(true);
  await page.getByRole('button', { name: 'System' }).click();
  expect(await html()).toBe(light);
  expect(await bg()).toBeTruthy();
  await context.close();
});

test('the theme script runs in the head before any stylesheet', () => {
  const head = builtHtml(article()).split('</head>')[0]!;
  const script = head.indexOf("localStorage.getItem('hv-theme')");
  const firstStyle = head.search(/<link rel="stylesheet"|<style/);
  expect(script).toBeGreaterThan(0);
  expect(firstStyle === -1 || script < firstStyle).toBe(true);
});

test('the table of contents marks the section being read', async ({ page }) => {
  await page.goto(article());
  const links = page.locator('[data-toc] a');
  const count = await links.count();
  const target = links.nth(Math.min(2, count - 1));
  const id = (await target.getAttribute('href'))!.slice(1);
  await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), id);
  await expect(target).toHaveAttribute('aria-current', 'true');
});

test('code blocks have a copy button that copies the code', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(article());
  const block = page.locator('.prose .code-wrap').first();
  await block.getByRole('button', { name: 'Copy code' }).click();
  await expect(block.getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await block.locator('pre').innerText()).replace(/\n$/, ''));
  await context.close();
});

test('diagrams are inline SVG with an accessible name, and no Mermaid script is loaded', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(article(), { waitUntil: 'networkidle' });
  const figure = page.locator('figure.diagram').first();
  await expect(figure.locator('svg').first()).toBeVisible();
  const name = await figure.evaluate((f) => document.getElementById(f.getAttribute('aria-labelledby')!)?.textContent);
  expect(name?.length).toBeGreaterThan(3);
  expect(scripts.filter((s) => /mermaid/i.test(s))).toEqual([]);
  const bodies = await Promise.all(scripts.map((s) => page.request.get(s).then((r) => r.text())));
  expect(bodies.some((b) => b.includes('mermaid'))).toBe(false);
});

test('diagram colours follow the theme', async ({ page }) => {
  await page.goto(article());
  const shape = page.locator('figure.diagram svg .node :is(rect, path, polygon)').first();
  const fill = () => shape.evaluate((el) => getComputedStyle(el).fill + getComputedStyle(el).stroke);
  await page.getByRole('button', { name: 'Light' }).click();
  const light = await fill();
  await page.getByRole('button', { name: 'Dark' }).click();
  expect(await fill()).not.toBe(light);
});

test('the language switch keeps the reader on the same page', async ({ page }) => {
  const path = article();
  await page.goto(path);
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '日本語' }).click();
  await expect(page).toHaveURL(new RegExp(`/ja${path}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('navigation', { name: '言語' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
});

test('every page names its alternates and canonical URL', async ({ page }) => {
  await page.goto('/ja/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveCount(1);
  await expect(page.locator('link[rel="alternate"][hreflang="ja"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/ja\/$/);
});

test('the 404 page helps the reader on', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('main').getByRole('link', { name: 'A–Z index' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });

  test('the menu opens as a drawer and closes with Escape', async ({ page }) => {
    await page.goto(article());
    const nav = page.getByRole('navigation', { name: 'Site navigation' });
    await expect(nav).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await menu.click();
    await expect(nav).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('wide tables and diagrams scroll inside the page instead of widening it', async ({ page }) => {
    await page.goto(article());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the article, its TOC, diagrams and all tab panels are readable', async ({ page }) => {
    await page.goto(article());
    await expect(page.locator('[data-toc] a').first()).toBeVisible();
    await expect(page.locator('figure.diagram svg').first()).toBeVisible();
    for (const panel of await page.locator('.tab-panel').all()) await expect(panel).toBeVisible();
  });

  test('the phone menu works as a link to the navigation', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(article());
    const nav = page.getByRole('navigation', { name: 'Site navigation' });
    await expect(nav).toBeHidden();
    await page.getByRole('link', { name: 'Menu', exact: true }).click();
    await expect(nav).toBeVisible();
    await context.close();
  });
});

test.describe('glossary terms in articles', () => {
  test('the definition opens in place from the keyboard and closes with Escape', async ({ page }) => {
    await page.goto(article());
    const button = page.locator('.term-info').first();
    const id = await button.getAttribute('popovertarget');
    const pop = page.locator(`[id="${id}"]`);
    await expect(pop).toBeHidden();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(pop).toBeVisible();
    await expect(pop.getByRole('link')).toHaveAttribute('href', /\/glossary\/#[a-z0-9-]+$/);
    // The card sits next to the button that opened it.
    const b = (await button.boundingBox())!;
    // Below the button, or above it when there is no room below.
    await expect
      .poll(async () => {
        const p = (await pop.boundingBox())!;
        return Math.min(Math.abs(p.y - (b.y + b.height)), Math.abs(p.y + p.height - b.y));
      })
      .toBeLessThan(20);
    await page.keyboard.press('Escape');
    await expect(pop).toBeHidden();
  });

  test('the term itself links to its glossary entry', async ({ page }) => {
    await page.goto(article());
    const term = page.locator('a.term').first();
    const href = (await term.getAttribute('href'))!;
    await term.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[/#]/g, '\\$&')}$`));
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeInViewport();
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    test('a tap opens the definition', async ({ page }) => {
      await page.goto(article());
      const button = page.locator('.term-info').first();
      await button.scrollIntoViewIfNeeded();
      await button.tap();
      await expect(page.locator(`[id="${await button.getAttribute('popovertarget')}"]`)).toBeVisible();
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the definition still opens', async ({ page }) => {
      await page.goto(article());
      const button = page.locator('.term-info').first();
      await button.click();
      await expect(page.locator(`[id="${await button.getAttribute('popovertarget')}"]`)).toBeVisible();
    });
  });
});

test('tabs switch with the arrow keys and keep one panel visible', async ({ page }) => {
  const path = articlePaths().find((p) => builtHtml(p).includes('data-tabs'));
  test.skip(!path, 'no article uses tabs');
  await page.goto(path!);
  const tabs = page.locator('[data-tabs]').first().getByRole('tab');
  expect(await tabs.count()).toBeGreaterThan(1);
  await tabs.first().focus();
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  const panels = page.locator('[data-tabs]').first().getByRole('tabpanel');
  await expect(panels).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
});

test('printing shows the article without the site chrome', async ({ page }) => {
  await page.goto(article());
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-header', '.sidebar', '.toc', '.pagination', '.site-footer']) {
    await expect(page.locator(sel).first()).toBeHidden();
  }
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('figure.diagram svg').first()).toBeVisible();
});

test('the Content-Security-Policy blocks an inline script without a hash', async ({ browser }) => {
  const context = await browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto(article());
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.append(s);
  });
  await expect.poll(() => cspViolations(page)).toEqual([expect.stringMatching(/^script-src/)]);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await context.close();
});
