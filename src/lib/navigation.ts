import { sections, type Section } from './schemas';

/** What the navigation needs to know about a page. */
export interface NavItem {
  slug: string;
  title: string;
  section: Section;
  order: number;
}

/** A sidebar group: one section with its pages in order. */
export interface NavGroup {
  section: Section;
  items: NavItem[];
}

/** Groups pages by section (in the site's section order) and sorts each by `order`, then title. */
export function groupBySection(items: NavItem[]): NavGroup[] {
  return sections
    .map((section) => ({
      section,
      items: items.filter((i) => i.section === section).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)),
    }))
    .filter((g) => g.items.length > 0);
}

/** The pages before and after `slug` in reading order (sidebar order). */
export function prevNext(groups: NavGroup[], slug: string): { prev: NavItem | undefined; next: NavItem | undefined } {
  const flat = groups.flatMap((g) => g.items);
  const i = flat.findIndex((x) => x.slug === slug);
  if (i < 0) return { prev: undefined, next: undefined };
  return { prev: flat[i - 1], next: flat[i + 1] };
}
