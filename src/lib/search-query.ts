// What the reader typed, turned into what Pagefind is asked and what the page highlights.

/**
 * Words that only say "the thing that corresponds to X" (`Dom0 equivalent`, `KVM counterpart`).
 * Pagefind requires every query word on a page, so they would hide the pages about X.
 */
const RELATION_WORDS = new Set(['equivalent', 'equivalents', 'counterpart', 'counterparts', 'analogue', 'analog', 'vs', 'versus']);

/**
 * Rewrites a query to the spellings the index holds (see search-variants.ts):
 * - snake-case identifiers to their joined form: `HVCALL_MAP_DEVICE_INTERRUPT` →
 *   `hvcallmapdeviceinterrupt`, which also matches `HvCallMapDeviceInterrupt`;
 * - hyphenated names to separate words: `cloud-hypervisor` → `cloud hypervisor`, which matches
 *   both spellings; with a one-letter part the name is joined instead: `Hyper-V` → `HyperV`;
 * - a lone letter after a word is joined to it: `Hyper V` → `HyperV`;
 * - relation words are dropped when other words remain (unless `keepRelationWords`).
 * Everything else (case, `/`, `-1`, `()`) is left to Pagefind's own normalisation.
 */
export function normaliseQuery(query: string, { keepRelationWords = false } = {}): string {
  const terms = query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((term) => {
      if (/[\p{L}\p{N}]_+[\p{L}\p{N}]/u.test(term)) return [term.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()];
      if (/^[\p{L}\p{N}]{2,}(-[\p{L}\p{N}]{2,})+$/u.test(term)) return term.split('-');
      // `Hyper-V`: Pagefind indexes such a name joined; joining it here also keeps Japanese
      // query segmentation from cutting it in two.
      if (/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(term)) return [term.replace(/-/g, '')];
      return [term];
    });
  // A lone letter matches every word that starts with it; after a word it is usually the end of a
  // name written with a space (`Hyper V` for Hyper-V, indexed as `hyperv`).
  const joined = terms.reduce<string[]>((out, t) => {
    if (out.length > 0 && /^\p{L}$/u.test(t) && /\p{L}$/u.test(out[out.length - 1]!)) out[out.length - 1] += t;
    else out.push(t);
    return out;
  }, []);
  const kept = keepRelationWords ? joined : joined.filter((t) => !RELATION_WORDS.has(t.toLowerCase()));
  return (kept.length > 0 ? kept : joined).join(' ');
}

/**
 * The queries to try, in order, until one finds something: the query with its relation words (a
 * glossary alias such as "Dom0 equivalent" names the root partition), then without them (so "KVM
 * counterpart" still finds the KVM pages).
 */
export function searchForms(query: string): string[] {
  return [...new Set([normaliseQuery(query, { keepRelationWords: true }), normaliseQuery(query)])];
}

/** The words of a query to highlight: the normalised terms of two or more letters or digits. */
export function highlightTerms(query: string): string[] {
  return [...new Set(normaliseQuery(query).split(' '))].filter((t) => t.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isUpper = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);
const isLower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True when a word (or a part of an identifier) starts at `i`: `Deposit` in `HvCallDepositMemory`. */
function startsWord(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (!isWordChar(prev)) return true;
  if (isLower(prev) && isUpper(text[i])) return true;
  return isUpper(prev) && isUpper(text[i]) && isLower(text[i + 1]);
}

/** The form of a term that is matched: letters and digits only, lower case, English plural and -ing/-ed removed. */
export function matchForm(term: string): string {
  const bare = term.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  // Not after s, u, i, o: `class`, `VMBus`, `analysis`, `virtios` are not plurals to strip.
  if (bare.length >= 5 && /[^suio]s$/.test(bare)) return bare.slice(0, -1);
  if (bare.length >= 7 && /ing$/.test(bare)) return bare.slice(0, -3);
  if (bare.length >= 6 && /ed$/.test(bare)) return bare.slice(0, -2);
  return bare;
}

/**
 * Where the terms occur in a text, as sorted, merged `[start, end)` ranges. Like Pagefind, a term
 * matches the start of a word, and an identifier matches across its separators (`hvrootpartition`
 * marks `hv_root_partition`, `devmshv` marks `/dev/mshv`). Terms in CJK scripts match anywhere.
 */
export function findMatches(text: string, terms: string[]): [number, number][] {
  const compact: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isWordChar(c)) {
      compact.push(c.toLowerCase().charAt(0));
      origin.push(i);
    } else if (!/[_/.-]/.test(c)) {
      compact.push(' ');
      origin.push(i);
    }
  }
  const haystack = compact.join('');
  const ranges: [number, number][] = [];
  for (const term of new Set(terms.map(matchForm).filter((t) => t.length > 0))) {
    const anywhere = CJK.test(term);
    for (let k = haystack.indexOf(term); k !== -1; k = haystack.indexOf(term, k + 1)) {
      const start = origin[k]!;
      if (anywhere || startsWord(text, start)) ranges.push([start, origin[k + term.length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** A text cut into plain and marked pieces, for building result excerpts without innerHTML. */
export function markSegments(text: string, terms: string[]): { text: string; mark: boolean }[] {
  const segments: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of findMatches(text, terms)) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
