import { join, relative } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { contentDir } from './config/paths';
import { articleId, findDuplicateArticles, listArticleFiles } from './lib/article-files';
import { articleSchema, bibliographySchema, glossarySchema } from './lib/schemas';

/**
 * The articles' glob loader, which first fails when two files would be the same page (Astro would
 * only warn and publish one of them). The check lists the folder itself on every load, so the
 * content cache cannot hide it.
 */
function articles(langs: readonly string[]): Loader {
  const loader = glob({
    base: contentDir,
    pattern: `{${langs.join(',')}}/**/*.mdx`,
    // deferRender: a rendering error then fails the build every time instead of leaving an empty page.
    deferRender: true,
    generateId: ({ entry }) => articleId(entry),
  });
  return {
    ...loader,
    load: async (context) => {
      const show = (entry: string) => relative(process.cwd(), join(contentDir, entry));
      const duplicates = findDuplicateArticles(listArticleFiles(contentDir, langs), show);
      if (duplicates.length > 0) throw new Error(`${duplicates.length} duplicate page(s):\n  ${duplicates.join('\n  ')}`);
      await loader.load(context);
    },
  };
}

/** Articles: `content/<lang>/<slug>.mdx`; the folder is the URL. */
const docs = defineCollection({
  loader: articles(['en', 'ja']),
  schema: articleSchema,
});

/** Glossary terms: one YAML file per term, the file name is the stable id (`/glossary/#<id>`). */
const glossary = defineCollection({
  loader: glob({ base: `${contentDir}/glossary`, pattern: '*.yaml' }),
  schema: glossarySchema,
});

/** Bibliography: one YAML file per source, the file name is the citation id (`[@<id>]`). */
const bibliography = defineCollection({
  loader: glob({ base: `${contentDir}/bibliography`, pattern: '*.yaml' }),
  schema: bibliographySchema,
});

export const collections = { docs, glossary, bibliography };
