import { site } from '../config/site';
import { defaultLocale } from '../i18n';

/** Prefixes a root-relative path (`/overview/`) with the site's base path. */
export function withBase(path: string, base = site.base): string {
  if (!path.startsWith('/')) throw new Error(`withBase expects a root-relative path, got \`${path}\``);
  return base === '/' ? path : base.replace(/\/$/, '') + path;
}

/** Root-relative path of a page in a language (without the base path). */
export function localePath(lang: string, slug = ''): string {
  const prefix = lang === defaultLocale ? '' : `/${lang}`;
  return slug === '' ? `${prefix}/` : `${prefix}/${slug}/`;
}

/** Absolute URL of a root-relative path, base path included. */
export function absoluteUrl(path: string): string {
  return new URL(withBase(path), site.url).href;
}

/** Splits a current pathname (base path included) into language and slug. */
export function parsePath(pathname: string, base = site.base): { lang: string; slug: string } {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const parts = rest.split('/').filter(Boolean);
  if (parts[0] && parts[0] !== defaultLocale && /^[a-z]{2}$/.test(parts[0])) {
    return { lang: parts[0], slug: parts.slice(1).join('/') };
  }
  return { lang: defaultLocale, slug: parts.join('/') };
}
