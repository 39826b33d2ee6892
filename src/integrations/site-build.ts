import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { onBundlerWarning } from '../lib/build-warnings';
import { contentDir } from '../config/paths';
import { forgetBuiltFiles, walkFiles } from '../lib/built-pages';
import { mermaidFences } from '../lib/mermaid-fences';
import { diagramId } from '../plugins/mermaid';
import { closeRenderer, isCached, prewarmRenderer, stats } from './mermaid/renderer';

/** True when some diagram in the content is not in the diagram cache, so the build will render. */
export function diagramsToRender(dir: string): boolean {
  return walkFiles(dir)
    .filter((file) => /\.mdx?$/.test(file))
    .some((file) => mermaidFences(readFileSync(file, 'utf8')).some((code, n) => !isCached(code, diagramId(code, n + 1))));
}

/**
 * Starts the diagram browser as a build is set up when it has diagrams to render, closes it when
 * the build or dev server ends, reports diagram work, and keeps the bundler from repeating a
 * warning about Astro's own code once per article.
 */
export function siteBuild(): AstroIntegration {
  return {
    name: 'site-build',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { build: { rolldownOptions: { onwarn: onBundlerWarning } } } });
        // Start Chromium and Mermaid while Astro syncs and compiles the content, not at the first diagram.
        if (command === 'build' && diagramsToRender(contentDir)) prewarmRenderer();
      },
      // The post-build integrations share one read of the output (src/lib/built-pages.ts).
      'astro:build:start': () => forgetBuiltFiles(),
      'astro:build:done': async ({ logger }) => {
        await closeRenderer();
        // The benchmark reads the build's own measurements from here.
        if (process.env.SITE_STATS_FILE) {
          writeFileSync(
            process.env.SITE_STATS_FILE,
            JSON.stringify({ diagrams: stats, maxRssKiB: process.resourceUsage().maxRSS }, null, 2),
          );
        }
        logger.info(`diagrams: ${stats.rendered} rendered, ${stats.cacheHits} from cache, ${stats.browserStarts} browser start(s)`);
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
    },
  };
}
