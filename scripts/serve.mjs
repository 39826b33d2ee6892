// Serves the built site the way production should: static files under the base path, the 404
// page, and the security headers (CSP included) from the build's own `_headers` file.
// Usage: node scripts/serve.mjs [--port 4321] [--dir dist]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dir = resolve(opt('--dir', process.env.SITE_OUT_DIR ?? 'dist'));
const port = Number(opt('--port', 4321));
const host = opt('--host', '127.0.0.1');
const base = `/${(process.env.SITE_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const headers = {};
try {
  for (const line of readFileSync(join(dir, '_headers'), 'utf8').split('\n').slice(1)) {
    const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (m) headers[m[1]] = m[2];
  }
} catch {
  console.warn(`warning: ${dir}/_headers is missing; serving without the security headers (rebuild the site)`);
}
const notFound = readFileSync(join(dir, '404.html'));
const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: false, brotli: false });

createServer((req, res) => {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (!req.url.startsWith(base)) {
    res.statusCode = 404;
    return res.end(notFound);
  }
  req.url = `/${req.url.slice(base.length)}`;
  files(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(notFound);
  });
}).listen(port, host, () => console.log(`Serving ${dir} at http://${host}:${port}${base} with the production headers`));
