import type { Root, RootContent } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/** Wraps each table in a focusable container that scrolls sideways on narrow screens. */
export function scrollableTables() {
  return (tree: Root): void => {
    visit(tree, 'table', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const wrapper = {
        type: 'blockquote',
        data: { hName: 'div', hProperties: { className: ['table-scroll'], tabIndex: 0 } },
        children: [node],
      } as RootContent;
      (parent.children as RootContent[]).splice(index, 1, wrapper);
      return SKIP;
    });
  };
}
