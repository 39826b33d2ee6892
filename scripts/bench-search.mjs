// Search benchmark: serves an existing build (it builds nothing) and measures in Chromium
//   - the index size on disk (per language, and what the first query needs at most),
//   - the bytes fetched from opening the search dialog to the first painted result,
//   - the time from the last keystroke to the first painted result (median of several runs),
//   both with the query typed key by key and pasted at once.
// Each run uses a fresh browser context (empty cache). Responses are gzip-compressed like on a
// real host; Pagefind's own index files are already compressed and are sent as they are.
//
//   npm run bench:search                       # uses dist/ (or SITE_OUT_DIR), SITE_BASE if set
//   npm run bench:search -- --runs 9 --query "HvCallDepositMemory" --page /root-boot/
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { bytesBelow } from './files.mjs';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' },
    base: { type: 'string', default: process.env.SITE_BASE ?? '/' },
    runs: { type: 'string', default: '7' },
    query: { type: 'string', default: 'hypercall' },
    page: { type: 'string', default: '/overview/' },
  },
});
const root = resolve(args.dir);
const base = `/${args.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const runs = Math.max(1, Number(args.runs));
if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) {
  console.error(`No search index in ${root}/pagefind/. Build the site first (npm run build), or pass --dir <build folder>.`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml']);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return void res.writeHead(404).end();
  let file = join(root, path.slice(base.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  const ext = extname(file);
  let body = readFileSync(file);
  const headers = { 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
  if (compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(200, headers).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const pf = join(root, 'pagefind');
const entry = JSON.parse(readFileSync(join(pf, 'pagefind-entry.json'), 'utf8'));
const perLanguage = Object.entries(entry.languages).map(([lang, info]) => {
  const files = (sub) => (existsSync(join(pf, sub)) ? readdirSync(join(pf, sub)).filter((f) => f.startsWith(`${lang}_`)) : []);
  const total = (sub) => files(sub).reduce((s, f) => s + statSync(join(pf, sub, f)).size, 0);
  return { lang, pages: info.page_count, index: total('index'), fragments: total('fragment'), filters: total('filter') };
});

const browserPath =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
const browser = await chromium.launch({ executablePath: browserPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const pageUrl = `${origin}${base}${args.page.replace(/^\//, '')}`;

/**
 * One cold run: opens the page, opens search, waits until the index is initialised (as a reader
 * would before finishing the word), then enters the query: `typed` key by key (40 ms apart, so
 * intermediate queries run too) or `pasted` in one input event. Returns the time from the last
 * keystroke (or the paste) to the first painted result, and every byte fetched since the page load.
 */
async function measure(mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let counting = false;
  const fetched = new Map();
  cdp.on('Network.responseReceived', (e) => counting && fetched.set(e.requestId, { url: e.response.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = fetched.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  counting = true;
  await page.evaluate((query) => {
    // Paint time of the first result for the whole query: a frame after its first option appears.
    window.__firstResult = new Promise((done) => {
      const seen = () => [...document.querySelectorAll('#search-results [role="group"]')].find((g) => g.dataset.query === query);
      new MutationObserver((_, obs) => {
        if (seen()) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => done(performance.now())));
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    document.addEventListener('input', () => (window.__lastInput = performance.now()), true);
  }, args.query);
  await page.keyboard.press('/');
  await page.locator('#search-input').waitFor();
  await page.waitForFunction(() => !document.querySelector('.search-status')?.textContent);
  if (mode === 'typed') await page.keyboard.type(args.query, { delay: 40 });
  else await page.locator('#search-input').fill(args.query);
  const painted = await page.evaluate(() => window.__firstResult);
  const lastInput = await page.evaluate(() => window.__lastInput);
  await page.waitForLoadState('networkidle');
  const requests = [...fetched.values()];
  await context.close();
  return { ms: painted - lastInput, bytes: requests.reduce((s, r) => s + r.bytes, 0), requests };
}

const results = { typed: [], pasted: [] };
for (let i = 0; i < runs; i++) {
  results.typed.push(await measure('typed'));
  results.pasted.push(await measure('pasted'));
}
await browser.close();
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Search benchmark: ${pageUrl}, query "${args.query}", ${runs} run(s), fresh cache each`);
console.log(`Index on disk: ${kib(bytesBelow(pf))} in pagefind/`);
for (const l of perLanguage) {
  console.log(`  ${l.lang}: ${l.pages} records, index chunks ${kib(l.index)}, fragments ${kib(l.fragments)}, filters ${kib(l.filters)}`);
}
for (const mode of ['pasted', 'typed']) {
  const list = results[mode];
  console.log(`Query ${mode === 'typed' ? 'typed key by key (40 ms apart)' : 'pasted at once'}:`);
  console.log(`  bytes fetched from opening search to the results (median): ${kib(median(list.map((m) => m.bytes)))}`);
  console.log(
    `  last keystroke to first painted result: median ${median(list.map((m) => m.ms)).toFixed(0)} ms ` +
      `(runs: ${list.map((m) => m.ms.toFixed(0)).join(', ')} ms)`,
  );
}
console.log('Requests of the first pasted run:');
for (const r of results.pasted[0].requests)
  console.log(`  ${kib(r.bytes).padStart(10)}  ${r.url.replace(origin, '').replace(/\?ts=\d+$/, '')}`);
