/** CSS named colours (Mermaid's dark theme writes some, e.g. `lightgrey`). */
const named = [
  'lightgoldenrodyellow|mediumspringgreen|mediumaquamarine|mediumslateblue|mediumturquoise|mediumvioletred|blanchedalmond|cornflowerblue',
  'darkolivegreen|lightslategray|lightslategrey|lightsteelblue|mediumseagreen|darkgoldenrod|darkslateblue|darkslategray',
  'darkslategrey|darkturquoise|lavenderblush|lightseagreen|palegoldenrod|paleturquoise|palevioletred|rebeccapurple',
  'antiquewhite|darkseagreen|lemonchiffon|lightskyblue|mediumorchid|mediumpurple|midnightblue|darkmagenta',
  'deepskyblue|floralwhite|forestgreen|greenyellow|lightsalmon|lightyellow|navajowhite|saddlebrown',
  'springgreen|yellowgreen|transparent|aquamarine|blueviolet|chartreuse|darkorange|darkorchid',
  'darksalmon|darkviolet|dodgerblue|ghostwhite|lightcoral|lightgreen|mediumblue|papayawhip',
  'powderblue|sandybrown|whitesmoke|aliceblue|burlywood|cadetblue|chocolate|darkgreen',
  'darkkhaki|firebrick|gainsboro|goldenrod|indianred|lawngreen|lightblue|lightcyan',
  'lightgray|lightgrey|lightpink|limegreen|mintcream|mistyrose|olivedrab|orangered',
  'palegreen|peachpuff|rosybrown|royalblue|slateblue|slategray|slategrey|steelblue',
  'turquoise|cornsilk|darkblue|darkcyan|darkgray|darkgrey|deeppink|honeydew',
  'lavender|moccasin|seagreen|seashell|crimson|darkred|dimgray|dimgrey',
  'fuchsia|hotpink|magenta|oldlace|skyblue|thistle|bisque|indigo',
  'maroon|orange|orchid|purple|salmon|sienna|silver|tomato',
  'violet|yellow|azure|beige|black|brown|coral|green',
  'ivory|khaki|linen|olive|wheat|white|aqua|blue',
  'cyan|gold|gray|grey|lime|navy|peru|pink',
  'plum|snow|teal|red|tan',
].join('|');

/** Colours as Mermaid writes them in SVG and CSS: hex, rgb(a), hsl(a) and named colours as whole values. */
const colour = new RegExp(`(#[0-9a-fA-F]{3,8}\\b|rgba?\\([^)]*\\)|hsla?\\([^)]*\\)|(?<=[:"\\s,(])(?:${named})(?=[;"\\s,)}!]))`, 'g');

/**
 * Merges a light and a dark rendering of the same diagram into one SVG whose differing colours
 * become CSS `light-dark(light, dark)` values, so the diagram follows the page's `color-scheme`.
 * Returns `undefined` when the two renderings differ in more than colours and numbers.
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
      // Mermaid numbers some element ids with a counter that runs on between renders
      // (`actor1` vs `actor3`): equal up to numbers is the same drawing; keep the light one's ids.
      if (x !== y && x.replace(/-?\d+/g, '0') !== y.replace(/-?\d+/g, '0')) return undefined;
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
