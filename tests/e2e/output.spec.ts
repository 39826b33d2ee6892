import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { walkFiles } from '../../src/lib/built-pages';
import { articlePaths, builtHtml } from './site';

// Static checks of the built output: HTML validity and size budgets (sizes and counts, never times).
const outDir = resolve(process.env.SITE_OUT_DIR ?? 'dist');
const files = (dir: string, ext: string): string[] => walkFiles(dir).filter((p) => p.endsWith(ext));

test('every built page is valid HTML (html-validate, recommended rules; see .htmlvalidate.json)', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: string[] = [];
  for (const file of files(outDir, '.html').filter((f) => !f.includes(`${outDir}/pagefind`))) {
    const report = await validator.validateFile(file);
    for (const r of report.results)
      for (const m of r.messages) problems.push(`${relative(outDir, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(problems.slice(0, 30)).toEqual([]);
});

/** The scripts an article page loads before any interaction, with their sizes. */
function initialScripts(html: string): { src: string; bytes: number }[] {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({
    src: 'inline',
    bytes: Buffer.byteLength(m[1]!),
  }));
  const external = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => {
    const src = m[1]!;
    const path = join(outDir, src.replace(/^\/[^_]*?(?=_astro\/)/, '/'));
    return { src, bytes: statSync(path).size };
  });
  // Module scripts import their chunks: count those too.
  const seen = new Set(external.map((e) => e.src));
  for (const e of [...external]) {
    const text = readFileSync(join(outDir, e.src.replace(/^\/[^_]*?(?=_astro\/)/, '/')), 'utf8');
    for (const m of text.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
      const chunk = `/_astro/${m[1] ?? m[2]}`;
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      external.push({ src: chunk, bytes: statSync(join(outDir, chunk)).size });
    }
  }
  return [...inline, ...external];
}

test('an article loads at most 12 KB of JavaScript before any interaction, and no framework', () => {
  for (const path of articlePaths()) {
    const scripts = initialScripts(builtHtml(path));
    const total = scripts.reduce((n, s) => n + s.bytes, 0);
    expect(total, `${path}: ${JSON.stringify(scripts)}`).toBeLessThanOrEqual(12 * 1024);
    for (const s of scripts.filter((x) => x.src !== 'inline')) {
      const text = readFileSync(join(outDir, s.src.replace(/^\/[^_]*?(?=_astro\/)/, '/')), 'utf8');
      expect(text, s.src).not.toMatch(/react|preact|vue|svelte|mermaid|pagefind\.js/i);
    }
  }
});

test('CSS stays within budget: 40 KB uncompressed in all, 14 KB compressed for the first screen', () => {
  // Budget: tokens, layout, components and prose for long technical reading come to ~25 KB; 40 KB
  // leaves room without allowing a CSS framework in.
  const css = files(join(outDir, '_astro'), '.css');
  const total = css.reduce((n, f) => n + statSync(f).size, 0);
  expect(total).toBeLessThanOrEqual(40 * 1024);
  for (const path of articlePaths().slice(0, 3)) {
    const html = builtHtml(path);
    const head = html.slice(0, html.indexOf('<main'));
    const linked = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
      readFileSync(join(outDir, m[1]!.replace(/^\/[^_]*?(?=_astro\/)/, '/')), 'utf8'),
    );
    const firstScreen = gzipSync(head + linked.join('')).length;
    expect(firstScreen, path).toBeLessThanOrEqual(14 * 1024);
  }
});
