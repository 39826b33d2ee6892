import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  describeAdded,
  describeLost,
  diffManifest,
  parseManifest,
  serialiseManifest,
  updateManifest,
  type Manifest,
  type PermalinkPage,
} from './permalinks';
import { sourceOf } from './permalinks-source';

/**
 * Where the permalink manifest of a content tree lives: `<content>/permalinks.json`, so a fixture
 * tree carries its own and is never checked against the real site's. SITE_PERMALINKS overrides it.
 */
export function manifestPath(contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SITE_PERMALINKS ?? join(contentDir, 'permalinks.json'));
}

/**
 * What the build does with the manifest: `check` (always), and after `npm run permalinks:update`
 * first `add` (list new pages and anchors) or `prune` (also drop the lost ones).
 */
export function manifestMode(env: NodeJS.ProcessEnv = process.env): 'check' | 'add' | 'prune' {
  const mode = env.PERMALINKS_UPDATE;
  return mode === 'add' || mode === 'prune' ? mode : 'check';
}

const shown = (file: string) => relative(process.cwd(), file);

/**
 * Checks the built pages against the manifest (updating it first in `add`/`prune` mode). Returns
 * errors (listed URLs or anchors that are gone, with the content file where known) and notes.
 */
export function checkPermalinks(
  pages: Map<string, PermalinkPage>,
  options: { file: string; contentDir: string; langs: string[]; mode: 'check' | 'add' | 'prune' },
): { errors: string[]; notes: string[] } {
  const notes: string[] = [];
  let manifest: Manifest | undefined;
  if (existsSync(options.file)) manifest = parseManifest(readFileSync(options.file, 'utf8'), shown(options.file));
  if (options.mode !== 'check') {
    const next = updateManifest(manifest ?? {}, pages, options.mode === 'prune');
    writeFileSync(options.file, serialiseManifest(next));
    const count = (m: Manifest | undefined) => Object.values(m ?? {}).reduce((n, byPath) => n + Object.keys(byPath).length, 0);
    notes.push(`permalinks: wrote ${shown(options.file)} (${count(next)} pages, previously ${count(manifest)})`);
    manifest = next;
  }
  if (!manifest) {
    notes.push(`permalinks: no manifest at ${shown(options.file)}; run \`npm run permalinks:update\` to start the permalink contract`);
    return { errors: [], notes };
  }
  const { lost, added } = diffManifest(manifest, pages);
  const errors = lost.map((l) => {
    const source = sourceOf(l.movedTo ? { path: l.movedTo, anchor: l.anchor } : l, options.contentDir, existsSync, options.langs);
    return describeLost(l, source && shown(source));
  });
  const listed = Object.values(manifest).reduce((n, byPath) => n + Object.values(byPath).reduce((m, a) => m + 1 + a.length, 0), 0);
  notes.push(
    added.length > 0
      ? `permalinks: ${listed} listed URLs and anchors checked; ${describeAdded(added)}`
      : `permalinks: ${listed} listed URLs and anchors checked, all present, manifest up to date`,
  );
  return { errors, notes };
}
