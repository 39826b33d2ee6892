/**
 * Gives every element id of a rendered diagram the diagram's own id as a prefix, numbered in the
 * order the ids appear. Mermaid names most ids after the diagram, but some after a counter that
 * runs on for the life of the page (a sequence diagram's `actor8` and `root-8`): unchanged, they
 * would depend on what the renderer drew before (so two clean builds would differ), and two
 * diagrams on one page could share an id. References inside the SVG (`url(#…)`, `href="#…"`,
 * ARIA id lists) follow the new names.
 */
export function scopeIds(svg: string, diagramId: string): string {
  const numbers = new Map<string, number>();
  const renamed = new Map<string, string>();
  for (const [, id] of svg.matchAll(/ id="([^"]+)"/g)) {
    if (id!.includes(diagramId) || renamed.has(id!)) continue;
    // The same counter value keeps one number across ids (`actor8` and `root-8` stay a pair).
    const scoped = id!.replace(/\d+/g, (n) => {
      if (!numbers.has(n)) numbers.set(n, numbers.size);
      return String(numbers.get(n));
    });
    renamed.set(id!, `${diagramId}-${scoped}`);
  }
  if (renamed.size === 0) return svg;
  const rename = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${rename(id)}"`)
    .replace(/(url\(#|href="#)([^)"]+)/g, (_, lead: string, id: string) => lead + rename(id))
    .replace(
      / (aria-labelledby|aria-describedby)="([^"]+)"/g,
      (_, name: string, ids: string) => ` ${name}="${ids.split(/\s+/).map(rename).join(' ')}"`,
    );
}
