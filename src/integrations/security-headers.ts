import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtPages } from '../lib/built-pages';
import { contentSecurityPolicy, headersFile, inlineScriptHashes, nginxHeaders, securityHeaders } from '../lib/csp';

/** Checks that no built page loads a script, style or font from another origin. */
export function foreignAssets(html: string): string[] {
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:stylesheet|preload|modulepreload|icon)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:stylesheet|preload|modulepreload|icon)"/g),
    ...html.matchAll(/<(?:img|iframe|source|video|audio)[^>]+src="([^"]+)"/g),
    ...html.matchAll(/url\((?:'|")?(https?:)?\/\/[^)]+\)/g),
  ].map((m) => m[1] ?? m[0]);
  return refs.filter((r) => /^(https?:)?\/\//.test(r) || r.startsWith('url('));
}

/**
 * After the build: hashes the inline scripts of every page into one Content-Security-Policy and
 * writes it, with the other security headers, as `_headers` and `nginx-security-headers.conf`.
 * A page that loads anything from another origin fails the build.
 */
export function securityHeadersIntegration(options: { base: string; frameAncestors: string }): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const hashes = new Set<string>();
        const foreign: string[] = [];
        for (const { file, html } of builtPages(out)) {
          inlineScriptHashes(html).forEach((h) => hashes.add(h));
          foreignAssets(html).forEach((r) => foreign.push(`${file.slice(out.length)}: ${r}`));
        }
        if (foreign.length > 0)
          throw new Error(`Pages load assets from another origin (the site must be self-contained):\n  ${foreign.join('\n  ')}`);
        const headers = securityHeaders(contentSecurityPolicy(hashes, options.frameAncestors));
        writeFileSync(join(out, '_headers'), headersFile(options.base, headers));
        writeFileSync(join(out, 'nginx-security-headers.conf'), nginxHeaders(headers));
        logger.info(`security headers: CSP with ${hashes.size} inline-script hash(es) written to _headers and nginx-security-headers.conf`);
      },
    },
  };
}
