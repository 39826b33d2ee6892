import { join } from 'node:path';

/**
 * The content file that defines a page or anchor, for error messages: an article
 * (`content/<lang>/<slug>.mdx`, or the English original a translation falls back to), a glossary
 * term or a bibliography entry. `undefined` for pages made by the layout alone (home).
 */
export function sourceOf(
  link: { path: string; anchor?: string | undefined },
  contentDir: string,
  exists: (file: string) => boolean,
  langs: string[] = ['en', 'ja'],
): string | undefined {
  const defaultLang = langs[0]!;
  const parts = link.path.split('/').filter(Boolean);
  const lang = parts[0] !== undefined && parts[0] !== defaultLang && langs.includes(parts[0]) ? parts.shift()! : defaultLang;
  const slug = parts.join('/');
  if (slug === '') return undefined;
  const anchor = link.anchor ?? '';
  if (slug === 'glossary') return anchor ? join(contentDir, 'glossary', `${anchor}.yaml`) : undefined;
  if (slug === 'references') return anchor ? join(contentDir, 'bibliography', `${anchor}.yaml`) : undefined;
  if (slug === 'a-z') return undefined;
  const own = join(contentDir, lang, `${slug}.mdx`);
  const original = join(contentDir, defaultLang, `${slug}.mdx`);
  if (exists(own)) return own;
  if (exists(original)) return original;
  return `${own} (deleted or renamed)`;
}
