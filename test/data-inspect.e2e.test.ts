import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI as a user would (`npx tsx …`), or straight through node with the tsx loader (faster, same code). */
function cli(via: 'npx' | 'node', ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const [cmd, pre] = via === 'npx' ? ['npx', ['tsx']] : [process.execPath, ['--import', 'tsx']];
  const r = spawnSync(cmd, [...pre, 'packages/cli/src/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AFTERSHOCK_DATA: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aftershock data inspect (end to end)', () => {
  it('CRWV: range, bars, gaps, dividends and its events with day 0', () => {
    const r = cli('npx', 'data', 'inspect', 'CRWV');
    expect(r.stderr).not.toContain('aftershock:'); // no error reported (npx itself may print notices)
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('data root: ');
    expect(r.stdout).toMatch(/backtester39 \(checkout\)/);
    expect(r.stdout).toContain('2025-03-28 .. 2026-05-29: 294 bars of 294 calendar sessions, no gaps');
    expect(r.stdout).toContain('dividends  none in range');
    expect(r.stdout).toMatch(/2025-08-12 {2}earnings +after-close day 0 2025-08-13 .*EPS -0\.6 vs -0\.23/);
    expect(r.stdout).toMatch(/2025-08-14 {2}lockup-expiry +after-close day 0 2025-08-15 .*confirmed/);
  });

  it('an unknown symbol exits 2 with a clear message and no stack trace', () => {
    const r = cli('npx', 'data', 'inspect', 'NOSUCHSYM');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no price file for "NOSUCHSYM"');
    expect(r.stderr).toContain('[DATA_UNKNOWN_SYMBOL]');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('--root pointing nowhere says how to provide data; --help works', () => {
    const r = cli('node', 'data', 'inspect', '--root', '/nonexistent-aftershock', 'CRWV');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATA_ROOT_NOT_FOUND');
    expect(r.stderr).toContain('AFTERSHOCK_DATA=DIR');
    const h = cli('node', 'data', 'inspect', '--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--events <files...>');
  });
});
