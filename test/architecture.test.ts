import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

/** Which workspace packages each package may import (ARCHITECTURE.md); imports go one way only. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  data: ['core'],
  engine: ['core'],
  study: ['core'],
  strategy: ['core', 'engine', 'study'],
  report: ['core'],
  scenario: ['core', 'data', 'engine', 'study', 'strategy', 'report'],
  cli: ['core', 'data', 'study', 'report', 'scenario'],
  bench: ['core', 'data', 'engine', 'study', 'strategy', 'cli'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('package boundaries', () => {
  const pkgs = readdirSync(join(ROOT, 'packages'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('every package is known to the table', () => {
    expect(pkgs.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  for (const name of Object.keys(ALLOWED)) {
    it(`${name} depends only on ${ALLOWED[name]!.join(', ') || 'no workspace package'}`, () => {
      const pj = JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; exports: Record<string, unknown> };
      const deps = Object.keys(pj.dependencies ?? {}).filter((d) => d.startsWith('@aftershock/')).map((d) => d.slice(12));
      expect(deps.filter((d) => !ALLOWED[name]!.includes(d))).toEqual([]);
      expect(pj.exports['.']).toBe('./src/index.ts');
      // Source imports must match the declared edges too, and never reach into another package's files.
      const bad: string[] = [];
      for (const f of sourceFiles(join(ROOT, 'packages', name, 'src'))) {
        for (const m of readFileSync(f, 'utf8').matchAll(/from '(@aftershock\/[^']+|\.\.\/\.\.\/[^']+)'/g)) {
          const spec = m[1]!;
          const target = spec.startsWith('@aftershock/') ? spec.slice(12) : 'relative:' + spec;
          if (!ALLOWED[name]!.includes(target)) bad.push(`${f.slice(ROOT.length)} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
