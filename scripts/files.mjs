// Files below a folder, for the benchmark scripts (which run as plain JavaScript and cannot import
// the TypeScript helper src/lib/built-pages.ts that the build and the tests use).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir`, recursively, as full paths. */
export function filesBelow(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Total size in bytes of the files below `dir`. */
export function bytesBelow(dir) {
  return filesBelow(dir).reduce((sum, path) => sum + statSync(path).size, 0);
}
