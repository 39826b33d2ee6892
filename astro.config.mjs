// Thin wiring: every behaviour lives in src/ (see README, "Repository layout").
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/config/site.ts';
import { mdastPlugins } from './src/plugins/index.ts';
import { codeMetaTransformer } from './src/lib/shiki-meta.ts';
import { siteBuild } from './src/integrations/site-build.ts';
import { postBuildChecks } from './src/integrations/post-build-checks.ts';
import { buildPaths, contentDir } from './src/config/paths.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { translationIds } from './src/integrations/translation-ids.ts';
import { pagePrep } from './src/integrations/page-prep.ts';

// Preview images render in the background while the link check and the search index run.
const previewImages = ogImages({ site: site.url, base: site.base });
// First and last: the diagram browser, the build's phases and its report.
const build = siteBuild();

export default defineConfig({
  site: site.url,
  outDir: buildPaths.outDir,
  cacheDir: buildPaths.cacheDir,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: site.locales.map((l) => l.code),
    defaultLocale: site.locales[0].code,
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    processor: satteri({
      mdastPlugins: mdastPlugins(),
      features: { headingAttributes: true, gfm: true, smartPunctuation: false },
    }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      transformers: [codeMetaTransformer()],
    },
  },
  integrations: [
    mdx(),
    build.start,
    translationIds({ langs: site.locales.map((l) => l.code) }),
    // Reads each page while it is written (a worker on the second core) for the readers after it.
    pagePrep({ site: site.url, base: site.base, contentDir }),
    previewImages.render,
    postBuildChecks({ origin: new URL(site.url).origin, base: site.base }),
    pagefindIndex({ base: site.base, contentDir }),
    previewImages.write,
    // After every integration that changes pages: it hashes their inline scripts into the CSP.
    securityHeadersIntegration({ base: site.base, frameAncestors: site.frameAncestors }),
    build.report,
  ],
  devToolbar: { enabled: false },
});
