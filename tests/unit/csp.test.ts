import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, inlineScriptHashes, nginxHeaders, securityHeaders } from '../../src/lib/csp';
import { foreignAssets } from '../../src/integrations/security-headers';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('content security policy', () => {
  it('hashes inline scripts only', () => {
    const html =
      '<script>a()</script><script type="module" src="/x.js"></script><script type="application/ld+json">{}</script><script is:x>b()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });
  it('builds a strict policy with the hashes and the frame-ancestors setting', () => {
    const csp = contentSecurityPolicy([sha('b'), sha('a'), sha('a')], "'none'");
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${[sha('a'), sha('b')].sort().join(' ')}`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline'; script");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
  it('writes the headers for static hosts and for nginx', () => {
    const h = securityHeaders("default-src 'self'");
    expect(headersFile('/docs/', h)).toBe(
      "/docs/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n  Cross-Origin-Opener-Policy: same-origin\n" +
        '/docs/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n',
    );
    expect(nginxHeaders(h)).toContain(`add_header Content-Security-Policy "default-src 'self'" always;`);
  });
  it('finds assets from other origins', () => {
    const html =
      '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//fonts.example/a.css"><img src="/ok.png"><a href="https://lore.kernel.org/">ok</a>';
    expect(foreignAssets(html)).toEqual(['https://cdn.example/x.js', '//fonts.example/a.css']);
  });
});
