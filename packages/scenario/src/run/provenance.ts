import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

/** sha256 of each input file, with paths relative to `base` (forward slashes), sorted and de-duplicated. */
export function inputHashes(files: readonly string[], base: string): { file: string; sha256: string }[] {
  const seen = new Map<string, string>();
  for (const f of files) {
    const rel = relative(base, f).split(sep).join('/');
    if (seen.has(rel)) continue;
    seen.set(rel, createHash('sha256').update(readFileSync(f)).digest('hex'));
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, sha256]) => ({ file, sha256 }));
}
