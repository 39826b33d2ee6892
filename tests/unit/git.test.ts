import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastUpdated } from '../../src/lib/git';

/** A repository with `content/a.mdx` committed at `first` and `content/b.mdx` never committed. */
function repo(first: string): { dir: string; commit: (file: string, date: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hv-git-'));
  const run = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) },
    });
  run(['init', '-q']);
  run(['config', 'user.email', 'test@example.org']);
  run(['config', 'user.name', 'Test']);
  mkdirSync(join(dir, 'content'));
  const commit = (file: string, date: string) => {
    writeFileSync(join(dir, file), `changed at ${date}\n`);
    run(['add', file]);
    run(['commit', '-q', '-m', `change ${file}`], date);
  };
  commit('content/a.mdx', first);
  writeFileSync(join(dir, 'content/b.mdx'), 'not committed\n');
  return { dir, commit };
}

describe('lastUpdated', () => {
  it('is the date of the last commit that touched the file, from the repository the file is in', () => {
    const { dir } = repo('2026-03-01T10:00:00Z');
    // The process runs in this project's repository; the file's own repository is asked.
    expect(lastUpdated(join(dir, 'content/a.mdx'))?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(lastUpdated(join(dir, 'content/b.mdx'))).toBeUndefined();
  });

  it('is undefined outside a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-nogit-'));
    writeFileSync(join(dir, 'a.mdx'), 'x\n');
    expect(lastUpdated(join(dir, 'a.mdx'))).toBeUndefined();
  });

  it('reads a folder once per build, and again on every call when asked for fresh dates (dev server)', () => {
    const { dir, commit } = repo('2026-03-01T10:00:00Z');
    const file = join(dir, 'content/a.mdx');
    expect(lastUpdated(file)?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    commit('content/a.mdx', '2026-04-02T12:00:00Z');
    expect(lastUpdated(file)?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(lastUpdated(file, { fresh: true })?.toISOString()).toBe('2026-04-02T12:00:00.000Z');
  });
});
