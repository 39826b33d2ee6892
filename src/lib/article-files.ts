import { existsSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { slug } from 'github-slugger';
import { localePath } from './urls';

/**
 * The id of an article entry (`en/guide`) from its path below the content folder
 * (`en/guide.mdx`): each path segment slugged, a trailing `/index` dropped. This is Astro's glob
 * loader rule, kept here so the duplicate check and the loader share one definition.
 */
export function articleId(entry: string): string {
  const ext = posix.extname(entry);
  return entry
    .slice(0, entry.length - ext.length)
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/**
 * Files that would be the same page: one message per extra file, naming the first one. Astro only
 * warns about them and publishes one of the two (a different one from build to build), or says
 * nothing when the contents are equal. `.md` files count: only `.mdx` files are built, so a `.md`
 * beside its `.mdx` is text that silently never appears.
 */
export function findDuplicateArticles(entries: string[], show: (entry: string) => string = (e) => e): string[] {
  const groups = new Map<string, string[]>();
  for (const entry of [...entries].sort()) {
    const id = articleId(entry);
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  return [...groups].flatMap(([id, [first = '', ...others]]) => {
    const [lang = '', ...rest] = id.split('/');
    const url = localePath(lang, rest.join('/'));
    return others.map((other) => {
      const md = [first, other].some((e) => e.endsWith('.md')) ? '; articles are `.mdx` files, a `.md` file is never built' : '';
      return `${show(other)}:1: same page \`${url}\` as ${show(first)}: rename or remove one of them (the file name is the URL${md})`;
    });
  });
}

/** `.md` and `.mdx` files below `<contentDir>/<lang>/`, as `<lang>/<path>` with `/` separators. */
export function listArticleFiles(contentDir: string, langs: readonly string[]): string[] {
  return langs.flatMap((lang) => {
    const dir = join(contentDir, lang);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => `${lang}/${f.split('\\').join('/')}`)
      .filter((f) => /\.mdx?$/.test(f));
  });
}
