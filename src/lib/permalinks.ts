import type { Element, Root, RootContent } from 'hast';

/**
 * THE rule for permanent link targets (README, "Permalinks"): the ids people paste into wikis.
 * Inside `<main>`: headings (h2–h6) and their alias spans, glossary entries, and reference-list
 * entries (an article's `li#ref-…`, the bibliography's `.references > li`).
 */
export function isAnchorElement(el: Element, parent: Element | undefined): boolean {
  const classes = Array.isArray(el.properties.className) ? el.properties.className.map(String) : [];
  if (/^h[2-6]$/.test(el.tagName) || classes.includes('anchor-alias') || classes.includes('glossary-entry')) return true;
  if (el.tagName !== 'li') return false;
  const parentClasses = Array.isArray(parent?.properties.className) ? parent.properties.className.map(String) : [];
  return String(el.properties.id).startsWith('ref-') || parentClasses.includes('references');
}

/**
 * The other half of the rule: ids that are generated and may change from build to build, even on
 * an element above:
 * diagrams (`dgm-…`, `chart-…`), citation back-links (`cite-…`), glossary auto-links (`term-…`),
 * the letter navigation of the index pages (`letter-…`) and the layout's own ids.
 */
export const internalIdPattern = /^(?:dgm-|chart-|cite-|term-|letter-)|^(?:main|toc-title|site-nav)$/;

/** True when an id is not one of the generated families above. */
export function isPermanentId(id: string): boolean {
  return !internalIdPattern.test(id);
}

/** Languages → page path (root-relative, without the base path) → sorted permanent anchors. */
export type Manifest = Record<string, Record<string, string[]>>;

/** What one built HTML file means for the permalink contract. */
export interface PermalinkPage {
  /** Root-relative path without the base path: `/overview/`, `/ja/glossary/`. */
  path: string;
  /** `<html lang>`. */
  lang: string;
  /** `page`: published; `redirect`: a moved page's stub; `hidden`: noindex (404). */
  kind: 'page' | 'redirect' | 'hidden';
  /** Redirect target, root-relative without the base path (redirect stubs only). */
  redirect?: string | undefined;
  /** Permanent anchors by the rule, sorted. */
  anchors: string[];
  /** Every id on the page: a listed anchor stays valid while any element carries it. */
  ids: Set<string>;
}

/** Strips the base path from a root-relative or absolute same-site URL path. */
export function stripBase(path: string, base: string): string {
  return base !== '/' && path.startsWith(base) ? path.slice(base.length - 1) : path;
}

/** Reads the permalink facts of one parsed HTML page (one walk). `path` is without the base path. */
export function describePage(tree: Root, path: string, base: string): PermalinkPage {
  let lang = '';
  let refresh: string | undefined;
  let hidden = false;
  const ids = new Set<string>();
  const anchors = new Set<string>();
  const visit = (node: Root | RootContent, inMain: boolean, parent: Element | undefined) => {
    if (node.type === 'element') {
      const id = node.properties.id;
      if (typeof id === 'string') {
        ids.add(id);
        if (inMain && isAnchorElement(node, parent) && isPermanentId(id)) anchors.add(id);
      }
      if (node.tagName === 'html' && typeof node.properties.lang === 'string') lang = node.properties.lang;
      if (node.tagName === 'meta') {
        const content = String(node.properties.content ?? '');
        const equiv = node.properties.httpEquiv;
        if ((Array.isArray(equiv) ? equiv.join(' ') : String(equiv ?? '')).toLowerCase() === 'refresh') refresh = content;
        if (node.properties.name === 'robots' && content.includes('noindex')) hidden = true;
      }
    }
    if ('children' in node) {
      const inside = inMain || (node.type === 'element' && node.tagName === 'main');
      for (const child of node.children) visit(child, inside, node.type === 'element' ? node : undefined);
    }
  };
  visit(tree, false, undefined);
  const target = refresh === undefined ? undefined : refreshTarget(refresh);
  if (target !== undefined) return { path, lang, kind: 'redirect', redirect: stripBase(target, base), anchors: [], ids };
  return { path, lang, kind: hidden ? 'hidden' : 'page', anchors: hidden ? [] : [...anchors].sort(), ids };
}

/** The URL path of a `<meta http-equiv="refresh" content="0; url=/x/">`, or undefined. */
export function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"\s]+)/i.exec(content);
  return m ? new URL(m[1]!, 'https://site.invalid/').pathname : undefined;
}

/** Follows redirect stubs from a path to the page they end on; `undefined` for a missing page or a loop. */
export function resolvePage(pages: Map<string, PermalinkPage>, path: string): PermalinkPage | undefined {
  const seen = new Set<string>();
  let page = pages.get(path);
  while (page?.kind === 'redirect' && !seen.has(page.path)) {
    seen.add(page.path);
    page = pages.get(page.redirect!);
  }
  return page?.kind === 'page' ? page : undefined;
}

/** The manifest the built site would have: every published page and its permanent anchors, per language. */
export function currentManifest(pages: Iterable<PermalinkPage>): Manifest {
  const manifest: Manifest = {};
  for (const p of pages) {
    if (p.kind !== 'page') continue;
    (manifest[p.lang] ??= {})[p.path] = p.anchors;
  }
  return sortManifest(manifest);
}

/** A listed URL or anchor the build no longer serves. */
export interface LostLink {
  lang: string;
  path: string;
  /** Missing anchor; absent when the whole page is gone. */
  anchor?: string | undefined;
  /** Where a redirect stub sends the page, when it moved. */
  movedTo?: string | undefined;
}

/** A page or anchor the build serves that the manifest does not list yet. */
export interface NewLink {
  lang: string;
  path: string;
  anchor?: string | undefined;
}

/** Compares the manifest with the built pages (keyed by path without the base path). */
export function diffManifest(manifest: Manifest, pages: Map<string, PermalinkPage>): { lost: LostLink[]; added: NewLink[] } {
  const lost: LostLink[] = [];
  for (const [lang, listed] of Object.entries(manifest)) {
    for (const [path, anchors] of Object.entries(listed)) {
      const start = pages.get(path);
      const page = resolvePage(pages, path);
      const movedTo = start?.kind === 'redirect' ? page?.path : undefined;
      if (!page) {
        lost.push({ lang, path });
        continue;
      }
      for (const anchor of anchors) if (!page.ids.has(anchor)) lost.push({ lang, path, anchor, movedTo });
    }
  }
  const added: NewLink[] = [];
  for (const p of pages.values()) {
    if (p.kind !== 'page') continue;
    const listed = manifest[p.lang]?.[p.path];
    if (!listed) {
      added.push({ lang: p.lang, path: p.path });
      continue;
    }
    const known = new Set(listed);
    for (const anchor of p.anchors) if (!known.has(anchor)) added.push({ lang: p.lang, path: p.path, anchor });
  }
  return { lost, added };
}

/**
 * The manifest after `npm run permalinks:update`: everything the build serves, plus every listed
 * entry that still works (through an alias or a redirect). Lost entries stay listed, so the build
 * keeps failing on them, unless `prune` retires them on purpose.
 */
export function updateManifest(manifest: Manifest, pages: Map<string, PermalinkPage>, prune: boolean): Manifest {
  const next = currentManifest(pages.values());
  const lost = diffManifest(manifest, pages).lost;
  const lostPages = new Set(lost.filter((l) => !l.anchor).map((l) => `${l.lang} ${l.path}`));
  const lostAnchors = new Set(lost.filter((l) => l.anchor).map((l) => `${l.lang} ${l.path}#${l.anchor}`));
  for (const [lang, listed] of Object.entries(manifest)) {
    for (const [path, anchors] of Object.entries(listed)) {
      if (prune && lostPages.has(`${lang} ${path}`)) continue;
      const keep = anchors.filter((a) => !prune || !lostAnchors.has(`${lang} ${path}#${a}`));
      const merged = new Set([...((next[lang] ??= {})[path] ?? []), ...keep]);
      next[lang]![path] = [...merged];
    }
  }
  return sortManifest(next);
}

/** Sorted languages, paths and anchors, so the committed file only changes where the site did. */
export function sortManifest(manifest: Manifest): Manifest {
  const out: Manifest = {};
  for (const lang of Object.keys(manifest).sort()) {
    out[lang] = {};
    for (const path of Object.keys(manifest[lang]!).sort()) out[lang][path] = [...new Set(manifest[lang]![path]!)].sort();
  }
  return out;
}

/** The committed file: a note for the reader, then the manifest. */
export interface ManifestFile {
  $comment: string;
  pages: Manifest;
}

export const manifestComment =
  'Permalink contract (README, "Permalinks"): every URL and anchor listed here must keep working. ' +
  'Do not edit by hand; run `npm run permalinks:update` after adding pages or headings.';

/** Serialises the manifest file (stable, one anchor per line, trailing newline). */
export function serialiseManifest(pages: Manifest): string {
  const file: ManifestFile = { $comment: manifestComment, pages: sortManifest(pages) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses the manifest file; explains what to do when it is not a manifest. */
export function parseManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${file}: not valid JSON (${(e as Error).message}). Restore it from version control, then run \`npm run permalinks:update\`.`,
      { cause: e },
    );
  }
  const pages = (data as Partial<ManifestFile> | null)?.pages;
  const valid =
    typeof pages === 'object' &&
    pages !== null &&
    Object.values(pages).every(
      (byPath) =>
        typeof byPath === 'object' &&
        byPath !== null &&
        Object.values(byPath).every((a) => Array.isArray(a) && a.every((x) => typeof x === 'string')),
    );
  if (!valid) throw new Error(`${file}: expected \`{ "pages": { "<lang>": { "/path/": ["anchor", …] } } }\`.`);
  return pages as Manifest;
}

/** Path plus anchor as readers use it: `/guide/#second`. */
export function linkOf(l: { path: string; anchor?: string | undefined }): string {
  return l.anchor ? `${l.path}#${l.anchor}` : l.path;
}

/** One error line for a lost entry; `source` names the content file that defines it, when known. */
export function describeLost(l: LostLink, source: string | undefined): string {
  const where = source ? `${source}: ` : '';
  if (!l.anchor) {
    return (
      `${where}listed page \`${l.path}\` no longer exists. If it moved, add \`redirectFrom: ['${l.path.replace(/^\/[a-z]{2}\//, '/')}']\` ` +
      'to the frontmatter of its new file; to retire it on purpose run `npm run permalinks:update -- --prune`'
    );
  }
  if (l.movedTo) {
    return `${where}listed anchor \`${linkOf(l)}\`: the page moved to \`${l.movedTo}\`, which has no id \`${l.anchor}\`. Keep it there as a heading alias: \`{#new-id aliases="${l.anchor}"}\``;
  }
  return (
    `${where}listed anchor \`${linkOf(l)}\` no longer exists. If the heading was renamed, keep the old id as an alias: ` +
    `\`## New title {#new-id aliases="${l.anchor}"}\`; to retire it on purpose run \`npm run permalinks:update -- --prune\``
  );
}

/** Summary of new, unlisted pages and anchors, for the build log and the staleness test. */
export function describeAdded(added: NewLink[], limit = 8): string {
  const shown = added.slice(0, limit).map((a) => `\`${a.lang}: ${linkOf(a)}\``);
  const more = added.length > limit ? ` and ${added.length - limit} more` : '';
  return `${added.length} page(s)/anchor(s) not in the permalink manifest yet (${shown.join(', ')}${more}): run \`npm run permalinks:update\` and commit the manifest`;
}
