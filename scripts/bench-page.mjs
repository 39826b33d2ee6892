// Page benchmark: serves an existing build (it builds nothing) with the production headers and
// compression, then measures one article
//   - in Chromium (playwright-core), in a phone and a desktop viewport, each load with a fresh
//     cache, median of several runs: bytes transferred by resource type, requests, the JavaScript
//     that runs on load (before any interaction), LCP and CLS;
//   - with Lighthouse (mobile, its default emulation and throttling), on the article and on the home
//     page: the performance, accessibility, best-practices and SEO scores, the key metrics, and the
//     audits that cost points, from the median of several runs (Lighthouse's own choice of run).
// Everything is served from 127.0.0.1; a request to any other origin is reported as an error.
//
//   npm run bench:page                         # uses dist/ (or SITE_OUT_DIR), SITE_BASE if set
//   npm run bench:page -- --page /root-boot/ --runs 9 --json page.json
//   npm run bench:page -- --encoding gzip --lighthouse-runs 5     # or --no-lighthouse
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { createSiteServer, normalizeBase } from './site-server.mjs';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    dir: { type: 'string', default: process.env.SITE_OUT_DIR ?? 'dist' },
    base: { type: 'string', default: process.env.SITE_BASE ?? '/' },
    page: { type: 'string', default: '/interrupts/' },
    runs: { type: 'string', default: '5' },
    encoding: { type: 'string', default: 'br' },
    json: { type: 'string' },
    lighthouse: { type: 'boolean', default: true },
    'lighthouse-runs': { type: 'string', default: '3' },
  },
});

/** Lighthouse's own mobile (Moto G Power) and desktop screens, so both tools see the same layout. */
const VIEWPORTS = {
  phone: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 },
};
const TYPES = ['document', 'stylesheet', 'script', 'image', 'font', 'other'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** Checks the build folder, the page and the base path before anything starts. */
function checkBuild(root, base, page) {
  if (!existsSync(join(root, 'index.html'))) {
    fail(`No built site in \`${root}\`. Run \`npm run build\` first, or set SITE_OUT_DIR (or --dir) to a build folder.`);
  }
  const file = join(root, page, 'index.html');
  if (!existsSync(file)) fail(`The build has no page \`${page}\` (no ${file}). Pass --page with an existing slug, e.g. /interrupts/.`);
  const asset = /(?:href|src)="(\/[^"]*?)_astro\//.exec(readFileSync(file, 'utf8'))?.[1];
  if (asset !== undefined && asset !== base) {
    fail(`The build was made for the base path \`${asset}\`, but SITE_BASE is \`${base}\`. Set SITE_BASE to the value used for the build.`);
  }
}

/** The Chromium to use: CHROMIUM_PATH, else a system Chromium or Chrome. Nothing downloads a browser. */
function findChromium() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit && !existsSync(explicit))
    fail(`CHROMIUM_PATH is \`${explicit}\`, but no file exists there. Point it at a Chromium or Chrome.`);
  const found = explicit ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
  if (!found) fail('No Chromium found. Install one (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome.');
  return found;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${Math.round(n)} ms`;
const typeOf = (cdpType) => (TYPES.includes(cdpType?.toLowerCase()) ? cdpType.toLowerCase() : 'other');

/** Bytes of a script that V8 ran: block coverage ranges nest, and the innermost count wins. */
function executedBytes({ source, functions }) {
  const ran = new Uint8Array(source.length);
  const ranges = functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
  let bytes = 0;
  for (let i = 0; i < source.length;) {
    let j = i;
    while (j < source.length && ran[j] === ran[i]) j++;
    if (ran[i]) bytes += Buffer.byteLength(source.slice(i, j));
    i = j;
  }
  return bytes;
}

/** Records every request of a page through the DevTools protocol: type, bytes on the wire and decoded. */
async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  const get = (id) => requests.get(id) ?? requests.set(id, { bytes: 0, decoded: 0 }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => Object.assign(get(e.requestId), { url: e.request.url, type: typeOf(e.type) }));
  cdp.on('Network.responseReceived', (e) =>
    Object.assign(get(e.requestId), {
      type: typeOf(e.type),
      status: e.response.status,
      encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'none',
    }),
  );
  cdp.on('Network.dataReceived', (e) => (get(e.requestId).decoded += e.dataLength));
  cdp.on('Network.loadingFinished', (e) => (get(e.requestId).bytes = e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => (get(e.requestId).failed = e.errorText));
  return () => [...requests.values()].filter((r) => /^https?:/.test(r.url ?? ''));
}

/** LCP (time and element) and CLS (largest session window) from buffered performance entries. */
function readVitals() {
  return new Promise((done) => {
    const result = { lcp: 0, lcpElement: '', cls: 0 };
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      const el = last.element;
      result.lcp = last.startTime;
      result.lcpElement = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList[0] ? `.${el.classList[0]}` : ''}` : '';
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    let windowValue = 0;
    let windowStart = 0;
    let previous = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        if (e.startTime - previous > 1000 || e.startTime - windowStart > 5000) [windowStart, windowValue] = [e.startTime, 0];
        windowValue += e.value;
        previous = e.startTime;
        result.cls = Math.max(result.cls, windowValue);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // Buffered entries are delivered in a task after observe(); two frames later all have arrived.
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(result))));
  });
}

/** One cold load (new context, empty cache) of `url`, untouched after load. */
async function loadOnce(browser, url, device, foreign) {
  const context = await browser.newContext(device);
  const origin = new URL(url).origin;
  context.on('request', (r) => /^https?:/.test(r.url()) && new URL(r.url()).origin !== origin && foreign.add(r.url()));
  const page = await context.newPage();
  const requests = await recordNetwork(context, page);
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const scripts = await page.coverage.stopJSCoverage();
  const vitals = await page.evaluate(readVitals);
  const list = requests();
  await context.close();
  const byType = Object.fromEntries(
    TYPES.map((t) => {
      const of = list.filter((r) => r.type === t);
      return [t, { requests: of.length, bytes: sum(of.map((r) => r.bytes)), decoded: sum(of.map((r) => r.decoded)) }];
    }),
  );
  return {
    byType,
    requests: list.length,
    bytes: sum(list.map((r) => r.bytes)),
    decoded: sum(list.map((r) => r.decoded)),
    encodings: [...new Set(list.map((r) => `${r.type}: ${r.encoding}`))],
    failed: list.filter((r) => r.failed || r.status >= 400).map((r) => `${r.status ?? r.failed} ${r.url}`),
    js: {
      scripts: scripts.length,
      inline: scripts.filter((s) => s.url === url).length,
      sourceBytes: sum(scripts.map((s) => Buffer.byteLength(s.source))),
      executedBytes: sum(scripts.map(executedBytes)),
    },
    ...vitals,
  };
}

/** Medians over runs of every number in the run records (per type too); lists are merged. */
function medianOf(runs) {
  const pick = (get) => median(runs.map(get));
  const union = (get) => [...new Set(runs.flatMap(get))];
  return {
    ...runs[0],
    encodings: union((r) => r.encodings),
    failed: union((r) => r.failed),
    byType: Object.fromEntries(
      TYPES.map((t) => [
        t,
        { requests: pick((r) => r.byType[t].requests), bytes: pick((r) => r.byType[t].bytes), decoded: pick((r) => r.byType[t].decoded) },
      ]),
    ),
    requests: pick((r) => r.requests),
    bytes: pick((r) => r.bytes),
    decoded: pick((r) => r.decoded),
    js: Object.fromEntries(Object.keys(runs[0].js).map((k) => [k, pick((r) => r.js[k])])),
    lcp: pick((r) => r.lcp),
    cls: pick((r) => r.cls),
    lcpRuns: runs.map((r) => Math.round(r.lcp)),
  };
}

/** Lighthouse on one URL: mobile with its default emulation and simulated throttling, in its own Chromium. */
async function runLighthouse(url, chromePath) {
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'], logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/**
 * Lighthouse `runs` times on one URL; returns the median run (closest to the median FCP and TTI, as
 * Lighthouse recommends) and every run's performance score. A busy machine makes single runs noisy.
 */
async function lighthouseMedian(url, chromePath, runs) {
  const lhrs = [];
  for (let i = 0; i < runs; i++) lhrs.push(await runLighthouse(url, chromePath));
  const valid = filterToValidRuns(lhrs);
  const lhr = valid.length ? computeMedianRun(valid) : lhrs[0];
  return {
    lhr,
    performanceRuns: lhrs.map((l) => (l.categories.performance.score === null ? null : Math.round(l.categories.performance.score * 100))),
  };
}

/** The audits that cost a category points, with the elements they name. */
function failingAudits(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => ({ ...lhr.audits[ref.id], weight: ref.weight }))
    .filter((a) => typeof a.score === 'number' && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
    .map((a) => ({
      id: a.id,
      title: a.title,
      score: a.score,
      weight: a.weight,
      displayValue: a.displayValue ?? '',
      items: (a.details?.items ?? [])
        .map((i) => i.node?.selector ?? i.node?.snippet ?? i.url ?? i.source?.url ?? '')
        .filter(Boolean)
        .slice(0, 5),
    }));
}

/** The part of a Lighthouse report this benchmark keeps. */
function summarizeLighthouse(lhr, origin) {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, lhr.categories[c].score === null ? null : Math.round(lhr.categories[c].score * 100)]),
  );
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([k, id]) => [k, { value: lhr.audits[id].numericValue, display: lhr.audits[id].displayValue }]),
  );
  const failing = Object.fromEntries(CATEGORIES.filter((c) => scores[c] !== 100).map((c) => [c, failingAudits(lhr, c)]));
  const urls = (lhr.audits['network-requests']?.details?.items ?? []).map((i) => i.url);
  return {
    scores,
    metrics,
    failing,
    requests: urls.length,
    foreign: urls.filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin),
    warnings: lhr.runWarnings,
    runtimeError: lhr.runtimeError?.message,
  };
}

/** Pads columns: the first left-aligned, the others right-aligned. */
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('   ')).join('\n');
}

function printBrowserReport(url, results, encoding, runs) {
  const names = Object.keys(results);
  const label = encoding === 'none' ? 'uncompressed' : `${encoding} (level 6, compressed on the fly)`;
  console.log(`\nArticle ${url}: median of ${runs} cold load(s) per viewport, localhost, no throttling; the server sends ${label}`);
  const seen = [...new Set(names.flatMap((n) => results[n].median.encodings))];
  console.log(`Content-Encoding received: ${seen.join(', ')}`);
  console.log('Transferred = bytes on the wire (compressed body + response headers); uncompressed = decoded body.\n');
  const head = ['', ...names.flatMap((n) => [`${n}: req`, 'transferred', 'uncompressed'])];
  const cells = (r) => [r.requests, kib(r.bytes), kib(r.decoded)];
  const rows = TYPES.map((t) => [t, ...names.flatMap((n) => cells(results[n].median.byType[t]))]);
  console.log(table([head, ...rows, ['total', ...names.flatMap((n) => cells(results[n].median))]]));
  console.log('');
  const js = (m) => `${kib(m.js.executedBytes)} of ${kib(m.js.sourceBytes)}`;
  console.log(
    table([
      ['', ...names.map((n) => `${n} (${VIEWPORTS[n].viewport.width}×${VIEWPORTS[n].viewport.height})`)],
      ['LCP (median)', ...names.map((n) => ms(results[n].median.lcp))],
      ['LCP per run', ...names.map((n) => results[n].median.lcpRuns.join(', '))],
      ['LCP element', ...names.map((n) => results[n].median.lcpElement || '?')],
      ['CLS', ...names.map((n) => results[n].median.cls.toFixed(3))],
      ['scripts run on load', ...names.map((n) => `${results[n].median.js.scripts} (${results[n].median.js.inline} inline)`)],
      ['JS executed on load', ...names.map((n) => js(results[n].median))],
    ]),
  );
  console.log("(JS executed: bytes of the functions and blocks V8 ran before any interaction, of the scripts' decoded source.)");
  for (const n of names) for (const f of results[n].median.failed) console.log(`warning: ${n}: failed request ${f}`);
}

function printLighthouseReport(lh) {
  const { settings } = lh;
  const t = settings.throttling;
  const method = settings.throttlingMethod === 'simulate' ? 'simulated' : settings.throttlingMethod;
  const screen = `${settings.screenEmulation.width}×${settings.screenEmulation.height}`;
  console.log(
    `\nLighthouse ${lh.version}: ${settings.formFactor} ${screen}, ${method} throttling (RTT ${t.rttMs} ms, ` +
      `${(t.throughputKbps / 1024).toFixed(1)} Mbit/s, CPU ×${t.cpuSlowdownMultiplier}); median of ${lh.runs} run(s) per page; ` +
      `this machine's benchmark index ${lh.benchmarkIndex}\n`,
  );
  const pages = Object.entries(lh.pages);
  console.log(
    table([
      ['page', 'perf', 'a11y', 'best-pr.', 'SEO', ...Object.keys(METRICS), 'perf per run'],
      ...pages.map(([p, s]) => [
        p,
        ...CATEGORIES.map((c) => s.scores[c] ?? 'n/a'),
        ...Object.keys(METRICS).map((k) => s.metrics[k].display),
        s.performanceRuns.join(', '),
      ]),
    ]),
  );
  for (const [p, s] of pages) {
    if (s.runtimeError) console.log(`\n${p}: Lighthouse runtime error: ${s.runtimeError}`);
    for (const w of s.warnings) console.log(`${p}: Lighthouse warning: ${w}`);
    for (const [category, audits] of Object.entries(s.failing)) {
      console.log(`\n${p}: ${category} ${s.scores[category]}, audits below 100:`);
      if (!audits.length) console.log('  (none with a score: the category score comes from weighted metrics only)');
      for (const a of audits) {
        console.log(`  - ${a.id} (score ${a.score}, weight ${a.weight}): ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        for (const item of a.items) console.log(`      ${item}`);
      }
    }
  }
}

async function main() {
  const root = resolve(args.dir);
  const base = normalizeBase(args.base);
  const page = `/${args.page.replace(/^\/+/, '')}`;
  const runs = Math.max(1, Number(args.runs) || 5);
  const lighthouseRuns = Math.max(1, Number(args['lighthouse-runs']) || 3);
  if (!['br', 'gzip', 'none'].includes(args.encoding)) fail(`--encoding must be br, gzip or none, not \`${args.encoding}\`.`);
  checkBuild(root, base, page);
  const chromePath = findChromium();

  const server = createSiteServer({ dir: root, base, compress: args.encoding === 'none' ? [] : [args.encoding] });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const url = `${origin}${base}${page.slice(1)}`;
  const foreign = new Set();
  const report = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
    build: root,
    page,
    encoding: args.encoding,
    runs,
    viewports: {},
  };

  try {
    const browser = await chromium.launch({ executablePath: chromePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    report.chromium = browser.version();
    for (const [name, device] of Object.entries(VIEWPORTS)) {
      const list = [];
      for (let i = 0; i < runs; i++) list.push(await loadOnce(browser, url, device, foreign));
      report.viewports[name] = { median: medianOf(list), runs: list };
    }
    await browser.close();
    console.log(`Page benchmark on ${report.machine}, Chromium ${report.chromium}`);
    printBrowserReport(url, report.viewports, args.encoding, runs);

    if (args.lighthouse) {
      const pages = { [page]: url, '/': `${origin}${base}` };
      report.lighthouse = { runs: lighthouseRuns, pages: {} };
      for (const [p, u] of Object.entries(pages)) {
        const { lhr, performanceRuns } = await lighthouseMedian(u, chromePath, lighthouseRuns);
        Object.assign(report.lighthouse, {
          version: lhr.lighthouseVersion,
          settings: lhr.configSettings,
          benchmarkIndex: lhr.environment.benchmarkIndex,
        });
        report.lighthouse.pages[p] = { ...summarizeLighthouse(lhr, origin), performanceRuns };
        report.lighthouse.pages[p].foreign.forEach((f) => foreign.add(f));
      }
      printLighthouseReport(report.lighthouse);
    }
  } finally {
    server.close();
  }

  report.foreignRequests = [...foreign];
  if (foreign.size) {
    console.error(`\nerror: the page requested another origin (the site must be self-contained):\n  ${[...foreign].join('\n  ')}`);
    process.exitCode = 1;
  }
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nJSON written to ${resolve(args.json)}`);
  }
}

await main();
