// The search index's view of a built page. The integration (src/integrations/pagefind.ts) gives
// Pagefind a transformed copy of each page; the shipped HTML is left as it is. The copy:
//   - holds only the indexed body with the page's language and title (see indexDocument);
//   - leaves out chrome that is not content (breadcrumbs, page meta, screen-reader labels, citation
//     markers, the dark copy of each diagram, the generated reference list);
//   - carries the filters (`kind`, `section`) and the result group label as Pagefind attributes;
//   - adds identifier spellings after each identifier (search-variants.ts);
//   - adds glossary names and aliases, weighted, to the section that explains the term;
//   - splits the glossary page into one record per term, so a term is a result of its own.
// Extra words are wrapped in ⟦ ⟧ so that the results UI can strip them from excerpts.
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { parseHtml } from './built-pages';
import { SEGMENTED_LANGUAGES, VARIANT_CLOSE, VARIANT_OPEN, variantsForText } from './search-variants';

/** Selectors of page chrome inside the indexed body that is not content. */
export const IGNORED_CHROME = [
  '.breadcrumbs',
  '.page-meta',
  '.sr-only',
  '.callout-title',
  '.heading-anchor',
  'sup.cite',
  '.diagram-theme-dark',
  'h2#references',
  'ol.references',
];

/** Weights (Pagefind's scale: body text is 1, h1 is 7 automatically). */
export const WEIGHTS = { term: 10, aliases: 6, definition: 2, explanation: 0.5, synonyms: 3, home: 0.5 } as const;

/** Glossary data that drives synonyms: names of a term and the article that explains it. */
export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
  /** Root-relative path of the explaining article, optionally with `#section`. */
  see?: string | undefined;
}

/** Where a term's names are added in an article: a section id, or the page top when undefined. */
export interface SynonymPlacement {
  sectionId: string | undefined;
  names: string[];
}

/** Text content of a node. */
export function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

function extraWords(words: string[]): Text {
  return { type: 'text', value: ` ${VARIANT_OPEN} ${words.join(' ')} ${VARIANT_CLOSE} ` };
}

const skipped = (el: Element) =>
  el.properties.dataPagefindIgnore !== undefined || ['script', 'style', 'svg', 'template'].includes(el.tagName);

/**
 * Adds identifier spellings after each text, inline `code` and `pre` that contains identifiers;
 * `segmented` pages (see SEGMENTED_LANGUAGES) also get joined forms of punctuated Latin words.
 */
export function addIdentifierVariants(parent: Element | Root, segmented = false): void {
  const out: (ElementContent | RootContent)[] = [];
  for (const child of parent.children) {
    out.push(child);
    if (child.type === 'text') {
      const words = variantsForText(child.value, segmented);
      if (words.length > 0) out.push(extraWords(words));
    } else if (child.type === 'element' && !skipped(child)) {
      if (child.tagName === 'code' || child.tagName === 'pre') {
        const words = variantsForText(textOf(child), segmented);
        if (words.length > 0) out.push(extraWords(words));
      } else addIdentifierVariants(child, segmented);
    }
  }
  parent.children = out as typeof parent.children;
}

/** True when Pagefind segments pages of this document's language. */
function isSegmented(tree: Root): boolean {
  const lang = String(select('html', tree)?.properties.lang ?? 'en');
  return SEGMENTED_LANGUAGES.includes(lang.split('-')[0]!);
}

function markIgnored(body: Element, selectors: string[]): void {
  for (const el of selectAll(selectors.join(', '), body)) el.properties.dataPagefindIgnore = '';
}

function parentOf(tree: Root | Element, target: Element): Root | Element | undefined {
  for (const child of tree.children) {
    if (child === target) return tree;
    if (child.type === 'element') {
      const found = parentOf(child, target);
      if (found) return found;
    }
  }
  return undefined;
}

function insertAfter(tree: Root, target: Element, node: Element): void {
  const parent = parentOf(tree, target);
  if (!parent) return;
  parent.children.splice(parent.children.indexOf(target) + 1, 0, node);
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);

/** True when every word of `name` starts a word of `heading` (or the other way round: "deposit" ~ "depositing"). */
export function headingMentions(heading: string, name: string): boolean {
  const hw = words(heading);
  const nw = words(name);
  return nw.length > 0 && nw.every((n) => hw.some((w) => w.startsWith(n) || (n.startsWith(w) && w.length >= 4)));
}

/** The first element with `data-pagefind-body`, found by a plain walk (an attribute selector is slow on whole pages). */
function indexedBody(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const found = child.properties.dataPagefindBody != null ? child : indexedBody(child);
    if (found) return found;
  }
  return undefined;
}

/** The h2/h3 sections of an article's indexed body (the References section excepted). */
export function sectionHeadings(article: string | Root): { id: string; text: string }[] {
  const body = indexedBody(typeof article === 'string' ? parseHtml(article) : article);
  return (body ? selectAll('h2[id], h3[id]', body) : [])
    .map((el) => ({ id: String(el.properties.id), text: textOf(el) }))
    .filter((s) => s.id !== 'references');
}

/**
 * The section of an article that a glossary term should point at: the section id given in `see`,
 * else the first h2/h3 whose text mentions the term (then its aliases), else the page top.
 */
export function findSynonymSection(headings: { id: string; text: string }[], term: GlossaryTerm): string | undefined {
  const hash = term.see?.split('#')[1];
  if (hash) return hash;
  for (const name of [term.term, ...term.aliases]) {
    // A section id is its author's short name for it (`#hv-root-partition`), so it counts as text.
    const hit = headings.find((s) => headingMentions(`${s.text} ${s.id.replace(/-/g, ' ')}`, name));
    if (hit) return hit.id;
  }
  return undefined;
}

/** Empty elements that set Pagefind filters (one element per filter: Pagefind reads one pair each). */
export function filterTags(filters: Record<string, string | undefined>): Element[] {
  return Object.entries(filters)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => h('span', { dataPagefindFilter: `${key}:${value}` }));
}

function findBody(tree: Root, where: string): Element {
  const body = indexedBody(tree);
  if (!body) throw new Error(`${where}: no element with data-pagefind-body; the page layout must mark its content for search`);
  return body;
}

/** Options for an article page's index view. */
export interface ArticleView {
  /** Built file, for error messages. */
  where: string;
  section: string | undefined;
  /** Label shown with the result (the section's name in the page language). */
  group: string;
  synonyms: SynonymPlacement[];
}

/** Index view of an article page (its HTML, or its tree, which is changed). */
export function articleView(page: string | Root, view: ArticleView): string {
  const tree = typeof page === 'string' ? parseHtml(page) : page;
  const body = findBody(tree, view.where);
  markIgnored(body, IGNORED_CHROME);
  body.children.unshift(...filterTags({ kind: 'article', section: view.section }));
  body.properties.dataPagefindMeta = `group:${view.group}`;
  addIdentifierVariants(body, isSegmented(tree));
  for (const { sectionId, names } of view.synonyms) {
    const anchor = (sectionId && select(`[id="${sectionId}"]`, body)) || select('h1', body);
    const note = h('p', { dataPagefindWeight: String(WEIGHTS.synonyms) }, ` ${VARIANT_OPEN} ${names.join(', ')} ${VARIANT_CLOSE} `);
    if (anchor) insertAfter(tree, anchor, note);
  }
  return indexDocument(tree, body);
}

/** True when an element or one below it sets a Pagefind filter, metadata or sort key. */
function setsPagefindData(el: Element): boolean {
  const p = el.properties;
  if (p.dataPagefindFilter !== undefined || p.dataPagefindMeta !== undefined || p.dataPagefindSort !== undefined) return true;
  return el.children.some((c) => c.type === 'element' && setsPagefindData(c));
}

/** SVG attributes that Pagefind reads: ids (section anchors); the rest only draws. */
const KEPT_SVG_ATTRIBUTE = /^(id|aria|role|dataPagefind)/;

/**
 * Drops from the indexed body what Pagefind would read and throw away: ignored elements (unless
 * they carry filters or metadata, which Pagefind still reads inside them), `<style>` elements, the
 * `class` and `style` attributes (syntax-highlighted code has one per token) and the drawing
 * attributes of SVG diagrams (paths are most of a diagram's bytes; its text stays).
 */
function pruneForIndex(parent: Element, inSvg = false): void {
  parent.children = parent.children.filter(
    (c) => c.type !== 'element' || (c.tagName !== 'style' && (c.properties.dataPagefindIgnore === undefined || setsPagefindData(c))),
  );
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const svg = inSvg || child.tagName === 'svg';
    if (svg) {
      for (const key of Object.keys(child.properties)) if (!KEPT_SVG_ATTRIBUTE.test(key)) delete child.properties[key];
    } else {
      delete child.properties.className;
      delete child.properties.style;
    }
    pruneForIndex(child, svg);
  }
}

/**
 * The document Pagefind is given for a page: the `<html>` attributes (the language), the
 * `<title>` and the indexed body, pruned. Pagefind reads nothing outside the `data-pagefind-body`
 * element, so the navigation and the rest of the chrome need not be serialised and sent to it.
 */
export function indexDocument(tree: Root, body: Element): string {
  const html = select('html', tree);
  const title = select('head > title', tree);
  pruneForIndex(body);
  return `<!doctype html>${toHtml(h('html', { ...html?.properties }, [h('head', title ? [title] : []), h('body', [body])]))}`;
}

/** Index view of a home page: its main column, weighted below articles (it only introduces them). */
export function homeView(html: string, group: string): string {
  const tree = parseHtml(html);
  const main = select('main', tree);
  if (!main) throw new Error('home page: no <main> element to index');
  // The home page opts out of Pagefind's default view; here its introduction is what is indexed.
  for (const el of selectAll('[data-pagefind-ignore]', main)) delete el.properties.dataPagefindIgnore;
  main.properties.dataPagefindBody = '';
  main.properties.dataPagefindWeight = String(WEIGHTS.home);
  main.properties.dataPagefindMeta = `group:${group}`;
  addIdentifierVariants(main, isSegmented(tree));
  return indexDocument(tree, main);
}

/** One glossary term as its own index record. */
export interface GlossaryRecord {
  id: string;
  html: string;
}

/**
 * Splits a built glossary page into one record per `.glossary-entry`: the term (weight 10), its
 * aliases (6) and short definition (2) above the long explanation (0.5); the English term is added on other
 * languages' pages when the page shows a translated one.
 */
export function glossaryRecords(html: string, terms: Map<string, GlossaryTerm>, group: string): GlossaryRecord[] {
  const tree = parseHtml(html);
  const lang = String(select('html', tree)?.properties.lang ?? 'en');
  return selectAll('.glossary-entry[id]', tree).map((entry) => {
    const id = String(entry.properties.id);
    const shown = textOf(select('dfn', entry) ?? entry).trim();
    const english = terms.get(id)?.term;
    const dd = select('dd', entry);
    const classOf = (c: ElementContent) => (c.type === 'element' ? [c.properties.className ?? ''].flat().join(' ') : '');
    // Related terms and source ids are navigation, not part of the definition.
    const content = (dd?.children ?? []).filter((c) => !classOf(c).includes('glossary-links'));
    for (const el of content) {
      if (el.type !== 'element') continue;
      const cls = classOf(el);
      if (cls.includes('glossary-aliases')) el.properties.dataPagefindWeight = String(WEIGHTS.aliases);
      else if (cls.includes('glossary-short')) el.properties.dataPagefindWeight = String(WEIGHTS.definition);
      // The longer explanation mentions many other identifiers in passing: those count less than an article's.
      else el.properties.dataPagefindWeight = String(WEIGHTS.explanation);
    }
    const names =
      english && english !== shown
        ? [h('p', { dataPagefindWeight: String(WEIGHTS.term) }, ` ${VARIANT_OPEN} ${english} ${VARIANT_CLOSE} `)]
        : [];
    const body = h('div', { dataPagefindBody: '', dataPagefindMeta: `group:${group}` }, [
      ...filterTags({ kind: 'glossary', section: 'reference' }),
      h('h1', { dataPagefindWeight: String(WEIGHTS.term) }, shown),
      ...names,
      ...content,
    ]);
    addIdentifierVariants(body, SEGMENTED_LANGUAGES.includes(lang.split('-')[0]!));
    const page = h('html', { lang }, [h('head', [h('title', shown)]), h('body', [body])]);
    return { id, html: `<!doctype html>${toHtml(page)}` };
  });
}
