import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLocale, useTranslations } from '../i18n';
import { groupBySection, type NavGroup, type NavItem } from './navigation';

export type DocEntry = CollectionEntry<'docs'>;

/** A page as a language shows it: its own translation, or the English text as a fallback. */
export interface LocalizedDoc {
  slug: string;
  lang: string;
  entry: DocEntry;
  /** True when `entry` is the English original shown in place of a missing translation. */
  fallback: boolean;
}

const showDrafts = import.meta.env.DEV;

/** Slug of an entry: its path below `content/<lang>/`. */
export function slugOf(entry: DocEntry): string {
  return entry.id.replace(/^[a-z]{2}\//, '');
}

/** Language of an entry, from its folder. */
export function langOf(entry: DocEntry): string {
  return entry.id.slice(0, 2);
}

/** Every page of a language, falling back to English where no translation exists. */
export async function localizedDocs(lang: string): Promise<LocalizedDoc[]> {
  const all = (await getCollection('docs')).filter((e) => showDrafts || !e.data.draft);
  const originals = all.filter((e) => langOf(e) === defaultLocale);
  const translated = new Map(all.filter((e) => langOf(e) === lang).map((e) => [e.data.translationKey, e]));
  return originals.map((orig) => {
    const own = translated.get(orig.data.translationKey);
    return { slug: slugOf(orig), lang, entry: own ?? orig, fallback: lang !== defaultLocale && !own };
  });
}

/** Generated reference pages that belong in the navigation beside the articles. */
export function generatedPages(lang: string): NavItem[] {
  const t = useTranslations(lang);
  return [
    { slug: 'glossary', title: t('page.glossary'), section: 'reference', order: 90 },
    { slug: 'references', title: t('page.references'), section: 'reference', order: 100 },
  ];
}

/** The sidebar of a language. */
export async function navigation(lang: string): Promise<NavGroup[]> {
  const docs = await localizedDocs(lang);
  const items: NavItem[] = docs.map((d) => ({
    slug: d.slug,
    title: d.entry.data.title,
    section: d.entry.data.section,
    order: d.entry.data.order,
  }));
  return groupBySection([...items, ...generatedPages(lang)]);
}
