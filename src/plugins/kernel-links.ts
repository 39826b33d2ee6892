import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describeKernelRef, kernelUrl, parseKernelLink } from '../lib/kernel-link';
import { ContentError, type FileInfo } from './adapter';

/** Expands `kernel:<tag>/<path>#L<a>-L<b>` links to pinned kernel-source URLs; malformed ones fail. */
export function expandKernelLinks(templates: { file: string; line: string }) {
  return (tree: Root, file: FileInfo): void => {
    visit(tree, 'link', (node) => {
      if (!node.url.startsWith('kernel:')) return;
      const ref = parseKernelLink(node.url);
      if ('error' in ref) throw new ContentError(file, node.position, ref.error);
      node.url = kernelUrl(ref, templates);
      node.title = node.title ?? describeKernelRef(ref);
      node.data = { ...node.data, hProperties: { className: ['kernel-link'] } };
    });
  };
}
