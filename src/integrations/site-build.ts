import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { onBundlerWarning } from '../lib/build-warnings';
import { forgetBuiltFiles } from '../lib/built-pages';
import { closeRenderer, stats } from './mermaid/renderer';

/**
 * Closes the diagram browser when a build or dev server ends, reports diagram work, and keeps the
 * bundler from repeating a warning about Astro's own code once per article.
 */
export function siteBuild(): AstroIntegration {
  return {
    name: 'site-build',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { rolldownOptions: { onwarn: onBundlerWarning } } } });
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
