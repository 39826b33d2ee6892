import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer, headerRules, headersFor, normalizeBase } from '../../scripts/site-server.mjs';

const page = `<!doctype html><title>A</title><p>${'Hypercall. '.repeat(200)}</p>`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'site-server-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'a', 'index.html'), page);
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(dir, 'icon.png'), Buffer.alloc(2048, 7));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'app.1a2b.js'), 'export {};');
  writeFileSync(
    join(dir, '_headers'),
    "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n",
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a server, runs `use` against its origin, and closes it. */
async function withServer(options: Parameters<typeof createSiteServer>[0], use: (origin: string) => Promise<void>): Promise<void> {
  const server: Server = createSiteServer(options);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

/** A raw GET (no automatic decompression), with the given Accept-Encoding. */
function fetchRaw(url: string, encoding = 'gzip, deflate, br') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('site server', () => {
  it('normalizes the base path and reads _headers', () => {
    expect(normalizeBase()).toBe('/');
    expect(normalizeBase('docs/hyperv')).toBe('/docs/hyperv/');
    expect(normalizeBase('/docs/')).toBe('/docs/');
    const rules = headerRules(dir)!;
    const security = { 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' };
    expect(headersFor(rules, '/a/')).toEqual(security);
    expect(headersFor(rules, '/_astro/app.1a2b.js')).toEqual({ ...security, 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(headerRules(join(dir, 'missing'))).toBeNull();
  });

  it('serves files uncompressed by default, with the production headers', async () => {
    await withServer({ dir }, async (origin) => {
      const res = await fetchRaw(`${origin}/a/`);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-security-policy']).toBe("default-src 'self'");
      expect(res.body.toString()).toBe(page);
      expect(res.headers['cache-control']).toBeUndefined();
      const asset = await fetchRaw(`${origin}/_astro/app.1a2b.js`);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-security-policy']).toBe("default-src 'self'");
    });
  });

  it('compresses text with the first offered encoding the browser accepts', async () => {
    await withServer({ dir, compress: ['br', 'gzip'] }, async (origin) => {
      const br = await fetchRaw(`${origin}/a/`);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-length']).toBeUndefined();
      expect(br.body.length).toBeLessThan(page.length / 4);
      expect(brotliDecompressSync(br.body).toString()).toBe(page);
      const gzip = await fetchRaw(`${origin}/a/`, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(page);
      const plain = await fetchRaw(`${origin}/a/`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(page);
    });
  });

  it('leaves binary files alone and compresses the 404 page', async () => {
    await withServer({ dir, compress: ['gzip'] }, async (origin) => {
      const png = await fetchRaw(`${origin}/icon.png`);
      expect(png.headers['content-encoding']).toBeUndefined();
      expect(png.body.length).toBe(2048);
      const missing = await fetchRaw(`${origin}/nope/`);
      expect(missing.status).toBe(404);
      expect(gunzipSync(missing.body).toString()).toContain('Not found');
    });
  });

  it('serves under the base path only', async () => {
    await withServer({ dir, base: '/docs/hyperv/' }, async (origin) => {
      expect((await fetchRaw(`${origin}/docs/hyperv/a/`)).status).toBe(200);
      expect((await fetchRaw(`${origin}/a/`)).status).toBe(404);
    });
  });

  it('says what to do when there is no build', () => {
    expect(() => createSiteServer({ dir: join(dir, 'a') })).toThrow(/npm run build/);
  });
});
