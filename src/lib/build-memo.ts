// Results of pure functions of a built page (the links and ids a page offers, its search records),
// kept between builds in the cache folder so that an unchanged page is not parsed again. An entry's
// key is a digest of the page's bytes and of every other input; the whole memo is dropped when the
// code that computes the results may have changed (a digest of src/, the Astro configuration and
// the lockfile). So a cached result is always the one the current code would compute, and checks
// across pages (a link to a page that is gone) still run on every build. Only the entries the
// current build used are written back, so the file does not grow with old pages.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { walkFiles } from './built-pages';
import { writeWhole } from './write-whole';

const digests = new Map<string, string>();

/** Digest of the site's code below `root`: every file in `src/`, `astro.config.mjs` and `package-lock.json`. */
export function codeDigest(root = process.cwd()): string {
  const known = digests.get(root);
  if (known) return known;
  const files = [...walkFiles(resolve(root, 'src')).sort(), resolve(root, 'astro.config.mjs'), resolve(root, 'package-lock.json')];
  const hash = createHash('sha256');
  for (const file of files.filter((f) => existsSync(f)))
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  const digest = hash.digest('hex');
  digests.set(root, digest);
  return digest;
}

/** Key of a memo entry: a digest of its inputs. */
export function memoKey(...inputs: string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  return hash.digest('hex');
}

/** Entries computed ahead of the memo's reader (src/integrations/page-prep.ts), by memo name. */
const offered = new Map<string, Map<string, unknown>>();

/**
 * Offers entries for the memo called `name`, computed by the same code before the memo is read
 * (while the pages are written). The next `BuildMemo` of that name takes them; a stored entry of
 * the last build wins over an offered one for the same key, and entries nobody asks for are
 * dropped with the memo.
 */
export function offerMemoEntries(name: string, entries: Iterable<[string, unknown]>): void {
  const map = offered.get(name) ?? new Map<string, unknown>();
  for (const [key, value] of entries) map.set(key, value);
  offered.set(name, map);
}

interface MemoFile<T> {
  code: string;
  entries: Record<string, T>;
}

/** A memo of JSON values by key, read from `<dir>/<name>.json` and written back by `save`. */
export class BuildMemo<T> {
  readonly file: string;
  private readonly stored = new Map<string, T>();
  private readonly used = new Map<string, T>();
  private readonly prepared: Map<string, T>;
  /** Results taken from the last build's memo. */
  hits = 0;
  /** Results offered by `offerMemoEntries` and taken. */
  preparedHits = 0;
  /** Results computed by `through`. */
  misses = 0;

  private readonly code: string;

  // No parameter properties: the page preparation worker loads this file with Node's type stripping.
  constructor(name: string, dir: string, code: string = codeDigest()) {
    this.code = code;
    this.file = join(dir, `${name}.json`);
    let saved: MemoFile<T> | undefined;
    try {
      saved = JSON.parse(readFileSync(this.file, 'utf8')) as MemoFile<T>;
    } catch {
      // No memo yet, or an unreadable one: every result is computed again.
    }
    if (saved?.code === code) for (const [key, value] of Object.entries(saved.entries)) this.stored.set(key, value);
    this.prepared = (offered.get(name) ?? new Map()) as Map<string, T>;
    offered.delete(name);
  }

  /** The value the last build stored for `key`, if any (without counting or keeping it). */
  peek(key: string): T | undefined {
    return this.stored.get(key);
  }

  /** The value stored (or offered) for `key`, or `compute()` stored under it. */
  through(key: string, compute: () => T): T {
    let value = this.used.get(key) ?? this.stored.get(key);
    if (value !== undefined) this.hits++;
    else if ((value = this.prepared.get(key)) !== undefined) this.preparedHits++;
    else {
      this.misses++;
      value = compute();
    }
    this.used.set(key, value);
    return value;
  }

  /** Writes the entries used since the memo was read (whole: a reader never sees half a file). */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const data: MemoFile<T> = { code: this.code, entries: Object.fromEntries(this.used) };
    writeWhole(this.file, JSON.stringify(data));
  }
}
