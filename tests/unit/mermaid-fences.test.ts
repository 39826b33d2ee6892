import { readFileSync } from 'node:fs';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { walkFiles } from '../../src/lib/built-pages';
import { mermaidFences } from '../../src/lib/mermaid-fences';
import { parse } from './helpers';

describe('mermaid fence scan', () => {
  it('finds top-level and nested fences in order, as the parser gives their source', () => {
    const text = [
      '# Title',
      '',
      '```mermaid caption="First"',
      'flowchart LR',
      '  A --> B',
      '```',
      '',
      '```c',
      'int mermaid;',
      '```',
      '',
      '- item',
      '',
      '  ~~~~mermaid',
      '  sequenceDiagram',
      '    A->>B: hi',
      '  ~~~~',
    ].join('\n');
    expect(mermaidFences(text)).toEqual(['flowchart LR\n  A --> B', 'sequenceDiagram\n  A->>B: hi']);
  });
  it('ignores other languages and a mermaid word inside a longer language name', () => {
    expect(mermaidFences('```mermaidjs\nx\n```\n\n```ts\nconst mermaid = 1;\n```\n')).toEqual([]);
  });
  it('gives the same source as the parser for every diagram of the real content', () => {
    // The build's diagram ids come from the parsed fence value; the scan must agree with it.
    const files = walkFiles('content').filter((f) => /\.mdx?$/.test(f));
    let diagrams = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed: string[] = [];
      visit(parse(text.replace(/^---\n[\s\S]*?\n---\n/, '')), 'code', (node: Code) => {
        if (node.lang === 'mermaid') parsed.push(node.value);
      });
      diagrams += parsed.length;
      expect(mermaidFences(text), file).toEqual(parsed);
    }
    expect(diagrams).toBeGreaterThan(10);
  });
});
