// Identifier spellings for the search index and the search query. Pagefind 1.6 already indexes a
// compound word whole and by its parts at the same position (`HvCallDepositMemory` → hv, call,
// deposit, memory; `hv_root_partition` → hv_root_partition, hv, root, partition). What it cannot do:
//   - match one spelling of an identifier with another: `HvCallMapDeviceInterrupt` (TLFS) and
//     `HVCALL_MAP_DEVICE_INTERRUPT` (Linux) share no whole token, because `_` is a word character
//     in Pagefind 1.6 (it cannot be configured away);
//   - match a run of trailing parts: `DepositMemory`, `device_interrupt`;
//   - match a hex constant without its `0x`.
// The index gets the missing spellings as extra words (see search-document.ts), and queries are
// rewritten to the one spelling that is always indexed: lower case, separators removed ("joined",
// see search-query.ts).

/** Text wrapped around the extra words so the results UI can strip them from excerpts and titles. */
export const VARIANT_OPEN = '⟦';
export const VARIANT_CLOSE = '⟧';

/** Words of a token: split at `_`, then at camel-case and acronym boundaries (`HVSocket` → HV, Socket). */
export function splitIdentifier(token: string): string[] {
  return token
    .split(/_+/)
    .flatMap((chunk) => chunk.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z0-9]+/g) ?? [])
    .filter(Boolean);
}

/** Extra index words for one identifier-like token; empty for ordinary words. */
export function identifierVariants(token: string): string[] {
  const variants = new Set<string>();
  const hex = /^0x([0-9a-f]+)$/i.exec(token);
  if (hex) variants.add(hex[1]!.toLowerCase());
  const parts = splitIdentifier(token).map((p) => p.toLowerCase());
  if (parts.length >= 2 && !hex) {
    // The joined spelling is Pagefind's own token for camel case, but not for snake case.
    if (token.includes('_')) variants.add(parts.join(''));
    for (let i = 1; i <= parts.length - 2; i++) variants.add(parts.slice(i).join(''));
  }
  return [...variants];
}

/** Identifier-like tokens of a text: words with `_`, inner capitals or a `0x` prefix. */
export function identifierTokens(text: string): string[] {
  const tokens = text.match(/[A-Za-z0-9_]+/g) ?? [];
  return tokens.filter((t) => /[A-Za-z0-9]_+[A-Za-z0-9]/.test(t) || /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(t) || /^0x[0-9a-f]+$/i.test(t));
}

/**
 * Joined forms of Latin words with inner `-`, `/` or `.` (`Hyper-V` → `hyperv`, `/dev/mshv` →
 * `devmshv`). Pagefind makes these itself, except on pages it segments (Japanese, Chinese, Thai),
 * where it cuts such words at the punctuation.
 */
export function punctuatedVariants(text: string): string[] {
  const words = text.match(/[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)+/g) ?? [];
  return words.map((w) => w.replace(/[-/.]/g, '').toLowerCase()).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
}

/** Languages whose pages Pagefind segments into words (its extended build). */
export const SEGMENTED_LANGUAGES = ['ja', 'zh', 'th'];

/** All extra index words for the identifiers in a text, without duplicates. */
export function variantsForText(text: string, segmented = false): string[] {
  const words = identifierTokens(text).flatMap(identifierVariants);
  if (segmented) words.push(...punctuatedVariants(text));
  return [...new Set(words)];
}

/** Removes the variant blocks from a text (also a block cut off at either end of an excerpt). */
export function stripVariants(text: string): string {
  const open = VARIANT_OPEN;
  const close = VARIANT_CLOSE;
  let out = text.replace(new RegExp(`\\s*${open}[^${close}]*${close}`, 'g'), '');
  out = out.replace(new RegExp(`\\s*${open}[^${close}]*$`), '');
  if (out.includes(close)) out = out.replace(new RegExp(`^[^${open}]*${close}\\s*`), '');
  return out;
}
