import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes a cache file whole or not at all (a temporary file, then a rename): a build stopped
 * mid-write must not leave a cut-off entry that the next build would take as valid.
 */
export function writeWhole(file: string, data: string | Buffer): void {
  writeFileSync(`${file}.part`, data);
  renameSync(`${file}.part`, file);
}
