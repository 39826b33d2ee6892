import type { InlineCode, Link, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { looksLikeKernelIdentifier, type SymbolSource } from '../lib/kernel-symbols';
import { ContentError, type FileInfo } from './adapter';

/**
 * Links the first code span per section that names a listed kernel identifier to its pinned source
 * (a `kernel:` link, expanded later by `expandKernelLinks`), and fails on a code span that looks like
 * a kernel identifier but is neither linked in its section nor listed in `kernel-symbols.yaml`.
 * Headings are left alone: their text is the anchor's label, and the section below links the name.
 */
export function kernelSymbols(symbols: ReadonlyMap<string, SymbolSource>, mapFile = 'content/kernel-symbols.yaml') {
  return (tree: Root, file: FileInfo): void => {
    let linked = new Set<string>();
    const unknown: InlineCode[] = [];

    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        if (node.depth <= 3) linked = new Set();
        return SKIP;
      }
      if (node.type === 'link' || node.type === 'linkReference') {
        visit(node, 'inlineCode', (code) => void linked.add(code.value));
        return SKIP;
      }
      if (node.type !== 'inlineCode' || !parent || index === undefined) return;
      const source = symbols.get(node.value);
      if (linked.has(node.value)) return;
      if (!source) {
        if (looksLikeKernelIdentifier(node.value)) unknown.push(node);
        return;
      }
      linked.add(node.value);
      const link: Link = {
        type: 'link',
        url: 'kernel' in source ? source.kernel : source.url,
        children: [node],
        position: node.position,
        ...('why' in source ? { title: source.why } : {}),
      };
      (parent.children as RootContent[]).splice(index, 1, link);
      return SKIP;
    });

    // A name linked further down its section counts: report only spans their section never links.
    const missing = unknown.filter((code) => !symbolLinkedLater(tree, code));
    if (missing.length === 0) return;
    const first = missing[0]!;
    const others = missing.slice(1).map((c) => `\`${c.value}\` (line ${(c.position?.start.line ?? 0) + file.lineOffset})`);
    throw new ContentError(
      file,
      first.position,
      `\`${first.value}\` looks like a Linux kernel identifier but is not linked to a pinned source: ` +
        `add it to ${mapFile} (\`${first.value}: <tag>/<path>\`) or link it, e.g. [\`${first.value}\`](kernel:v6.15/<path>)` +
        (others.length > 0 ? `. Also unlinked: ${others.join(', ')}` : ''),
    );
  };
}

/** True when the same name is linked later in the section that contains `code`. */
function symbolLinkedLater(tree: Root, code: InlineCode): boolean {
  let inSection = false;
  let found = false;
  visit(tree, (node) => {
    if (found) return false;
    if (node === code) inSection = true;
    else if (inSection && node.type === 'heading' && node.depth <= 3) return false;
    else if (inSection && node.type === 'link')
      visit(node, 'inlineCode', (c) => {
        if (c.value === code.value) found = true;
      });
    return undefined;
  });
  return found;
}
