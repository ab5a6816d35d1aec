import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { depthExceeds, nestingTooDeep } from '../src/document-limits';
import { readRegularFile } from '../src/read-file';

const dir = mkdtempSync(join(tmpdir(), 'aftershock-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('readRegularFile refuses by type before reading', () => {
  it('reads a regular file', () => {
    writeFileSync(join(dir, 'a.csv'), 'x,y\n');
    expect(readRegularFile(join(dir, 'a.csv'))).toBe('x,y\n');
  });

  it('a FIFO, a device and a folder never block or read for ever', () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(codeOf(() => readRegularFile(join(dir, 'fifo')))).toBe('FILE_NOT_REGULAR');
    expect(codeOf(() => readRegularFile('/dev/zero'))).toBe('FILE_NOT_REGULAR');
    expect(codeOf(() => readRegularFile(dir))).toBe('FILE_NOT_REGULAR');
  });

  it('a dangling link, a link loop and a missing file each have their own code', () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    symlinkSync(join(dir, 'loop2'), join(dir, 'loop1'));
    symlinkSync(join(dir, 'loop1'), join(dir, 'loop2'));
    expect(codeOf(() => readRegularFile(join(dir, 'dangling')))).toBe('FILE_DANGLING_LINK');
    expect(codeOf(() => readRegularFile(join(dir, 'loop1')))).toBe('FILE_SYMLINK_LOOP');
    expect(codeOf(() => readRegularFile(join(dir, 'missing')))).toBe('FILE_NOT_FOUND');
  });

  it('a file over the limit is refused with its size', () => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(2000));
    expect(() => readRegularFile(join(dir, 'big'), { maxBytes: 1000 })).toThrow(/2000 bytes, more than the limit of 1000/);
  });
});

describe('nesting limits', () => {
  it('finds deep brackets and deep compact YAML nesting, with the line', () => {
    expect(nestingTooDeep('a: 1\nb: ' + '['.repeat(65) + ']'.repeat(65))).toBe(2);
    expect(nestingTooDeep('['.repeat(64) + ']'.repeat(64))).toBeUndefined();
    expect(nestingTooDeep('x: 1\n' + '? - '.repeat(40) + 'x\n')).toBe(2);
  });

  it('ignores brackets in quoted strings and comments, and an apostrophe hides nothing', () => {
    expect(nestingTooDeep(`a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\n`)).toBeUndefined();
    expect(nestingTooDeep(`d: CoreWeave's [${'['.repeat(100)}`)).toBe(1);
  });

  it('measures the depth of a parsed value without recursion', () => {
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(depthExceeds(v)).toBe(true);
    expect(depthExceeds({ a: [{ b: 1 }] })).toBe(false);
  });
});
