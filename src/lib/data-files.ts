import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'astro/zod';

/** One validated YAML entry; its id is the file name. */
export interface DataEntry<T> {
  id: string;
  data: T;
  file: string;
}

/** Line of the YAML node at `path` (1-based), or of the document start. */
function lineOf(text: string, path: (string | number)[]): number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  for (let i = path.length; i >= 0; i--) {
    const node = doc.getIn(path.slice(0, i), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * Reads every `*.yaml` file of a folder and validates it with `schema`.
 * Throws one error that lists each bad file as `path:line: field: problem`.
 */
export function loadYamlFolder<S extends z.ZodType>(dir: string, schema: S): DataEntry<z.output<S>>[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const problems: string[] = [];
  const entries: DataEntry<z.output<S>>[] = [];
  for (const name of files) {
    const full = join(dir, name);
    const rel = relative(process.cwd(), full);
    const id = basename(name).replace(/\.ya?ml$/, '');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      problems.push(`${rel}:1: the file name \`${id}\` is the id and must be lower-case letters, digits and hyphens`);
      continue;
    }
    if (name.endsWith('.yml')) {
      problems.push(`${rel}:1: use the \`.yaml\` extension`);
      continue;
    }
    const text = readFileSync(full, 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      problems.push(`${rel}:${err.linePos?.[0]?.line ?? 1}: invalid YAML: ${err.message.split('\n')[0]}`);
      continue;
    }
    const parsed = schema.safeParse(doc.toJS());
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        problems.push(`${rel}:${lineOf(text, path)}: \`${path.join('.') || '(file)'}\`: ${issue.message}`);
      }
      continue;
    }
    entries.push({ id, data: parsed.data, file: rel });
  }
  if (problems.length > 0) throw new Error(`Invalid data in ${relative(process.cwd(), dir)}:\n  ${problems.join('\n  ')}`);
  return entries;
}
