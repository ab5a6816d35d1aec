import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestOf, staleReason, writeManifest, type Manifest } from '../build/manifest.mjs';

// The decision the bin makes at each start: is packages/cli/dist still the build of the sources? Checked on a
// throw-away folder standing for a checkout, so the real sources are never touched.
describe('the built CLI is rebuilt exactly when an input changed', () => {
  let root: string;
  let dist: string;
  let src: string;
  const manifest = (): Manifest => JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aftershock-build-'));
    dist = join(root, 'dist');
    mkdirSync(dist);
    src = join(root, 'a.ts');
    writeFileSync(src, 'export const a = 1;\n');
    writeFileSync(join(dist, 'main.mjs'), 'export {};\n');
    writeManifest(manifestOf([join(dist, 'main.mjs')], [src], root), dist);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a build without a manifest, or from another folder, is stale', () => {
    expect(staleReason(join(root, 'nowhere'), root)).toBe('no build yet');
    expect(staleReason(dist, join(root, 'moved'))).toBe(`built in ${root}`);
  });

  it('unchanged inputs: fresh', () => {
    expect(staleReason(dist, root)).toBeUndefined();
  });

  it('a new timestamp on the same contents: fresh, and the manifest remembers the timestamp', () => {
    utimesSync(src, new Date('2030-01-02T03:04:05Z'), new Date('2030-01-02T03:04:05Z'));
    expect(staleReason(dist, root)).toBeUndefined();
    expect(manifest().files[0]!.mtimeMs).toBe(Date.parse('2030-01-02T03:04:05Z'));
  });

  it('changed contents of the same size, or a removed input: stale', () => {
    const before = manifest().files[0]!;
    writeFileSync(src, 'export const a = 2;\n');
    utimesSync(src, new Date(before.mtimeMs + 1), new Date(before.mtimeMs + 1));
    expect(staleReason(dist, root)).toBe('a.ts changed');
    rmSync(src);
    expect(staleReason(dist, root)).toBe('a.ts is gone');
  });

  it('a missing output: stale', () => {
    rmSync(join(dist, 'main.mjs'));
    expect(staleReason(dist, root)).toBe('dist/main.mjs is missing');
  });
});
