// Serves the built site the way production should: static files under the base path, the 404
// page, and the security headers (CSP included) from the build's own `_headers` file.
// Usage: node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist] [--compress]
// `--compress` compresses text responses on the fly (Brotli or gzip), as most hosts do.
import { resolve } from 'node:path';
import { createSiteServer, normalizeBase } from './site-server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dir = resolve(opt('--dir', process.env.SITE_OUT_DIR ?? 'dist'));
const port = Number(opt('--port', 4321));
const host = opt('--host', '127.0.0.1');
const base = normalizeBase(process.env.SITE_BASE);
const compress = args.includes('--compress') ? ['br', 'gzip'] : [];

let server;
try {
  server = createSiteServer({ dir, base, compress });
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exit(1);
}
server.listen(port, host, () => console.log(`Serving ${dir} at http://${host}:${port}${base} with the production headers`));
