import { z } from 'astro/zod';

/** Settings of the whole site, validated once; values come from the environment where hosting differs. */
const siteSchema = z.object({
  /** Site name shown in the header and in titles. */
  title: z.string().min(1),
  /** Absolute origin the site is published at (canonical URLs, sitemap, link previews). */
  url: z.url(),
  /** Path prefix the site is hosted under: `/` or e.g. `/docs/hyperv/` (leading and trailing slash). */
  base: z.string().regex(/^\/([a-z0-9._-]+\/)*$/, 'base must look like `/` or `/docs/hyperv/`'),
  /** Repository web URL used for "edit this page" links. */
  repoUrl: z.url(),
  /** Branch that "edit this page" links point at. */
  repoBranch: z.string().min(1),
  /** Locales: the first is the default and lives at the root; the others under `/<code>/`. */
  locales: z.array(z.object({ code: z.string().regex(/^[a-z]{2}$/), label: z.string() })).min(1),
  /** Where `kernel:` links point: `{tag}`, `{path}` and `{line}` are filled in. */
  kernelSource: z.object({
    file: z.string().includes('{tag}').includes('{path}'),
    line: z.string().includes('{line}'),
  }),
  /** Value of CSP `frame-ancestors` in the shipped headers. */
  frameAncestors: z.string().min(1),
});

export type SiteConfig = z.infer<typeof siteSchema>;

/** Normalises a base path given without slashes (`docs/hyperv`) to `/docs/hyperv/`. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Validates raw settings and explains what is wrong, field by field. */
export function parseSiteConfig(raw: unknown): SiteConfig {
  const result = siteSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid site configuration (src/config/site.ts):\n${lines.join('\n')}`);
  }
  return result.data;
}

const env = typeof process === 'undefined' ? {} : process.env;

/** The site's settings. SITE_URL and SITE_BASE override the defaults for a given deployment. */
export const site: SiteConfig = parseSiteConfig({
  title: 'Linux as the Hyper-V root',
  url: env.SITE_URL ?? 'https://hyperv-linux-root.example.org',
  base: normaliseBase(env.SITE_BASE),
  repoUrl: env.SITE_REPO_URL ?? 'https://git.example.org/docs/linux-root-hyperv',
  repoBranch: 'main',
  locales: [
    { code: 'en', label: 'English' },
    { code: 'ja', label: '日本語' },
  ],
  kernelSource: {
    file: 'https://elixir.bootlin.com/linux/{tag}/source/{path}',
    line: '#L{line}',
  },
  frameAncestors: env.SITE_FRAME_ANCESTORS ?? "'none'",
});
