import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_ENV, SAMPLE_SPAN } from '@aftershock/data';
import { parseResultJson, renderReports, type RunResult } from '@aftershock/report';
import { runScenario } from '@aftershock/scenario';

// The embedded sample (data/sample/) against the full files it was cut from, and the flagship run from it in a
// checkout with no ../shared beside it, as on a fresh clone.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(ROOT, 'data', 'sample');
const FULL = join(ROOT, '..', 'shared', 'data', 'real', 'backtester39', 'focus');
const SYMBOLS = ['CRWV', 'SPY', 'NVDA', 'MSFT', 'QQQ'];
const FLAGSHIP = 'scenarios/coreweave-2025.yaml';
const box = mkdtempSync(join(tmpdir(), 'aftershock-sample-'));

/** CRWV pays no dividend: it needs nothing after the backtest period's end; the others run to the data's end. */
const lastOf = (sym: string) => (sym === 'CRWV' ? '2025-12-31' : SAMPLE_SPAN.to);
const lines = (f: string): string[] => readFileSync(f, 'utf8').split('\n').filter((l) => l !== '');

/**
 * A checkout with no ../shared beside it: `<box>/<name>/main` holds what a clone holds for this run (the workspace
 * file, packages/data, the flagship scenario, the project's calendars and the sample). `edit` may change the sample.
 */
function bareCheckout(name: string, edit?: (file: string, rows: string[]) => string[]): string {
  const repo = join(box, name, 'main');
  mkdirSync(join(repo, 'packages', 'data'), { recursive: true });
  mkdirSync(join(repo, 'scenarios'));
  cpSync(join(ROOT, 'pnpm-workspace.yaml'), join(repo, 'pnpm-workspace.yaml'));
  cpSync(join(ROOT, FLAGSHIP), join(repo, FLAGSHIP));
  cpSync(join(ROOT, 'data'), join(repo, 'data'), { recursive: true });
  if (edit) {
    for (const f of readdirSync(join(repo, 'data', 'sample')).filter((x) => x.endsWith('.csv'))) {
      const [head, ...rows] = lines(join(repo, 'data', 'sample', f));
      writeFileSync(join(repo, 'data', 'sample', f), [head, ...edit(f, rows)].join('\n') + '\n');
    }
  }
  return repo;
}

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, AFTERSHOCK_DATA: '' },
  });
}

const readReports = (dir: string) => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

afterAll(() => rmSync(box, { recursive: true, force: true }));

describe('data/sample', () => {
  it('holds, per file, exactly the rows of the full file dated in its span, byte for byte', () => {
    const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).sort();
    for (const sym of SYMBOLS) {
      for (const f of [`${sym}.csv`, `${sym}_dividends.csv`]) {
        const [head, ...rows] = lines(join(FULL, f));
        const want = rows.filter((r) => r.slice(0, 10) >= SAMPLE_SPAN.from && r.slice(0, 10) <= lastOf(sym));
        if (want.length === 0) {
          expect(files, `${f}: no row in the span, so no file`).not.toContain(f);
          continue;
        }
        expect(lines(join(SAMPLE, f)), f).toEqual([head, ...want]);
      }
    }
    expect(files).toEqual(['CRWV.csv', 'MSFT.csv', 'MSFT_dividends.csv', 'NVDA.csv', 'NVDA_dividends.csv', 'QQQ.csv', 'QQQ_dividends.csv', 'SPY.csv', 'SPY_dividends.csv']);
    // Every series but CRWV (listed 2025-03-28) starts on the same session: a later start would read as a new listing.
    for (const sym of SYMBOLS) {
      const rows = lines(join(SAMPLE, `${sym}.csv`)).slice(1);
      expect(rows[0]!.slice(0, 10), sym).toBe(sym === 'CRWV' ? '2025-03-28' : SAMPLE_SPAN.from);
      expect(rows[rows.length - 1]!.slice(0, 10), sym).toBe(lastOf(sym));
    }
    const bytes = readdirSync(SAMPLE).reduce((n, f) => n + statSync(join(SAMPLE, f)).size, 0);
    expect(bytes).toBeLessThan(300_000);
    expect(existsSync(join(SAMPLE, 'README.md'))).toBe(true);
    expect(readFileSync(join(SAMPLE, 'README.md'), 'utf8')).toMatch(/Apache-2\.0[\s\S]*Yahoo Finance/);
  });
});

describe('the flagship on a checkout with no ../shared', () => {
  const fromSample = join(box, 'from-sample');
  const env = process.env[DATA_ENV];
  let repo: string;
  let sampleRun: ReturnType<typeof cli>;
  let full: RunResult;
  beforeAll(async () => {
    delete process.env[DATA_ENV];
    repo = bareCheckout('alone');
    expect(existsSync(join(repo, '..', '..', 'shared'))).toBe(false);
    sampleRun = cli(['run', join(repo, FLAGSHIP), '--out', fromSample]);
    full = (await runScenario(join(ROOT, FLAGSHIP))).result;
  });
  afterAll(() => {
    if (env !== undefined) process.env[DATA_ENV] = env;
  });

  it('runs from the sample and says so on the terminal', () => {
    expect(sampleRun.stderr).toBe('');
    expect(sampleRun.status).toBe(0);
    expect(sampleRun.stdout).toMatch(/CRWV:earnings:2025-08-12 +2025-08-13 +−20\.8%/);
    expect(sampleRun.stdout).toMatch(/Note: Prices come from the embedded sample data\/sample\//);
  });

  it("writes the full data's reports, file for file: only the input hashes and the sample note differ", () => {
    const b = readReports(fromSample);
    const rb = parseResultJson(b.get('report.json')!.toString('utf8'));
    expect(full.meta.inputs.some((i) => i.file.includes('/backtester39/focus/'))).toBe(true);
    // The sample run's notes are the full run's, after the one that names the sample.
    expect(rb.meta.notes.slice(1)).toEqual(full.meta.notes);
    expect(rb.meta.notes[0]).toMatch(/^Prices come from the embedded sample/);
    // The inputs: the same scenario and calendars with the same hashes; the price files are the sample's (CRWV has no
    // dividends file there).
    const isPrice = (f: string) => f.startsWith('../data/sample/') || f.includes('/backtester39/');
    const others = (r: RunResult) => r.meta.inputs.filter((i) => !isPrice(i.file));
    const prices = (r: RunResult) => r.meta.inputs.filter((i) => isPrice(i.file)).map((i) => i.file);
    expect(others(rb)).toEqual(others(full));
    expect(others(full).map((i) => i.file)).toEqual(['../data/earnings.csv', '../data/ipos.csv', '../data/lockups.csv', '../data/relations.csv', 'coreweave-2025.yaml']);
    expect(prices(rb)).toEqual(prices(full).filter((f) => !f.endsWith('CRWV_dividends.csv')).map((f) => `../data/sample/${basename(f)}`));

    // The full data's result, given the sample run's inputs and notes, renders to the sample run's files byte for byte.
    const swapped: RunResult = { ...full, meta: { ...full.meta, inputs: rb.meta.inputs, notes: rb.meta.notes } };
    const want = renderReports(swapped, ['html', 'md', 'json', 'csv']);
    expect([...b.keys()]).toEqual([...want.keys()].sort());
    for (const [f, text] of want) expect(b.get(f)!.toString('utf8'), f).toBe(text);
  });

  it('needs its first session: one session fewer at the start changes the report', async () => {
    const strip = (r: RunResult) => JSON.stringify({ ...r, meta: { ...r.meta, inputs: [], notes: r.meta.notes.filter((n) => !n.startsWith('Prices come from the embedded sample')) } });
    const lateStart = bareCheckout('late-start', (_f, rows) => rows.filter((r) => r.slice(0, 10) > SAMPLE_SPAN.from));
    const sample = parseResultJson(readFileSync(join(fromSample, 'report.json'), 'utf8'));
    expect(strip(sample)).toBe(strip(parseResultJson(renderReports(full, ['json']).get('report.json')!)));
    for (const r of [lateStart]) {
      const run = await runScenario(join(r, FLAGSHIP));
      expect(strip(run.result), r).not.toBe(strip(full));
    }
  });
});
