import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPaths, contentDir } from '../config/paths';
import { site } from '../config/site';
import { BuildMemo } from '../lib/build-memo';
import { recordPhase } from '../lib/build-phases';
import { timeSlicer } from '../lib/event-loop';
import { builtFiles, pageTree, walkFiles, type BuiltPage } from '../lib/built-pages';
import { factsKey, factsOf, PAGE_FACTS_MEMO, type PageFacts } from '../lib/page-facts';
import { findBrokenLinks, lineOfLink, type PageLinks } from '../lib/link-check';
import { resolvePage, type PermalinkPage } from '../lib/permalinks';
import { checkPermalinks, manifestMode, manifestPath } from '../lib/permalinks-check';
import { findDeclaration } from '../lib/redirects';

type Source = { file: string; text: string };

/** Where in the content a broken link was written: `file:line`, or the built page when not found. */
function locate(href: string, page: string, base: string, sources: Source[]): string {
  for (const s of sources) {
    const line = lineOfLink(s.text, href, base);
    if (line !== undefined) return `${s.file}:${line}`;
  }
  return `(built page ${page})`;
}

/** Redirect pages whose target is not a page in the build (a loop or a missing page), at their frontmatter line. */
function brokenRedirects(pages: Map<string, PermalinkPage>, sources: () => Source[]): string[] {
  return [...pages.values()]
    .filter((p) => p.kind === 'redirect' && !resolvePage(pages, p.path))
    .map(
      (p) =>
        `  ${findDeclaration(sources(), p.path) ?? `(built page ${p.path})`}: redirect \`${p.path}\` → \`${p.redirect}\` does not end on a page ` +
        '(a redirect loop or a missing page): point `redirectFrom` at a page that is built',
    );
}

/**
 * After the build: reads every built page once and checks (1) each same-site link and anchor,
 * (2) that every redirect page leads to a page, and (3) the permalink contract: every URL and anchor
 * in the manifest still exists (README, "Permalinks"). Any failure fails the build and removes the
 * output, so no half-checked site is left behind.
 */
export function postBuildChecks(options: { origin: string; base: string }): AstroIntegration {
  return {
    name: 'post-build-checks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const out = fileURLToPath(dir);
        const pages = new Map<string, PageLinks>();
        const permalinkPages = new Map<string, PermalinkPage>();
        // An unchanged page is not parsed again: its links and ids come from the last build's memo,
        // and most others were read while the pages were written (src/integrations/page-prep.ts).
        const memo = new BuildMemo<PageFacts>(PAGE_FACTS_MEMO, join(buildPaths.cacheDir, 'memo'));
        // Yields now and then, so the preview images rendering beside this loop keep getting commands.
        const slice = timeSlicer();
        for (const file of builtFiles(out)) {
          await slice();
          const local = file.path;
          const path = options.base + local.slice(1);
          if (file.html !== undefined) {
            const page = file as BuiltPage;
            const facts = memo.through(factsKey(options.base, local, page.html), () => factsOf(pageTree(page), local, options.base));
            pages.set(path, { ...facts.links, path, ids: new Set(facts.links.ids) });
            permalinkPages.set(local, { ...facts.permalink, path: local, ids: new Set(facts.permalink.ids) });
          } else pages.set(path, { path, ids: new Set(), links: [] });
        }
        memo.save();
        let cached: Source[] | undefined;
        const sources = () =>
          (cached ??= walkFiles(contentDir)
            .filter((f) => /\.(mdx?|ya?ml)$/.test(f))
            .map((f) => ({ file: relative(process.cwd(), f), text: readFileSync(f, 'utf8') })));

        const broken = findBrokenLinks(pages, options.origin, options.base);
        const linkErrors = [...new Map(broken.map((b) => [`${b.href}|${b.reason}`, b])).values()].map(
          (b) => `  ${locate(b.href, b.page, options.base, sources())}: broken link \`${b.href}\`: ${b.reason}`,
        );
        const redirectErrors = brokenRedirects(permalinkPages, sources);
        const permalinks = checkPermalinks(permalinkPages, {
          file: manifestPath(contentDir),
          contentDir,
          langs: site.locales.map((l) => l.code),
          mode: manifestMode(),
        });
        const problems = [...linkErrors, ...redirectErrors, ...permalinks.errors.map((e) => `  ${e}`)];
        recordPhase('link and permalink check', performance.now() - t0);
        if (problems.length === 0) {
          const links = [...pages.values()].reduce((n, p) => n + p.links.length, 0);
          logger.info(
            `links: ${links} checked on ${pages.size} files, none broken (${memo.hits} unchanged pages not parsed again, ${memo.preparedHits} read while written)`,
          );
          for (const note of permalinks.notes) logger.info(note);
          return;
        }
        for (const note of permalinks.notes) logger.warn(note);
        rmSync(out, { recursive: true, force: true });
        const counts = [
          broken.length > 0 && `${broken.length} broken link(s)`,
          redirectErrors.length > 0 && `${redirectErrors.length} broken redirect(s)`,
          permalinks.errors.length > 0 && `${permalinks.errors.length} lost permalink(s)`,
        ].filter(Boolean);
        throw new Error(`${counts.join(', ')}; the output was removed:\n${problems.join('\n')}`);
      },
    },
  };
}
