import { resolve } from 'node:path';

/**
 * Folder of the site's content. SITE_CONTENT_DIR points a build at another tree (the fixture
 * builds of the test suite use it); everything that reads content goes through this value.
 */
export const contentDir = resolve(process.env.SITE_CONTENT_DIR ?? 'content');

/** Output and cache folders; SITE_OUT_DIR and SITE_CACHE_DIR let fixture builds run side by side. */
export const buildPaths = {
  outDir: resolve(process.env.SITE_OUT_DIR ?? 'dist'),
  cacheDir: resolve(process.env.SITE_CACHE_DIR ?? 'node_modules/.astro'),
};
