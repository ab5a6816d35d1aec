import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '@aftershock/report';
import { sampleResult } from '../packages/report/test/fixture';

/*
 * Every hostile input of issue 16 through the real CLI process: each ends within seconds with exit 2 (bad input) and
 * a coded message naming the file (and line or field where there is one) — never a native abort, a hang or a stack.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'packages/cli/bin/aftershock.mjs');
const FOCUS = join(ROOT, '../shared/data/real/backtester39/focus');
const dir = mkdtempSync(join(tmpdir(), 'aftershock-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; signal: NodeJS.Signals | null; err: string; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, AFTERSHOCK_DATA: '' } });
  return { status: r.status, signal: r.signal, err: r.stderr, out: r.stdout };
}

/** Exit 2, no stack trace, no native abort, the code and the file (and `where`) in the message. */
function refused(r: ReturnType<typeof cli>, code: string, where: string): void {
  expect(r.signal, `killed by ${r.signal} (a hang or an abort)`).toBeNull();
  expect(r.status, r.err).toBe(2);
  expect(r.err).toContain(`[${code}]`);
  expect(r.err).toContain(where);
  expect(r.err).not.toMatch(/FATAL|\n\s+at /);
}

const fifo = join(dir, 'pipe.csv');
beforeAll(() => {
  execFileSync('mkfifo', [fifo]);
  expect(spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT }).status).toBe(0);
});

const scenario = (name: string, body: string): string => {
  const f = join(dir, name);
  writeFileSync(f, body);
  return f;
};

describe('hostile documents', () => {
  it('a YAML alias bomb in a scenario: SCENARIO_TOO_LARGE at the line of the alias', () => {
    const f = scenario('bomb.yaml', `name: x\ndescription: &a x\ndata: { benchmark: SPY }\nevents:\n  list: [${Array(150).fill('*a').join(', ')}]\n`);
    refused(cli('validate', f), 'SCENARIO_TOO_LARGE', 'bomb.yaml:5');
    refused(cli('run', f), 'SCENARIO_TOO_LARGE', 'bomb.yaml:5');
  });

  it('two deeply nested JSON calendars given to data inspect: both named, no out-of-memory abort', () => {
    const deep = '['.repeat(1000) + ']'.repeat(1000);
    const a = scenario('a.json', deep);
    const b = scenario('b.json', deep);
    const r = cli('data', 'inspect', '--root', FOCUS, '--events', a, b);
    refused(r, 'EVENT_TOO_LARGE', 'a.json:1');
    expect(r.err).toContain('b.json:1');
  });

  it('a report.json with a wrongly typed field: RESULT_INVALID naming the field', () => {
    const good = join(dir, 'good');
    // A valid report.json (it renders), then the same with one field of the wrong type.
    const result = JSON.parse(renderJson(sampleResult())) as { events: { pricePath: unknown }[] };
    const ok = scenario('ok.json', JSON.stringify(result));
    expect(cli('report', ok, '--out', good).status).toBe(0);
    result.events[0]!.pricePath = 'x';
    refused(cli('report', scenario('bad.json', JSON.stringify(result)), '--out', join(dir, 'bad-out')), 'RESULT_INVALID', 'events[0].pricePath');
  });
});

describe('files that are not regular files', () => {
  it('a FIFO as the scenario, an event calendar, a price file and a report.json is refused by type, at once', () => {
    refused(cli('validate', fifo), 'FILE_NOT_REGULAR', 'pipe.csv');
    refused(cli('report', fifo), 'FILE_NOT_REGULAR', 'pipe.csv');
    refused(cli('data', 'inspect', '--root', FOCUS, '--events', fifo), 'FILE_NOT_REGULAR', 'pipe.csv');
    const f = scenario('fifo-prices.yaml', `name: x\ndata: { benchmark: SPY, files: { SPY: ${fifo} } }\nevents: { list: [{ symbol: SPY, date: 2025-08-12 }] }\n`);
    refused(cli('validate', f), 'FILE_NOT_REGULAR', 'fifo-prices.yaml:2');
    const g = scenario('fifo-events.yaml', `name: x\ndata: { benchmark: SPY }\nevents: { files: [${fifo}] }\n`);
    refused(cli('run', g), 'FILE_NOT_REGULAR', 'fifo-events.yaml:3');
    refused(cli('study', '--prices', fifo, '--events', fifo, '--market', 'SPY', '--out', join(dir, 's')), 'FILE_NOT_REGULAR', 'pipe.csv');
  });

  it('--out under /proc is refused before any work (a recursive mkdir there loops for ever)', () => {
    const f = scenario('proc.yaml', `name: x\ndata: { benchmark: SPY, root: ${FOCUS} }\nevents: { list: [{ symbol: CRWV, date: 2025-08-12 }] }\n`);
    refused(cli('run', f, '--out', '/proc/aftershock/out'), 'OUTPUT_NOT_WRITABLE', '/proc/aftershock/out');
  });

  it('a dangling link and a symlink loop as price files are reported as such, by validate, run and study', () => {
    const root = join(dir, 'root');
    mkdirSync(root);
    copyFileSync(join(FOCUS, 'SPY.csv'), join(root, 'SPY.csv'));
    symlinkSync(join(root, 'nowhere.csv'), join(root, 'CRWV.csv'));
    symlinkSync(join(root, 'NVDA.csv'), join(root, 'MSFT.csv'));
    symlinkSync(join(root, 'MSFT.csv'), join(root, 'NVDA.csv'));
    const f = scenario('links.yaml', `name: x\ndata: { benchmark: SPY, root: ${root} }\nevents:\n  list:\n    - { symbol: CRWV, date: 2025-08-12 }\n    - { symbol: NVDA, date: 2025-08-27 }\n`);
    const v = cli('validate', f);
    refused(v, 'FILE_DANGLING_LINK', 'links.yaml:5');
    expect(v.err).toContain('links.yaml:6');
    expect(v.err).toContain('[FILE_SYMLINK_LOOP]');
    expect(v.err).not.toContain('unknown symbol');
    refused(cli('run', f), 'FILE_DANGLING_LINK', 'CRWV.csv');
    const events = scenario('ev.csv', 'symbol,date,timing\nCRWV,2025-08-12,after-close\n');
    refused(cli('study', '--prices', root, '--events', events, '--market', 'SPY', '--out', join(dir, 'st')), 'FILE_DANGLING_LINK', 'CRWV.csv');
    refused(cli('study', '--prices', join(root, 'NVDA.csv'), '--events', events, '--market', 'SPY', '--out', join(dir, 'st')), 'FILE_SYMLINK_LOOP', 'NVDA.csv');
  });
});
