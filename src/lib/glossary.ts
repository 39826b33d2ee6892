import { join } from 'node:path';
import { contentDir } from '../config/paths';
import { loadYamlFolder, type DataEntry } from './data-files';
import { glossarySchema, type GlossaryTerm } from './schemas';

/**
 * Loads the glossary and checks its cross-references: related terms and sources must exist, and no
 * name (term or alias) may belong to two terms.
 */
export function loadGlossary(
  bibliographyIds: ReadonlySet<string>,
  dir = join(contentDir, 'glossary'),
): Map<string, DataEntry<GlossaryTerm>> {
  const entries = loadYamlFolder(dir, glossarySchema);
  const ids = new Set(entries.map((e) => e.id));
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const e of entries) {
    for (const r of e.data.related) if (!ids.has(r)) problems.push(`${e.file}: \`related\`: unknown glossary term \`${r}\``);
    for (const s of e.data.sources) if (!bibliographyIds.has(s)) problems.push(`${e.file}: \`sources\`: unknown bibliography id \`${s}\``);
    for (const name of [e.data.term, ...e.data.aliases]) {
      const key = name.toLowerCase();
      const other = owner.get(key);
      if (other && other !== e.id) problems.push(`${e.file}: the name \`${name}\` also belongs to \`${other}\``);
      owner.set(key, e.id);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid glossary:\n  ${problems.join('\n  ')}`);
  return new Map(entries.map((e) => [e.id, e]));
}
