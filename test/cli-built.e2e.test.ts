import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { staleReason } from '../packages/cli/build/manifest.mjs';

// The linked `aftershock` bin as a user runs it: plain JavaScript from packages/cli/dist (built, or rebuilt when
// a source changed, by the bin itself), never the TypeScript sources through tsx.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'aftershock.mjs');
const base = mkdtempSync(join(tmpdir(), 'aftershock-e2e-built-'));

function aftershock(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AFTERSHOCK_DATA: '', ...env } });
}

describe('the built aftershock bin', () => {
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('--version runs the build and prints the cli package version', () => {
    const r = aftershock(['--version'], { AFTERSHOCK_DEBUG: '1' });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.stderr).toBe('aftershock: running the build in packages/cli/dist\n');
    expect(staleReason()).toBeUndefined();
  });

  it('runs the flagship scenario to the same report as the sources (golden report.md)', () => {
    const out = join(base, 'coreweave');
    const r = aftershock(['run', 'scenarios/coreweave-2025.yaml', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/CRWV:earnings:2025-08-12 +2025-08-13 +−20\.8%/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'test', 'golden', 'coreweave-2025.report.md'), 'utf8'));
  });

  it('bad input: exit 2 with the coded error and no stack trace', () => {
    const r = aftershock(['validate', 'scenarios/no-such-file.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenarios/no-such-file.yaml: scenario file not found [SCENARIO_MISSING_FILE]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command: exit 2 with the help hint', () => {
    const r = aftershock(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
