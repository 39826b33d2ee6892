/** An article's declaration of its former URLs (frontmatter `redirectFrom`). */
export interface RedirectDeclaration {
  /** Content file, relative to the project, for messages. */
  file: string;
  /** The file's text, to find the line of each former URL. */
  text: string;
  /** Slug of the article (its current URL without language prefix). */
  slug: string;
  /** Drafts are not built: a redirect to one leads nowhere. */
  draft: boolean;
  /** Former paths without base path or language prefix, e.g. `/old-name/`. */
  redirectFrom: string[];
}

/** A redirect in one language: root-relative paths without the base path. */
export interface Redirect {
  from: string;
  to: string;
  /** Slug of the target page. */
  slug: string;
  lang: string;
  /** Where it was declared: `content/en/new.mdx:14`. */
  declaredAt: string;
}

/** Line (1-based) of a former URL in a file's frontmatter; the `redirectFrom:` line when not found. */
export function lineOfRedirect(text: string, from: string): number {
  const all = text.split('\n');
  // Only the frontmatter: the body may mention the same path.
  const end = all.indexOf('---', 1);
  const lines = end > 0 ? all.slice(0, end) : all;
  const key = lines.findIndex((l) => /^redirectFrom\s*:/.test(l));
  const quoted = new RegExp(`(^|[\\s'"\\[,-])${from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=$|[\\s'",\\]])`);
  const at = lines.findIndex((l, i) => i >= Math.max(key, 0) && quoted.test(l));
  return (at >= 0 ? at : Math.max(key, 0)) + 1;
}

const slugPath = (slug: string) => (slug === '' ? '/' : `/${slug}/`);

/**
 * Plans the redirects of moved pages in every language and reports what cannot work: a former URL
 * that is still a page (or loops back), a redirect to a page that is not built (a draft), and one
 * former URL claimed by two pages. `pages` are the built slugs ('' for home). Errors carry the
 * frontmatter's file:line.
 */
export function planRedirects(
  declarations: RedirectDeclaration[],
  pages: Set<string>,
  langs: string[],
  localePath: (lang: string, slug: string) => string,
): { redirects: Redirect[]; errors: string[] } {
  const errors: string[] = [];
  const claimed = new Map<string, { slug: string; at: string }>();
  const bySlug = new Map(declarations.map((d) => [d.slug, d]));
  const valid: { fromSlug: string; slug: string; at: string }[] = [];
  for (const d of declarations) {
    for (const from of d.redirectFrom) {
      const at = `${d.file}:${lineOfRedirect(d.text, from)}`;
      const fromSlug = from.replace(/^\/|\/$/g, '');
      const other = bySlug.get(fromSlug);
      if (fromSlug === d.slug) {
        errors.push(`${at}: redirect loop: \`${from}\` redirects to itself. Remove it from \`redirectFrom\`.`);
      } else if (other?.redirectFrom.includes(slugPath(d.slug))) {
        errors.push(
          `${at}: redirect loop: \`${from}\` → \`${slugPath(d.slug)}\` → \`${from}\` (${other.file} declares the reverse). Keep the redirect only in the page that exists now.`,
        );
      } else if (pages.has(fromSlug) || other) {
        errors.push(
          `${at}: \`${from}\` is still a page${other ? ` (${other.file})` : ''}, so it cannot redirect to \`${slugPath(d.slug)}\`. Remove it from \`redirectFrom\`, or delete that page first.`,
        );
      } else if (d.draft || !pages.has(d.slug)) {
        errors.push(
          `${at}: redirect to a missing page: \`${from}\` would lead to \`${slugPath(d.slug)}\`, which is not built${d.draft ? ' (the page is a draft)' : ''}. Publish the page or remove the redirect.`,
        );
      } else if (claimed.has(fromSlug) && claimed.get(fromSlug)!.slug !== d.slug) {
        errors.push(
          `${at}: \`${from}\` is already redirected to \`${slugPath(claimed.get(fromSlug)!.slug)}\` by ${claimed.get(fromSlug)!.at}. Keep one.`,
        );
      } else if (!claimed.has(fromSlug)) {
        claimed.set(fromSlug, { slug: d.slug, at });
        valid.push({ fromSlug, slug: d.slug, at });
      }
    }
  }
  const redirects = langs.flatMap((lang) =>
    valid.map((v) => ({ from: localePath(lang, v.fromSlug), to: localePath(lang, v.slug), slug: v.slug, lang, declaredAt: v.at })),
  );
  return { redirects, errors };
}

/** Prefixes a root-relative path with the base path. */
const based = (path: string, base: string) => (base === '/' ? path : base.replace(/\/$/, '') + path);

/** `_redirects` for Netlify and Cloudflare Pages: one permanent redirect per line. */
export function netlifyRedirects(redirects: Redirect[], base: string): string {
  const head = [
    '# Moved pages, generated from `redirectFrom` in the content (README, "Permalinks").',
    '# Netlify and Cloudflare Pages read this file. The redirect pages beside it work on any host.',
  ];
  return [...head, ...redirects.map((r) => `${based(r.from, base)} ${based(r.to, base)} 301`)].join('\n') + '\n';
}

/** An nginx snippet with the same redirects; include it inside the `server { … }` block. */
export function nginxRedirects(redirects: Redirect[], base: string): string {
  const head = [
    '# Moved pages, generated from `redirectFrom` in the content (README, "Permalinks").',
    '# Include inside the server block: include /srv/hyperv-docs/dist/nginx-redirects.conf;',
  ];
  const lines = redirects.flatMap((r) => {
    const from = based(r.from, base);
    const to = `${based(r.to, base)}$is_args$args`;
    return [`location = ${from} { return 301 ${to}; }`, `location = ${from.replace(/\/$/, '')} { return 301 ${to}; }`];
  });
  return [...head, ...lines].join('\n') + '\n';
}

/** `file:line` of the frontmatter that declares a former URL (any language prefix removed), if any. */
export function findDeclaration(sources: { file: string; text: string }[], from: string): string | undefined {
  const bare = from.replace(/^\/[a-z]{2}\//, '/');
  for (const candidate of [from, bare]) {
    for (const s of sources) {
      const front = /^---\n([\s\S]*?)\n---/.exec(s.text)?.[1] ?? '';
      if (!/^redirectFrom\s*:/m.test(front) || !front.includes(candidate)) continue;
      return `${s.file}:${lineOfRedirect(s.text, candidate)}`;
    }
  }
  return undefined;
}
