import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './config/paths';
import { articleSchema, bibliographySchema, glossarySchema } from './lib/schemas';

/** Articles: `content/<lang>/<slug>.mdx`; the folder is the URL. */
const docs = defineCollection({
  // deferRender: a rendering error then fails the build every time instead of leaving an empty page.
  loader: glob({ base: contentDir, pattern: '{en,ja}/**/*.mdx', deferRender: true }),
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
