/** A glossary name to look for in text. */
export interface TermName {
  id: string;
  name: string;
}

/** A match of a glossary name in a text. */
export interface TermMatch {
  id: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Builds a matcher for glossary names. Names in lower or sentence case ("Root partition") match in
 * any case; names with inner capitals ("VMBus", "TLFS") match exactly. A plural "s" is
 * accepted after a name that ends in a letter. Boundaries are ASCII word characters, so English
 * terms are found inside Japanese text too. Longer names win over the names they contain.
 */
export function createTermMatcher(names: TermName[]): (text: string) => TermMatch[] {
  const sorted = [...names].sort((a, b) => b.name.length - a.name.length);
  const parts = sorted.map((n) => {
    // Sentence case ("Root partition") is prose: any case. Inner capitals ("VMBus") are a spelling: exact.
    const flexible = n.name.slice(1) === n.name.slice(1).toLowerCase() && /[a-z]/.test(n.name);
    const escaped = flexible ? caseless(escape(n.name)) : escape(n.name);
    const plural = /[A-Za-z]$/.test(n.name) ? '(?:s|es)?' : '';
    return { id: n.id, source: escaped.replace(/ /g, '\\s+'), plural };
  });
  if (parts.length === 0) return () => [];
  const pattern = new RegExp(parts.map((p) => `(?<![A-Za-z0-9_/.-])(${p.source}${p.plural})(?![A-Za-z0-9_])`).join('|'), 'g');
  return (text) => {
    const out: TermMatch[] = [];
    for (const m of text.matchAll(pattern)) {
      const group = m.slice(1).findIndex((g) => g !== undefined);
      out.push({ id: parts[group]!.id, start: m.index, end: m.index + m[0].length });
    }
    return out;
  };
}

/** Makes the letters of an escaped pattern case-insensitive without the `i` flag for the whole regex. */
function caseless(source: string): string {
  return source.replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}
