import type { AstroIntegration } from 'astro';
import { closeRenderer, stats } from './mermaid/renderer';

/** Closes the diagram browser when a build or dev server ends and reports diagram work. */
export function siteBuild(): AstroIntegration {
  return {
    name: 'site-build',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        await closeRenderer();
        logger.info(`diagrams: ${stats.rendered} rendered, ${stats.cacheHits} from cache, ${stats.browserStarts} browser start(s)`);
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
    },
  };
}
