import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { onBundlerWarning } from '../lib/build-warnings';
import { contentDir } from '../config/paths';
import { buildStarted, phaseTimes, recordPhase, sinceStart } from '../lib/build-phases';
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
 * Two integrations around the build. `start` (first) starts the diagram browser as a build is set
 * up when it has diagrams to render, closes it when the Astro build or dev server ends, reports
 * diagram work, keeps the bundler from repeating a warning about Astro's own code once per article,
 * and times the setup, compile and page-writing phases. `report` (last) logs the phases and, for
 * the benchmark, writes the build's own measurements to SITE_STATS_FILE.
 */
export function siteBuild(): { start: AstroIntegration; report: AstroIntegration } {
  let compiled = 0;
  const start: AstroIntegration = {
    name: 'site-build',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        buildStarted();
        updateConfig({
          vite: {
            build: { rolldownOptions: { onwarn: onBundlerWarning } },
            plugins: [
              {
                name: 'build-phases',
                applyToEnvironment: (environment) => environment.name === 'prerender',
                buildEnd: () => {
                  compiled = sinceStart();
                },
              },
            ],
          },
        });
        // Start Chromium and Mermaid while Astro syncs and compiles the content, not at the first diagram.
        if (command === 'build' && diagramsToRender(contentDir)) prewarmRenderer();
      },
      'astro:build:start': () => {
        recordPhase('setup and content sync', sinceStart());
        compiled = 0;
        // The post-build integrations share one read of the output (src/lib/built-pages.ts).
        forgetBuiltFiles();
      },
      'astro:build:done': async ({ logger }) => {
        await closeRenderer();
        const setup = phaseTimes()['setup and content sync'] ?? 0;
        recordPhase('compile content (MDX, diagrams)', compiled - setup);
        recordPhase('write pages', sinceStart() - compiled);
        logger.info(`diagrams: ${stats.rendered} rendered, ${stats.cacheHits} from cache, ${stats.browserStarts} browser start(s)`);
      },
      'astro:server:done': async () => {
        await closeRenderer();
      },
    },
  };
  const report: AstroIntegration = {
    name: 'build-report',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const phases = phaseTimes();
        logger.info(
          `phases: ${Object.entries(phases)
            .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
            .join(', ')}`,
        );
        if (process.env.SITE_STATS_FILE) {
          writeFileSync(
            process.env.SITE_STATS_FILE,
            JSON.stringify(
              { diagrams: stats, phases, totalMs: Math.round(sinceStart()), maxRssKiB: process.resourceUsage().maxRSS },
              null,
              2,
            ),
          );
        }
      },
    },
  };
  return { start, report };
}
