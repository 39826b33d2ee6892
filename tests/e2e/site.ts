import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

const outDir = resolve(process.env.SITE_OUT_DIR ?? 'dist');

/** Every page path listed in the built sitemap (origin and base path stripped to a local path). */
export function sitemapPaths(): string[] {
  const xml = readFileSync(resolve(outDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/** Article pages in English (the ones with an article body and a TOC). */
export function articlePaths(): string[] {
  return sitemapPaths().filter((p) => !p.startsWith('/ja/') && p !== '/' && !['/glossary/', '/references/', '/a-z/'].includes(p));
}

/** Reads a built page's HTML. */
export function builtHtml(path: string): string {
  return readFileSync(resolve(outDir, `.${path}index.html`), 'utf8');
}

/** Records every request that leaves the local origin; returns the list to assert on. */
export async function watchForeignRequests(context: BrowserContext): Promise<string[]> {
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  return foreign;
}

/** Records Content-Security-Policy violations from the first script on; read with `cspViolations`. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The CSP violations a page has reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Collects page errors and console errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
