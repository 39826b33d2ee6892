import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../config/paths';
import { findBrokenLinks, lineOfLink, readPage, type PageLinks } from '../lib/link-check';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Where in the content a broken link was written: `file:line`, or the built page when not found. */
function locate(href: string, page: string, base: string, sources: { file: string; text: string }[]): string {
  for (const s of sources) {
    const line = lineOfLink(s.text, href, base);
    if (line !== undefined) return `${s.file}:${line}`;
  }
  return `(built page ${page})`;
}

/**
 * After the build: reads every built page and checks each same-site link and anchor. Any failure
 * fails the build and removes the output, so no half-checked site is left behind.
 */
export function postBuildChecks(options: { origin: string; base: string }): AstroIntegration {
  return {
    name: 'post-build-checks',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = new Map<string, PageLinks>();
        for (const file of walk(out)) {
          const rel = relative(out, file).split(sep).join('/');
          const path = options.base + rel.replace(/(^|\/)index\.html$/, '$1');
          if (file.endsWith('.html')) pages.set(path, readPage(file, path));
          else pages.set(path, { path, ids: new Set(), links: [] });
        }
        const broken = findBrokenLinks(pages, options.origin, options.base);
        if (broken.length === 0) {
          logger.info(`links: ${[...pages.values()].reduce((n, p) => n + p.links.length, 0)} checked on ${pages.size} files, none broken`);
          return;
        }
        const sources = walk(contentDir)
          .filter((f) => /\.(mdx?|ya?ml)$/.test(f))
          .map((f) => ({ file: relative(process.cwd(), f), text: readFileSync(f, 'utf8') }));
        const lines = [...new Map(broken.map((b) => [`${b.href}|${b.reason}`, b])).values()].map(
          (b) => `  ${locate(b.href, b.page, options.base, sources)}: broken link \`${b.href}\`: ${b.reason}`,
        );
        rmSync(out, { recursive: true, force: true });
        throw new Error(`${broken.length} broken link(s); the output was removed:\n${lines.join('\n')}`);
      },
    },
  };
}
