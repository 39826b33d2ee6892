/** `[@id]` or `[@a; @b]`: a citation group as authors write it. */
export const citationPattern = /\[@([^\]\n]*)\]/g;
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Splits the inside of a citation group into ids; returns an error for malformed groups. */
export function parseCitationGroup(inner: string): { ids: string[] } | { error: string } {
  const parts = `@${inner}`.split(';').map((p) => p.trim());
  const ids: string[] = [];
  for (const part of parts) {
    const id = part.replace(/^@/, '');
    if (!part.startsWith('@') || !idPattern.test(id)) {
      return { error: `malformed citation \`[@${inner}]\`: write \`[@id]\` or \`[@id1; @id2]\` with lower-case ids` };
    }
    ids.push(id);
  }
  return { ids };
}

/** All citation ids in a source text, in order of first appearance (for the References page). */
export function scanCitations(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(citationPattern)) {
    const parsed = parseCitationGroup(m[1] ?? '');
    if ('ids' in parsed) parsed.ids.forEach((id) => seen.add(id));
  }
  return [...seen];
}
