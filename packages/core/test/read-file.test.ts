import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { depthExceeds, nestingTooDeep } from '../src/document-limits';
import { readRegularFile, readRegularFileBytes } from '../src/read-file';

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

describe('readRegularFileBytes with scratch reuses one buffer', () => {
  it('each read gives its own file exactly, with a 0 byte after it, in the buffer the next read reuses', () => {
    const big = 'a,b\n'.repeat(50_000);
    writeFileSync(join(dir, 'big.csv'), big);
    writeFileSync(join(dir, 'small.csv'), 'x,y\n1,2\n');
    const own = readRegularFileBytes(join(dir, 'small.csv'));
    const a = readRegularFileBytes(join(dir, 'big.csv'), { scratch: true });
    expect(a.toString('utf8')).toBe(big);
    expect(new Uint8Array(a.buffer, a.byteOffset, a.length + 1)[a.length]).toBe(0);
    const b = readRegularFileBytes(join(dir, 'small.csv'), { scratch: true });
    expect(b.toString('utf8')).toBe('x,y\n1,2\n');
    expect(new Uint8Array(b.buffer, b.byteOffset, b.length + 1)[b.length]).toBe(0);
    // The second read went into the first one's memory; a read without scratch has its own.
    expect(b.buffer).toBe(a.buffer);
    expect(own.buffer).not.toBe(a.buffer);
    expect(own.toString('utf8')).toBe('x,y\n1,2\n');
  });

  it('a text read between two uses of scratch bytes leaves them as they were', () => {
    const bytes = readRegularFileBytes(join(dir, 'small.csv'), { scratch: true });
    expect(readRegularFile(join(dir, 'big.csv'))).toBe('a,b\n'.repeat(50_000));
    expect(bytes.toString('utf8')).toBe('x,y\n1,2\n');
  });

  it('keeps the refusals and the size limit', () => {
    expect(codeOf(() => readRegularFileBytes(dir, { scratch: true }))).toBe('FILE_NOT_REGULAR');
    writeFileSync(join(dir, 'big2'), 'x'.repeat(2000));
    expect(() => readRegularFileBytes(join(dir, 'big2'), { scratch: true, maxBytes: 1000 })).toThrow(/2000 bytes, more than the limit of 1000/);
  });

  it('a file above the reused buffer\'s limit gets a buffer of its own', () => {
    const huge = 'z'.repeat(9 * 1024 * 1024);
    writeFileSync(join(dir, 'huge'), huge);
    const small = readRegularFileBytes(join(dir, 'small.csv'), { scratch: true });
    const h = readRegularFileBytes(join(dir, 'huge'), { scratch: true });
    expect(h.length).toBe(huge.length);
    expect(h.buffer).not.toBe(small.buffer);
    expect(small.toString('utf8')).toBe('x,y\n1,2\n');
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
