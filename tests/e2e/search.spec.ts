import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './site';

// Search against the real index of the production build. Queries come from the articles in
// content/en/; each names the pages or sections that answer it. A query passes when one of them is
// among the top 3 results (a result is a page with its best sections); `first` queries (the
// identifiers of the issue) must also put an answer first.
const base = `/${(process.env.SITE_BASE ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const at = (path: string) => base + path.replace(/^\//, '');
/** Root-relative path and hash of a result link, without the base path and `?highlight=`. */
const local = (href: string) => {
  const url = new URL(href, 'http://x');
  return `/${url.pathname.slice(base.length)}${url.hash}`;
};

const MEMORY_DEPOSIT = ['/glossary/#memory-deposit', '/root-boot/#memory-deposit', '/partitions/#memory-deposit'];
const MAP_INTERRUPT = ['/glossary/#hvcall-map-device-interrupt', '/interrupts/#map-device-interrupt'];
const CREATE_PARTITION = ['/mshv-cloud-hypervisor/#ioctls', '/mshv-cloud-hypervisor/#fd-hierarchy', '/mshv-cloud-hypervisor/#sequence'];
const CLOUD_HYPERVISOR = ['/glossary/#cloud-hypervisor', '/mshv-cloud-hypervisor/#cloud-hypervisor', '/mshv-cloud-hypervisor/'];
const ROOT_PARTITION = ['/glossary/#root-partition', '/partitions/#root-partition', '/partitions/#terminology'];

const cases: { query: string; expect: string[]; first?: boolean; from?: string }[] = [
  // Identifiers: whole, in their other spelling, and by their parts.
  { query: 'HvCallDepositMemory', expect: MEMORY_DEPOSIT, first: true },
  { query: 'HVCALL_DEPOSIT_MEMORY', expect: MEMORY_DEPOSIT, first: true },
  { query: 'DepositMemory', expect: MEMORY_DEPOSIT },
  { query: 'deposit memory', expect: MEMORY_DEPOSIT },
  { query: 'HVCALL_MAP_DEVICE_INTERRUPT', expect: MAP_INTERRUPT, first: true },
  { query: 'HvCallMapDeviceInterrupt', expect: MAP_INTERRUPT, first: true },
  { query: 'map device interrupt', expect: MAP_INTERRUPT },
  { query: 'MSHV_CREATE_PARTITION', expect: CREATE_PARTITION, first: true },
  { query: 'mshv_create', expect: CREATE_PARTITION },
  { query: 'hv_root_partition', expect: ['/glossary/#hv-root-partition', '/root-boot/#hv-root-partition'], first: true },
  {
    query: 'CONFIG_MSHV_ROOT',
    expect: ['/glossary/#config-mshv-root', '/faq/#mshv-naming', '/faq/#kernel-version', '/timeline/#2025-02-config-mshv-root'],
    first: true,
  },
  { query: '/dev/mshv', expect: ['/glossary/#dev-mshv', '/mshv-cloud-hypervisor/', '/mshv-cloud-hypervisor/#what-it-is'], first: true },
  {
    query: '0x40000003',
    expect: ['/root-boot/#privilege-mask', '/glossary/#partition-privilege-mask', '/partitions/#privilege-mask'],
    first: true,
  },
  { query: '40000003', expect: ['/root-boot/#privilege-mask', '/glossary/#partition-privilege-mask', '/partitions/#privilege-mask'] },
  {
    query: 'ring -1',
    expect: ['/ring-minus-1/', '/ring-minus-1/#short-answer', '/ring-minus-1/#nickname', '/glossary/#ring-minus-1'],
    first: true,
  },
  { query: 'cloud-hypervisor', expect: CLOUD_HYPERVISOR, first: true },
  { query: 'Cloud Hypervisor', expect: CLOUD_HYPERVISOR, first: true },
  { query: 'MSHV_RUN_VP', expect: ['/mshv-cloud-hypervisor/#run-vp', '/mshv-cloud-hypervisor/#ioctls'] },
  { query: 'MSHV_ROOT_HVCALL', expect: ['/mshv-cloud-hypervisor/#root-hvcall'] },
  { query: 'HvCallSignalEvent', expect: ['/hypervisor-interface/#synic-events'] },
  // Concepts.
  { query: 'irqfd', expect: ['/glossary/#irqfd', '/mshv-cloud-hypervisor/#irqfd-ioeventfd'] },
  { query: 'VMBus', expect: ['/glossary/#vmbus', '/hypervisor-interface/#vmbus'] },
  { query: 'SynIC', expect: ['/glossary/#synic', '/hypervisor-interface/#synic'] },
  { query: 'hypercall page', expect: ['/glossary/#hypercall-page', '/hypervisor-interface/#hypercall-page', '/root-boot/#hypercall-page'] },
  { query: 'partition privilege mask', expect: ['/glossary/#partition-privilege-mask', '/partitions/#privilege-mask'] },
  { query: 'L1VH', expect: ['/glossary/#l1vh', '/beyond-classic-root/#l1vh', '/faq/#l1vh'] },
  { query: 'OpenHCL', expect: ['/glossary/#openhcl', '/beyond-classic-root/#openhcl', '/faq/#openhcl'] },
  { query: 'kexec', expect: ['/root-boot/#kexec', '/faq/#kexec', '/beyond-classic-root/#l1vh-kexec'] },
  { query: 'nested root partition', expect: ['/beyond-classic-root/#nested-root'] },
  { query: 'VM exit', expect: ['/glossary/#vm-exit', '/ring-minus-1/#vm-exits'] },
  { query: 'Dom0', expect: ['/glossary/#dom0', '/xen-dom0/'] },
  { query: 'WSL2', expect: ['/glossary/#wsl2', '/wsl2-azure/', '/wsl2-azure/#wsl2', '/faq/#wsl2'] },
  { query: 'Azure Boost', expect: ['/glossary/#azure-boost', '/faq/#azure-boost'] },
  { query: 'grant table', expect: ['/glossary/#grant-table'] },
  { query: 'type 1 hypervisor', expect: ['/glossary/#type-1-hypervisor', '/where-the-hypervisor-lives/#type-1-type-2'] },
  { query: 'virtio', expect: ['/glossary/#virtio', '/partitions/#emulated-vs-synthetic'] },
  // Synonyms: glossary aliases and "the X of Y" questions.
  { query: 'parent partition', expect: ROOT_PARTITION },
  { query: 'host partition', expect: ROOT_PARTITION },
  { query: 'Dom0 equivalent', expect: ROOT_PARTITION, first: true },
  { query: 'Virtual Machine Bus', expect: ['/glossary/#vmbus', '/hypervisor-interface/#vmbus'] },
  { query: 'ring minus one', expect: ['/glossary/#ring-minus-1', '/ring-minus-1/'] },
  { query: 'vCPU', expect: ['/glossary/#virtual-processor'] },
  { query: 'Underhill', expect: ['/glossary/#openhcl', '/beyond-classic-root/#openhcl'] },
  { query: 'domain zero', expect: ['/glossary/#dom0'] },
  // Misspellings and partial words.
  { query: 'hyperv', expect: ['/glossary/#hyper-v'] },
  { query: 'Hyper V', expect: ['/glossary/#hyper-v'] },
  { query: 'hypercal', expect: ['/glossary/#hypercall', '/hypervisor-interface/#hypercalls', '/ring-minus-1/#hypercalls'] },
  { query: 'vmbus channels', expect: ['/glossary/#vmbus-channel', '/hypervisor-interface/#vmbus-channels'] },
  // Japanese: the Japanese home page, and English terms from Japanese pages.
  { query: 'ルートパーティション', expect: ['/ja/', '/ja/#architecture'], from: '/ja/' },
  { query: 'ハイパーコール', expect: ['/ja/', '/ja/#architecture'], from: '/ja/' },
  { query: 'hv_root_partition', expect: ['/ja/glossary/#hv-root-partition', '/ja/root-boot/#hv-root-partition'], from: '/ja/' },
  { query: 'Hyper-V', expect: ['/ja/glossary/#hyper-v'], from: '/ja/overview/' },
];

async function openSearch(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox')).toBeFocused();
}

/** Types a query and returns the top results: each page with the links of its sections. */
async function search(page: Page, query: string) {
  await page.getByRole('combobox').fill(query);
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', query);
  return page
    .locator('#search-results [role="group"]')
    .evaluateAll((groups) => groups.map((g) => [...g.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('href') ?? '')));
}

test.describe('search finds the right page or section', () => {
  for (const c of cases) {
    test(`"${c.query}"${c.from ? ` (from ${c.from})` : ''} → ${c.expect[0]}`, async ({ page }) => {
      await page.goto(at(c.from ?? '/overview/'));
      await openSearch(page);
      const groups = (await search(page, c.query)).map((hrefs) => hrefs.map(local));
      const top = groups.slice(0, 3).flat();
      expect(
        top.filter((h) => c.expect.includes(h)),
        `top 3 for "${c.query}": ${JSON.stringify(groups.slice(0, 3))}`,
      ).not.toEqual([]);
      if (c.first) expect(c.expect, `first result for "${c.query}"`).toContain(groups[0]![0]);
    });
  }
});

test('an article page loads no search code or index until search opens', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(at('/partitions/'), { waitUntil: 'networkidle' });
  const searchBytes = (list: string[]) => list.filter((p) => p.includes('/pagefind/') || /\/search-(dialog|highlight|style)/.test(p));
  expect(searchBytes(requests)).toEqual([]);
  await page.mouse.move(10, 10);
  await page.keyboard.press('Tab');
  expect(searchBytes(requests)).toEqual([]);
  await openSearch(page);
  await search(page, 'VMBus');
  expect(searchBytes(requests).some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
  expect(searchBytes(requests).some((p) => /\/search-dialog\.[\w-]+\.js$/.test(p))).toBe(true);
});

test('keyboard: / opens, arrows move, Enter opens the section with the terms highlighted, and the highlight clears', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(at('/overview/'));
  await openSearch(page);
  const input = page.getByRole('combobox');
  await search(page, 'hv_root_partition');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  const options = page.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  // The second page's first section: the article section, not the glossary entry.
  const article = page.locator('#search-results [role="group"]').filter({ hasText: 'How Linux boots' }).getByRole('option').first();
  const href = (await article.getAttribute('href'))!;
  const id = new URL(href, 'http://x').hash.slice(1);
  while ((await article.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${at('/root-boot/').replace(/\//g, '\\/')}\\?highlight=hvrootpartition#${id}$`));

  const marks = page.locator('main mark.search-hit');
  await expect(marks.first()).toBeVisible();
  expect(await marks.count()).toBeGreaterThan(1);
  await expect(marks.first()).toHaveText(/hv_root_partition/);
  // The section heading sits below the sticky header, inside the viewport.
  const header = await page.locator('.site-header').boundingBox();
  const heading = await page.locator(`[id="${id}"]`).boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
  expect(heading!.y).toBeLessThan(page.viewportSize()!.height);

  await page.getByRole('button', { name: 'Clear highlight' }).click();
  await expect(marks).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/root-boot/#${id}$`));
  expect(errors).toEqual([]);
});

test('Ctrl+K and the button open the dialog; Esc and the close button close it and return focus', async ({ page }) => {
  await page.goto(at('/interrupts/'));
  const button = page.getByRole('button', { name: 'Search', exact: true });
  await expect(button).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.getByRole('button', { name: 'Close search' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // `/` typed into a form field is text, not a shortcut; keys typed right after `/` are kept.
  await page.keyboard.press('/');
  await page.keyboard.type('synic', { delay: 0 });
  await expect(page.getByRole('combobox')).toHaveValue('synic');
  await page.getByRole('combobox').press('/');
  await expect(page.getByRole('combobox')).toHaveValue('synic/');
});

test('results can be limited to the glossary and show their group', async ({ page }) => {
  await page.goto(at('/overview/'));
  await openSearch(page);
  await search(page, 'partition');
  await page.getByRole('radio', { name: 'Glossary' }).check();
  await expect(page.locator('#search-results')).toHaveAttribute('data-query', 'partition');
  await expect(page.locator('.search-group-title small').first()).toHaveText('Glossary');
  const hrefs = await page.getByRole('option').evaluateAll((os) => os.map((o) => o.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.every((h) => local(h).startsWith('/glossary/#'))).toBe(true);
});

test('no results are announced, and excerpts mark the terms without index-only words', async ({ page }) => {
  await page.goto(at('/overview/'));
  await openSearch(page);
  await page.getByRole('combobox').fill('zzzqqq');
  await expect(page.getByRole('status')).toHaveText('No results for “zzzqqq”.');
  await search(page, 'HVCALL_MAP_DEVICE_INTERRUPT');
  await expect(page.getByRole('status')).toHaveText(/\d+ pages? found/);
  const text = await page.locator('#search-results').innerText();
  expect(text).not.toMatch(/[⟦⟧]/);
  await expect(page.locator('#search-results mark').first()).toHaveText(/HVCALL_MAP_DEVICE_INTERRUPT|HvCallMapDeviceInterrupt/i);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open dialog and the highlight bar are accessible (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(at('/partitions/'));
    await openSearch(page);
    await search(page, 'memory deposit');
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const dialog = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(dialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Clear highlight' })).toBeVisible();
    const landing = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(landing.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await context.close();
  });
}

test('on a phone the dialog fills the screen and a tap opens a result', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(at('/overview/'));
  await page.getByRole('button', { name: 'Search', exact: true }).tap();
  const dialog = page.getByRole('dialog', { name: 'Search this site' });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(389);
  await search(page, 'VMBus');
  const first = page.getByRole('option').first();
  const href = local((await first.getAttribute('href'))!);
  await first.tap();
  await expect(page).toHaveURL(new RegExp(`${href.split('#')[0]!.replace(/\//g, '\\/')}`));
  await context.close();
});

test('without JavaScript the header offers the A–Z index and no search button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(at('/overview/'));
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeHidden();
  const link = page.locator('[data-search-slot]');
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${at('/a-z/')}$`));
  await context.close();
});

test("search and the highlight work under the site's Content-Security-Policy", async ({ browser }) => {
  const headers = resolve(process.env.SITE_OUT_DIR ?? 'dist', '_headers');
  test.skip(!existsSync(headers), 'the build wrote no _headers file with a CSP');
  const csp = /Content-Security-Policy: (.+)/.exec(readFileSync(headers, 'utf8'))?.[1];
  expect(csp).toContain("'wasm-unsafe-eval'");
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const isPage = route.request().resourceType() === 'document';
    await route.fulfill({ response, headers: isPage ? { ...response.headers(), 'content-security-policy': csp! } : response.headers() });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(at('/partitions/'));
  await openSearch(page);
  await search(page, 'memory deposit');
  await page.keyboard.press('Enter');
  await expect(page.locator('main mark.search-hit').first()).toBeVisible();
  expect(errors).toEqual([]);
  // A late request (the highlight's stylesheet) may still be in the route handler: let it go quietly.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});
