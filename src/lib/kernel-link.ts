/** A parsed `kernel:<tag>/<path>[#L<a>[-L<b>]]` link. */
export interface KernelRef {
  tag: string;
  path: string;
  lines?: { start: number; end: number };
}

const pattern = /^kernel:(v\d+\.\d+(?:-rc\d+)?)\/((?:[A-Za-z0-9_.+-]+\/)*[A-Za-z0-9_.+-]+)(?:#L(\d+)(?:-L(\d+))?)?$/;

/** Parses a `kernel:` link; returns an explanation instead when it is malformed. */
export function parseKernelLink(url: string): KernelRef | { error: string } {
  const m = pattern.exec(url);
  if (!m) {
    return {
      error: `malformed kernel link \`${url}\`: expected \`kernel:<tag>/<path>\` with an optional \`#L<start>\` or \`#L<start>-L<end>\`, e.g. \`kernel:v6.15/include/uapi/linux/mshv.h#L10-L20\``,
    };
  }
  const [, tag, path, a, b] = m as unknown as [string, string, string, string | undefined, string | undefined];
  if (path.split('/').some((seg) => seg === '.' || seg === '..')) {
    return { error: `kernel link \`${url}\` must not contain \`.\` or \`..\` path segments` };
  }
  if (a === undefined) return { tag, path };
  const start = Number(a);
  const end = b === undefined ? start : Number(b);
  if (start < 1 || end < start) return { error: `kernel link \`${url}\` has an empty or reversed line range` };
  return { tag, path, lines: { start, end } };
}

/** Builds the pinned URL of a kernel reference from the site's URL templates. */
export function kernelUrl(ref: KernelRef, templates: { file: string; line: string }): string {
  const file = templates.file.replace('{tag}', ref.tag).replace('{path}', ref.path);
  return ref.lines ? file + templates.line.replace('{line}', String(ref.lines.start)) : file;
}

/** Human-readable description, used as the link's title. */
export function describeKernelRef(ref: KernelRef): string {
  const where = ref.lines
    ? ref.lines.end === ref.lines.start
      ? `, line ${ref.lines.start}`
      : `, lines ${ref.lines.start}–${ref.lines.end}`
    : '';
  return `Linux ${ref.tag}: ${ref.path}${where}`;
}
