import { getCollection } from 'astro:content';
import { langOf, type LocalizedDoc } from './docs';

/** Languages that have their own text of a page (the original counts). */
export async function translationsOf(doc: LocalizedDoc): Promise<string[]> {
  const all = await getCollection('docs');
  return [...new Set(all.filter((e) => e.data.translationKey === doc.entry.data.translationKey && !e.data.draft).map(langOf))];
}
