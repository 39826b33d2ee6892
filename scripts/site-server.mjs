// The built site served the way production should serve it: static files under the base path, the
// 404 page, the security headers (CSP included) from the build's own `_headers` file and, on request,
// compression. Used by `scripts/serve.mjs` (npm start, the browser tests) and the page benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import sirv from 'sirv';

/** `SITE_BASE` as a path with a leading and a trailing slash (`docs/x` → `/docs/x/`, `` → `/`). */
export function normalizeBase(base = '/') {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
}

/** The headers of the build's `_headers` file as name → value, or null when the file is missing. */
export function productionHeaders(dir) {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return null;
  const headers = {};
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (m) headers[m[1]] = m[2];
  }
  return headers;
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/i;

/** Compressors as a host would run them on the fly (level 6 for both; precompressed Brotli 11 is ~10% smaller). */
const compressors = {
  br: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
  gzip: () => createGzip({ level: 6 }),
};

/** The first of `encodings` that the request's Accept-Encoding allows, or undefined. */
function negotiate(req, encodings) {
  const accepted = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  return encodings.find((e) => new RegExp(`\\b${e}\\b`).test(accepted));
}

/** Deletes a header from a plain headers object, whatever the case of its name. */
function dropHeader(headers, name) {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key];
}

/**
 * Makes `res` compress its body on the fly if the response turns out to be compressible text (decided
 * when the headers are written). sirv itself only serves precompressed `.gz`/`.br` files, which the
 * build does not write.
 */
function compressResponse(res, encoding) {
  const { writeHead, write, end } = res;
  let zip;
  res.writeHead = (status, ...rest) => {
    const headers = typeof rest.at(-1) === 'object' ? rest.at(-1) : {};
    const type = String(Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? res.getHeader('content-type'));
    if ((status === 200 || status === 404) && COMPRESSIBLE.test(type) && !res.getHeader('content-encoding')) {
      zip = compressors[encoding]();
      zip.on('data', (chunk) => write.call(res, chunk));
      zip.on('end', () => end.call(res));
      dropHeader(headers, 'content-length');
      res.removeHeader('content-length');
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Vary', 'Accept-Encoding');
    }
    return writeHead.call(res, status, ...rest);
  };
  res.write = (chunk, ...rest) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    // Always "not full": the compressor buffers, and the files are small.
    return zip ? (zip.write(chunk), true) : write.call(res, chunk, ...rest);
  };
  res.end = (chunk, ...rest) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!zip) return end.call(res, chunk, ...rest);
    if (chunk && typeof chunk !== 'function') zip.end(chunk);
    else zip.end();
    return res;
  };
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
  const headers = productionHeaders(root);
  if (!headers) console.warn(`warning: ${root}/_headers is missing; serving without the security headers (rebuild the site)`);
  const notFound = readFileSync(join(root, '404.html'));
  const files = sirv(root, { dev: false, etag: true, extensions: ['html'], gzip: false, brotli: false });

  return createServer((req, res) => {
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    const encoding = negotiate(req, compress);
    if (encoding) compressResponse(res, encoding);
    const sendNotFound = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(notFound);
    };
    if (!req.url.startsWith(prefix)) return sendNotFound();
    req.url = `/${req.url.slice(prefix.length)}`;
    files(req, res, sendNotFound);
  });
}
