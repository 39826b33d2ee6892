import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildMemo, codeDigest, memoKey, offerMemoEntries } from '../../src/lib/build-memo';
import { writeWhole } from '../../src/lib/write-whole';

describe('build memo', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'hv-memo-'));

  it('computes a missing value once and keeps it for the next build', () => {
    const d = dir();
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const first = new BuildMemo<{ n: number }>('facts', d, 'code-1');
    expect(first.through('a', compute)).toEqual({ n: 1 });
    expect(first.through('a', compute)).toEqual({ n: 1 });
    expect([first.hits, first.misses]).toEqual([1, 1]);
    first.save();
    const second = new BuildMemo<{ n: number }>('facts', d, 'code-1');
    expect(second.through('a', compute)).toEqual({ n: 1 });
    expect([second.hits, second.misses, calls]).toEqual([1, 0, 1]);
  });

  it('takes offered entries once, after the stored ones, and keeps those it used', () => {
    const d = dir();
    const last = new BuildMemo<string>('offers', d, 'code-1');
    last.through('stored', () => 'from the last build');
    last.save();
    offerMemoEntries('offers', [
      ['stored', 'offered too'],
      ['new', 'offered'],
      ['unused', 'offered, never asked for'],
    ]);
    const memo = new BuildMemo<string>('offers', d, 'code-1');
    expect(memo.peek('stored')).toBe('from the last build');
    expect(memo.peek('new')).toBeUndefined();
    expect(memo.through('stored', () => 'computed')).toBe('from the last build');
    expect(memo.through('new', () => 'computed')).toBe('offered');
    expect(memo.through('other', () => 'computed')).toBe('computed');
    expect([memo.hits, memo.preparedHits, memo.misses]).toEqual([1, 1, 1]);
    memo.save();
    expect(Object.keys(JSON.parse(readFileSync(memo.file, 'utf8')).entries).sort()).toEqual(['new', 'other', 'stored']);
    // Offers go to one memo: the next one of that name starts without them.
    const next = new BuildMemo<string>('offers', dir(), 'code-1');
    expect(next.through('new', () => 'computed')).toBe('computed');
  });

  it('drops everything when the code changed', () => {
    const d = dir();
    const old = new BuildMemo<string>('facts', d, 'code-1');
    old.through('a', () => 'old result');
    old.save();
    const next = new BuildMemo<string>('facts', d, 'code-2');
    expect(next.through('a', () => 'new result')).toBe('new result');
    expect(next.misses).toBe(1);
  });

  it('writes back only the entries this build used, and survives a damaged file', () => {
    const d = dir();
    const first = new BuildMemo<string>('facts', d, 'c');
    first.through('gone', () => 'a page that was deleted');
    first.through('kept', () => 'kept');
    first.save();
    const second = new BuildMemo<string>('facts', d, 'c');
    second.through('kept', () => 'recomputed');
    second.save();
    expect(Object.keys(JSON.parse(readFileSync(second.file, 'utf8')).entries)).toEqual(['kept']);
    expect(existsSync(`${second.file}.part`)).toBe(false);
    writeFileSync(second.file, '{"code":"c","entr');
    expect(new BuildMemo<string>('facts', d, 'c').through('kept', () => 'recomputed')).toBe('recomputed');
  });

  it('keys on every input, in order', () => {
    expect(memoKey('a', 'b')).not.toBe(memoKey('b', 'a'));
    expect(memoKey('ab', '')).not.toBe(memoKey('a', 'b'));
    expect(memoKey('a', 'b')).toBe(memoKey('a', 'b'));
  });

  it('digests the code: a changed source file changes the digest', () => {
    const root = dir();
    mkdirSync(join(root, 'src/lib'), { recursive: true });
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const before = codeDigest(root);
    const other = dir();
    mkdirSync(join(other, 'src/lib'), { recursive: true });
    writeFileSync(join(other, 'src/lib/a.ts'), 'export const a = 2;');
    writeFileSync(join(other, 'package-lock.json'), '{}');
    expect(codeDigest(other)).not.toBe(before);
    expect(codeDigest(root)).toBe(before);
  });
});

describe('writeWhole', () => {
  it('replaces a cache file in one step and leaves no temporary file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hv-whole-')), 'entry.svg');
    writeWhole(file, '<svg>old</svg>');
    writeWhole(file, Buffer.from('<svg>new</svg>'));
    expect(readFileSync(file, 'utf8')).toBe('<svg>new</svg>');
    expect(existsSync(`${file}.part`)).toBe(false);
  });
});
