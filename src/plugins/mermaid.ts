import { createHash } from 'node:crypto';
import type { Code, Root, RootContent } from 'mdast';
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { ContentError, type FileInfo } from './adapter';

/** Renders a diagram to SVG markup; throws an error with `line` (inside the diagram) on bad input. */
export type DiagramRenderer = (code: string, id: string) => Promise<string>;

/** Reads `caption="…"` from a fence's meta string. */
export function parseCaption(meta: string | null | undefined): string | undefined {
  const m = /(?:^|\s)caption="((?:[^"\\]|\\.)*)"/.exec(meta ?? '');
  return m?.[1]?.replace(/\\"/g, '"');
}

/** Finds the accessible title and description a diagram must declare. */
export function accessibleText(code: string): { title: string | undefined; descr: string | undefined } {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(code)?.[1]?.trim();
  const single = /^\s*accDescr\s*:\s*(.+)$/m.exec(code)?.[1]?.trim();
  const block = /^\s*accDescr\s*\{([^}]*)\}/m.exec(code)?.[1]?.replace(/\s+/g, ' ').trim();
  return { title, descr: single ?? block };
}

/** Stable id for the n-th diagram of a page: same source and position, same id, on every build. */
export function diagramId(code: string, n: number): string {
  return `dgm-${createHash('sha256').update(code).digest('hex').slice(0, 8)}-${n}`;
}

/**
 * Replaces ```mermaid fences with a figure holding the diagram as inline SVG. A diagram without
 * accTitle/accDescr, or one Mermaid rejects, fails with the file and the line in that file.
 */
export function mermaidDiagrams(render: DiagramRenderer) {
  return async (tree: Root, file: FileInfo): Promise<void> => {
    const fences: { node: Code; index: number; parent: { children: RootContent[] } }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang === 'mermaid' && parent && index !== undefined)
        fences.push({ node, index, parent: parent as { children: RootContent[] } });
    });
    const figures = await Promise.all(
      fences.map(async ({ node }, n) => {
        const { title, descr } = accessibleText(node.value);
        if (!title || !descr) {
          const missing = [!title && '`accTitle:`', !descr && '`accDescr:`'].filter(Boolean).join(' and ');
          throw new ContentError(file, node.position, `diagram has no ${missing}: every diagram needs an accessible title and description`);
        }
        const id = diagramId(node.value, n + 1);
        let svg: string;
        try {
          svg = await render(node.value, id);
        } catch (e) {
          const err = e as Error & { line?: number };
          const at =
            node.position && err.line !== undefined ? { start: { line: node.position.start.line + err.line, column: 1 } } : node.position;
          throw new ContentError(file, at, `Mermaid could not parse the diagram: ${err.message.split('\n').slice(0, 4).join(' ')}`);
        }
        return figure(svg, id, title, descr, parseCaption(node.meta));
      }),
    );
    // Replace from the end so earlier indexes stay valid.
    for (let k = fences.length - 1; k >= 0; k--) {
      const { index, parent } = fences[k]!;
      parent.children.splice(index, 1, figures[k]!);
    }
  };
}

function figure(svg: string, id: string, title: string, descr: string, caption: string | undefined): RootContent {
  const svgTree = fromHtml(svg, { fragment: true, space: 'svg' }).children as ElementContent[];
  const children: ElementContent[] = [
    {
      type: 'element',
      tagName: 'div',
      properties: { className: ['diagram-scroll'], tabIndex: 0, role: 'group', ariaLabelledby: `${id}-name` },
      children: svgTree,
    },
    { type: 'element', tagName: 'span', properties: { id: `${id}-name`, hidden: true }, children: [{ type: 'text', value: title }] },
    { type: 'element', tagName: 'span', properties: { id: `${id}-desc`, hidden: true }, children: [{ type: 'text', value: descr }] },
  ];
  if (caption) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
  return {
    type: 'paragraph',
    data: {
      hName: 'figure',
      hProperties: { className: ['diagram'], ariaLabelledby: `${id}-name`, ariaDescribedby: `${id}-desc` },
      hChildren: children,
    },
    children: [],
  } as RootContent;
}
