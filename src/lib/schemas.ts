import { z } from 'astro/zod';

/** Site sections, in sidebar order. */
export const sections = ['concepts', 'comparisons', 'kernel', 'reference'] as const;
export type Section = (typeof sections)[number];

const isoDate = z.coerce.date();
const kernelTag = z.string().regex(/^v\d+\.\d+(-rc\d+)?$/, 'a kernel tag such as `v6.15`');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens');

/** Frontmatter of an article. */
export const articleSchema = z.strictObject({
  /** Page title, sentence case. */
  title: z.string().min(3).max(90),
  /** One sentence for search results and link previews. */
  description: z.string().min(20).max(200),
  /** 3–5 sentences rendered as the lead; plain text. */
  summary: z.string().min(80),
  /** Sidebar group. */
  section: z.enum(sections, { error: `section must be one of: ${sections.join(', ')}` }),
  /** Position inside the section (10, 20, 30…). */
  order: z.number().int().nonnegative(),
  /** What the article was checked against. */
  verified: z.strictObject({
    /** Date the sources were last checked. */
    date: isoDate,
    /** Kernel tag the code statements hold for. */
    kernel: kernelTag.optional(),
    /** Specification or documentation revision. */
    spec: z.string().optional(),
  }),
  /** Same value in every language: links a translation to its English original. */
  translationKey: id,
  /** Former URLs of this page (without base path or language prefix), kept as redirects. */
  redirectFrom: z.array(z.string().regex(/^\/([a-z0-9-]+\/)+$/, 'a path such as `/old-slug/`')).default([]),
  /** Drafts are built in dev only. */
  draft: z.boolean().default(false),
});

/** A glossary term (file name = id). */
export const glossarySchema = z.strictObject({
  /** Display name. */
  term: z.string().min(1),
  /** Other names readers use; they link and search like the term itself. */
  aliases: z.array(z.string().min(2)).default([]),
  /** One plain-text sentence shown in place. */
  short: z.string().min(10).max(240),
  /** Longer explanation (Markdown). */
  long: z.string().min(10),
  /** Grouping for the glossary page. */
  category: z.enum(['partitions', 'cpu', 'hypercalls', 'vmbus', 'kernel', 'vmm', 'xen', 'kvm', 'security', 'azure']),
  /** Related term ids. */
  related: z.array(id).default([]),
  /** Bibliography ids (at least one). */
  sources: z.array(id).min(1),
  /** The article that explains the term best. */
  see: z
    .string()
    .regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/)
    .optional(),
  /** Japanese term and definition. */
  ja: z.strictObject({ term: z.string(), short: z.string().optional(), long: z.string().optional() }).optional(),
});

/** Kinds of sources, most primary first. */
export const sourceKinds = ['kernel-source', 'mailing-list', 'specification', 'documentation', 'source-code', 'press'] as const;

/** A bibliography entry (file name = citation id). */
export const bibliographySchema = z.strictObject({
  title: z.string().min(3),
  /** Person(s) or organisation. */
  author: z.string().min(2),
  /** Publication date: YYYY-MM-DD or YYYY-MM. */
  date: z
    .union([z.date(), z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/)])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
  /** URL pinned to a version. */
  url: z.url({ protocol: /^https$/ }),
  kind: z.enum(sourceKinds),
  /** What the URL is pinned to: tag, message-id, revision, commit or date read. */
  version: z.string().min(2),
  note: z.string().optional(),
});

export type Article = z.infer<typeof articleSchema>;
export type GlossaryTerm = z.infer<typeof glossarySchema>;
export type BibEntry = z.infer<typeof bibliographySchema>;
