import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { cspViolations, sitemapPaths, watchCsp, watchErrors, watchForeignRequests } from './site';

// Every page of the sitemap, in both colour schemes, served with the production CSP: zero axe
// violations, no request to another origin, no CSP violation, no script error.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    for (const path of sitemapPaths()) {
      test(`${path} is accessible and self-contained`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme: scheme });
        const foreign = await watchForeignRequests(context);
        await watchCsp(context);
        const page = await context.newPage();
        const errors = watchErrors(page);
        const response = await page.goto(path, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 5)
              .join(' | ')}`,
        );
        expect(summary).toEqual([]);
        expect(foreign).toEqual([]);
        expect(errors).toEqual([]);
        expect(await cspViolations(page)).toEqual([]);
        await context.close();
      });
    }
  });
}
