import { createHash } from 'node:crypto';

/** sha256 sources (`'sha256-…'`) of every inline `<script>` in a page, in order of appearance. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(ld\+)?json"/.test(m[0].slice(0, m[0].indexOf('>')))) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

/**
 * The site's Content-Security-Policy. Scripts: same origin plus the hashes of the few inline ones
 * (the theme script that must run before first paint); 'wasm-unsafe-eval' lets the search index's
 * WebAssembly run. Styles allow inline values: diagrams carry their own <style> and attributes.
 */
export function contentSecurityPolicy(scriptHashes: Iterable<string>, frameAncestors: string): string {
  const hashes = [...new Set(scriptHashes)].sort();
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Security headers for every response, as name → value. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Caching for the build's hashed assets (`/_astro/*`): their names change when their content does. */
export const immutableAssets = { 'Cache-Control': 'public, max-age=31536000, immutable' };

const block = (path: string, headers: Record<string, string>) =>
  `${path}\n${Object.entries(headers)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\n`;

/**
 * The headers as a `_headers` file (Netlify, Cloudflare Pages): the security headers for every path
 * under the base, and long-lived caching for the hashed assets (hosts apply every matching block).
 */
export function headersFile(base: string, headers: Record<string, string>): string {
  return block(`${base}*`, headers) + block(`${base}_astro/*`, immutableAssets);
}

/**
 * The same headers as nginx `add_header` lines, to include in a server or location block. (nginx
 * drops inherited `add_header`s in a block that has its own, so the README's `_astro/` location
 * includes this file again next to its `Cache-Control`.)
 */
export function nginxHeaders(headers: Record<string, string>): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `add_header ${k} "${v}" always;`)
    .join('\n')}\n`;
}
