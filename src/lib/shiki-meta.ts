import type { ShikiTransformer } from 'shiki';

/** Parses `{1,3-5}` line ranges from a code fence's meta string. */
export function parseLineRanges(meta: string): Set<number> {
  const lines = new Set<number>();
  const m = /\{([\d,\s-]+)\}/.exec(meta);
  if (!m) return lines;
  for (const part of m[1]!.split(',')) {
    const [a, b] = part.trim().split('-').map(Number);
    if (a === undefined || Number.isNaN(a)) continue;
    for (let i = a; i <= (b ?? a); i++) lines.add(i);
  }
  return lines;
}

/** Reads `title="…"` from a code fence's meta string. */
export function parseTitle(meta: string): string | undefined {
  return /(?:^|\s)title="((?:[^"\\]|\\.)*)"/.exec(meta)?.[1]?.replace(/\\"/g, '"');
}

/**
 * Shiki transformer: highlighted lines (`{2,4-6}`), a title bar (`title="…"`) and the language.
 * It also lifts Shiki's per-line tokenizing time limit (500 ms by default): on a loaded machine a
 * line could run out of time in one theme's pass and lose its colours there, so two builds of the
 * same input would differ. The content is our own, so no limit is needed.
 */
export function codeMetaTransformer(): ShikiTransformer {
  return {
    name: 'site:code-meta',
    preprocess(code, options) {
      options.tokenizeTimeLimit = 0;
      return code;
    },
    line(node, line) {
      const raw = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? '';
      if (parseLineRanges(raw).has(line)) this.addClassToHast(node, 'highlighted');
    },
    pre(node) {
      node.properties['dataLang'] = this.options.lang;
      // The block scrolls sideways: keep it reachable by keyboard.
      node.properties['tabindex'] = 0;
    },
    root(root) {
      const raw = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? '';
      const title = parseTitle(raw);
      if (!title) return;
      const pre = root.children.find((c) => c.type === 'element' && c.tagName === 'pre');
      if (!pre || pre.type !== 'element') return;
      root.children = [
        {
          type: 'element',
          tagName: 'figure',
          properties: { className: ['code-block'] },
          children: [
            {
              type: 'element',
              tagName: 'figcaption',
              properties: { className: ['code-title'] },
              children: [{ type: 'text', value: title }],
            },
            pre,
          ],
        },
      ];
    },
  };
}
