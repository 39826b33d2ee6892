import { en, type UiKey, type UiStrings } from './en';
import { ja } from './ja';

const strings: Record<string, UiStrings> = { en, ja };

/** Locale codes the site is built in; the first is the default (served at the root). */
export const localeCodes = Object.keys(strings);
export const defaultLocale = 'en';

/** Returns the translator for a locale: `t('toc.title')`, with `{name}` placeholders filled. */
export function useTranslations(lang: string) {
  const table = strings[lang] ?? en;
  return (key: UiKey, vars: Record<string, string | number> = {}): string =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
