/**
 * The sources of the ```mermaid fences in a Markdown/MDX text, in document order, as the Markdown
 * parser gives them (indentation of a nested fence removed, no final newline). A fast textual scan
 * used before the build to decide whether any diagram needs rendering; the build itself takes the
 * fences from the parsed tree, so a fence this scan misreads costs time, never correctness.
 */
export function mermaidFences(text: string): string[] {
  const fence = /^([ \t]*)(`{3,}|~{3,})mermaid(?:[ \t][^\n]*)?\n([\s\S]*?)^[ \t]*\2[`~]*[ \t]*$/gm;
  return [...text.matchAll(fence)].map(([, indent, , body]) => {
    const lines = body!.replace(/\n$/, '').split('\n');
    return lines.map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line.trimStart())).join('\n');
  });
}
