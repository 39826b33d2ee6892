import { resolve } from 'node:path';

/**
 * Folder of the site's content. SITE_CONTENT_DIR points a build at another tree (the fixture
 * builds of the test suite use it); everything that reads content goes through this value.
 */
export const contentDir = resolve(process.env.SITE_CONTENT_DIR ?? 'content');
