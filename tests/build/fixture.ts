import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { walkFiles } from '../../src/lib/built-pages';

const root = join(import.meta.dirname, '../..');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

/** A finished fixture build: exit code, everything it printed, and where it wrote. */
export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
  contentDir: string;
}

/** Copies the fixture content tree to a temporary folder, optionally changing files first. */
export function fixtureContent(change?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'hv-fixture-'));
  cpSync(join(root, 'tests/fixtures/site'), dir, { recursive: true });
  change?.(dir);
  return dir;
}

/** Replaces text in a fixture file; fails loudly if the text is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}: ${String(from)}`);
  writeFileSync(path, next);
}

/** Runs a production build of a content tree with its own output and cache folders. */
export function build(contentDir: string, env: Record<string, string> = {}, cacheDir?: string): BuildResult {
  const outDir = mkdtempSync(join(tmpdir(), 'hv-out-'));
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SITE_CONTENT_DIR: contentDir,
      SITE_OUT_DIR: outDir,
      SITE_CACHE_DIR: cacheDir ?? mkdtempSync(join(tmpdir(), 'hv-cache-')),
      MERMAID_CACHE_DIR: join(cacheDir ?? mkdtempSync(join(tmpdir(), 'hv-cache-')), 'mermaid'),
      FORCE_COLOR: '0',
      ...env,
    },
    timeout: 180_000,
  });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { code: result.status ?? 1, output, outDir, contentDir };
}

/** Every file of a build output, relative path → contents. */
export function readOutput(dir: string): Map<string, Buffer> {
  return new Map(walkFiles(dir).map((file) => [relative(dir, file), readFileSync(file)]));
}

/** Pages and images left in an output folder (none after a failed build: no half-built site). */
export function pagesLeft(dir: string): string[] {
  return existsSync(dir) ? [...readOutput(dir).keys()].filter((name) => /\.(html|png)$/.test(name)) : [];
}
