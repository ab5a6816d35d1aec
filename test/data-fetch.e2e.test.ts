import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// End to end, as a user runs it: `aftershock data fetch ...`, with yahoo-finance2's HTTP replayed from recordings
// (AFTERSHOCK_FETCH_REPLAY), then the cache used as the data root of `aftershock data inspect`.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIX = join(ROOT, 'packages', 'data', 'test', 'fixtures', 'yahoo');
const box = mkdtempSync(join(tmpdir(), 'aftershock-fetch-e2e-'));
afterAll(() => rmSync(box, { recursive: true, force: true }));

function cli(args: string[], replay: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, AFTERSHOCK_FETCH_REPLAY: join(FIX, replay), AFTERSHOCK_DATA: '' },
  });
}

describe('aftershock data fetch', () => {
  const cache = join(box, 'cache');

  it('fetches CRWV into a cache folder that is a data root with its earnings calendar', () => {
    const r = cli(['data', 'fetch', 'CRWV', '--from', '2025-08-01', '--to', '2025-11-14', '--out', cache], 'ok');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CRWV     75 bars 2025-08-01 .. 2025-11-14, 0 dividends, 0 splits, 2 earnings dates');
    expect(r.stdout).toContain(`Wrote 1 symbol(s) to ${cache}`);
    expect(readdirSync(cache).sort()).toEqual(['README.md', 'dividends', 'events', 'fetch.json', 'prices']);

    const inspect = cli(['data', 'inspect', 'CRWV', '--root', cache, '--events', join(cache, 'events', 'earnings.csv')], 'offline');
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toMatch(/sessions +2025-08-01 \.\. 2025-11-14: 75 bars/);
    expect(inspect.stdout).toMatch(/2025-08-12 +earnings +after-close +day 0 2025-08-13 +Q2 FY2025, EPS -0\.6 vs -0\.23/);
  });

  it('a symbol that does not exist: exit 1, the error names it, the cache is untouched', () => {
    const before = readFileSync(join(cache, 'prices', 'CRWV.csv'), 'utf8');
    const r = cli(['data', 'fetch', 'CRWV', 'NOSUCHXYZ', '--from', '2025-08-01', '--to', '2025-11-14', '--out', cache], 'nosuch');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^aftershock: NOSUCHXYZ: Yahoo Finance has no such symbol .*\[FETCH_UNKNOWN_SYMBOL\]\naftershock: nothing was written\.\n$/);
    expect(r.stdout).toContain('CRWV     75 bars');
    expect(readFileSync(join(cache, 'prices', 'CRWV.csv'), 'utf8')).toBe(before);
    expect(existsSync(join(cache, 'prices', 'NOSUCHXYZ.csv'))).toBe(false);
    expect(readdirSync(box)).toEqual(['cache']);
  });

  it('a partial response and no network: exit 1 with a clear message naming the symbol, nothing written', () => {
    const out = join(box, 'fresh');
    const partial = cli(['data', 'fetch', 'CRWV', '--from', '2025-08-01', '--to', '2025-11-14', '--out', out], 'partial');
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/^aftershock: CRWV: Yahoo Finance sent an incomplete or unexpected chart response .*\[FETCH_BAD_RESPONSE\]/);
    const offline = cli(['data', 'fetch', 'CRWV', '--from', '2025-08-01', '--to', '2025-11-14', '--out', out], 'offline');
    expect(offline.status).toBe(1);
    expect(offline.stderr).toMatch(/^aftershock: CRWV: cannot reach Yahoo Finance \(chart: fetch failed, ENOTFOUND\)\. Check the network connection and try again\. \[FETCH_NO_NETWORK\]/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(box)).toEqual(['cache']);
  });

  it('bad arguments exit 2 before anything is fetched; --help documents the command', () => {
    const r = cli(['data', 'fetch', 'CRWV', '--from', '2025-02-30', '--out', join(box, 'x')], 'offline');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--from: expected a date YYYY-MM-DD, got "2025-02-30" [FETCH_BAD_ARGUMENT]');
    const help = cli(['data', 'fetch', '--help'], 'offline');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--from <date>[\s\S]*--to <date>[\s\S]*--out <dir>/);
  });
});
