// The built site served the way production should serve it: static files under the base path, the
// 404 page, the security headers (CSP included) from the build's own `_headers` file and, on request,
// compression. Used by `scripts/serve.mjs` (npm start, the browser tests) and the page benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { constants } from 'node:zlib';
import compression from 'compression';
import sirv from 'sirv';

/** `SITE_BASE` as a path with a leading and a trailing slash (`docs/x` → `/docs/x/`, `` → `/`). */
export function normalizeBase(base = '/') {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

/**
 * The rules of the build's `_headers` file, as a static host reads them: each a path pattern (`*`
 * matches anything) with its headers. Null when the file is missing.
 * @returns {{ pattern: RegExp, headers: Record<string, string> }[] | null}
 */
export function headerRules(dir) {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return null;
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (header && rules.length > 0) rules.at(-1).headers[header[1]] = header[2];
    else if (/^\S/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    }
  }
  return rules;
}

/** The headers every matching rule gives a request path (later rules add to earlier ones). */
export function headersFor(rules, path) {
  return Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}

/** Compression as a host would do it on the fly: level 6 for both (precompressed Brotli 11 is ~10% smaller). */
const compressor = compression({ threshold: 0, level: 6, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } } });

/** Keeps only the encodings the server offers in the request's Accept-Encoding, preferring the first offered. */
function offerOnly(req, encodings) {
  const accepted = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  const chosen = encodings.find((e) => new RegExp(`\\b${e}\\b`).test(accepted));
  req.headers['accept-encoding'] = chosen ?? 'identity';
}

/**
 * An HTTP server (not yet listening) for the build in `dir` under `base`. `compress` lists the
 * content encodings to offer, in order of preference (e.g. `['br', 'gzip']`); none by default.
 * Throws when `dir` holds no build.
 * @param {{ dir: string, base?: string, compress?: ('br' | 'gzip')[] }} options
 */
export function createSiteServer({ dir, base = '/', compress = [] }) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html')) || !existsSync(join(root, '404.html'))) {
    throw new Error(`No built site in \`${root}\`. Run \`npm run build\` first, or point SITE_OUT_DIR (or --dir) at a build folder.`);
  }
  const prefix = normalizeBase(base);
  const rules = headerRules(root);
  if (!rules) console.warn(`warning: ${root}/_headers is missing; serving without the security headers (rebuild the site)`);
  const notFound = readFileSync(join(root, '404.html'));
  const files = sirv(root, { dev: false, etag: true, extensions: ['html'], gzip: false, brotli: false });

  return createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    for (const [k, v] of Object.entries(headersFor(rules ?? [], path))) res.setHeader(k, v);
    const sendNotFound = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(notFound);
    };
    const serve = () => {
      if (!req.url.startsWith(prefix)) return sendNotFound();
      req.url = `/${req.url.slice(prefix.length)}`;
      files(req, res, sendNotFound);
    };
    if (compress.length === 0) return serve();
    offerOnly(req, compress);
    compressor(req, res, serve);
  });
}
