import { join } from 'node:path';
import { contentDir } from '../config/paths';
import { bibliographySchema, type BibEntry } from './schemas';
import { loadYamlFolder, type DataEntry } from './data-files';

/** Loads and checks the bibliography: valid entries, no two ids for one URL. */
export function loadBibliography(dir = join(contentDir, 'bibliography')): Map<string, DataEntry<BibEntry>> {
  const entries = loadYamlFolder(dir, bibliographySchema);
  const byUrl = new Map<string, string>();
  const problems: string[] = [];
  for (const e of entries) {
    const other = byUrl.get(e.data.url);
    if (other) problems.push(`${e.file}:1: same URL as \`${other}\`; cite one id for one source`);
    byUrl.set(e.data.url, e.id);
  }
  if (problems.length > 0) throw new Error(`Duplicate bibliography entries:\n  ${problems.join('\n  ')}`);
  return new Map(entries.map((e) => [e.id, e]));
}
