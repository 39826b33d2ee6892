/** Colours as Mermaid writes them in SVG and CSS. */
const colour = /(#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\))/g;

/**
 * Merges a light and a dark rendering of the same diagram into one SVG whose differing colours
 * become CSS `light-dark(light, dark)` values, so the diagram follows the page's `color-scheme`.
 * Returns `undefined` when the two renderings differ in more than colours.
 */
export function mergeThemes(light: string, dark: string): string | undefined {
  const a = light.split(colour);
  const b = dark.split(colour);
  if (a.length !== b.length) return undefined;
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (i % 2 === 0) {
      if (x !== y) return undefined;
      out.push(x);
    } else {
      out.push(x.toLowerCase() === y.toLowerCase() ? x : `light-dark(${x}, ${y})`);
    }
  }
  // Presentation attributes take plain colours only: move merged values into the style attribute.
  return out
    .join('')
    .replace(/ (fill|stroke|stop-color|color)="(light-dark\([^"]*\))"/g, ' style="$1:$2"')
    .replace(/ style="([^"]*)" style="([^"]*)"/g, ' style="$1;$2"');
}
