import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { site } from '../config/site';
import { generatedPages, localizedDocs, slugOf } from './docs';
import { planRedirects, type Redirect } from './redirects';
import { localePath } from './urls';

/**
 * The redirects of the site, from `redirectFrom` in the articles' frontmatter, in every language.
 * Throws with every problem at its frontmatter line, which fails the build.
 */
export async function siteRedirects(): Promise<Redirect[]> {
  const entries = await getCollection('docs');
  const declarations = entries
    .filter((e) => e.data.redirectFrom.length > 0)
    .map((e) => {
      const abs = resolve(e.filePath ?? '');
      return {
        file: relative(process.cwd(), abs),
        text: readFileSync(abs, 'utf8'),
        slug: slugOf(e),
        draft: e.data.draft,
        redirectFrom: e.data.redirectFrom,
      };
    });
  const pages = new Set(['', 'a-z', ...(await localizedDocs('en')).map((d) => d.slug), ...generatedPages('en').map((p) => p.slug)]);
  const langs = site.locales.map((l) => l.code);
  const { redirects, errors } = planRedirects(declarations, pages, langs, localePath);
  if (errors.length > 0) throw new Error(`${errors.length} redirect problem(s):\n  ${errors.join('\n  ')}`);
  return redirects;
}
