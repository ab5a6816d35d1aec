import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSymbols, loadSymbol, readParquetPrices, resolveDataRoot } from '@aftershock/data';
import { runScenario } from '@aftershock/scenario';
import { captureCli } from './support/run-cli';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'aftershock-parquet-'));
const store = join(work, 'prices.parquet');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = captureCli;

/** The flagship scenario with its data root replaced by `root` and its relative paths made absolute. */
function flagshipWithRoot(root: string): string {
  const text = readFileSync(join(REPO, 'scenarios/coreweave-2025.yaml'), 'utf8')
    .replaceAll('../data/', `${join(REPO, 'data')}/`)
    .replace('data:\n  benchmark: SPY', `data:\n  root: ${root}\n  benchmark: SPY`);
  expect(text).toContain(`root: ${root}`);
  const f = join(work, 'flagship-parquet.yaml');
  writeFileSync(f, text);
  return f;
}

beforeAll(async () => {
  const r = await cli(['data', 'ingest', '--out', store]);
  expect(r.err).not.toContain('aftershock:');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^wrote .*prices\.parquet: 360 symbols, \d+ bars from \d+ source files in /);
});

describe('aftershock data ingest of the default data root, then runs from the Parquet store', () => {
  it('holds every series of the data root exactly as the CSV loader reads it', async () => {
    const root = resolveDataRoot().dir;
    const all = await readParquetPrices(store);
    const symbols = listSymbols(root);
    expect([...all.keys()]).toEqual(symbols);
    // A plain loop: vitest's deep equality over 630k bars × 8 columns takes a minute.
    const differ: string[] = [];
    for (const sym of symbols) {
      const csv = loadSymbol(root, sym);
      const pq = all.get(sym)!;
      if (pq.length !== csv.length || pq.dates.join() !== csv.dates.join()) differ.push(`${sym} dates`);
      for (const k of ['session', 'open', 'high', 'low', 'close', 'volume', 'adjClose', 'dividend'] as const) {
        for (let i = 0; i < csv.length; i++) if (!Object.is(pq[k][i], csv[k][i])) differ.push(`${sym} ${k}[${i}]`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('the flagship with data.root = the Parquet file: same events, study, strategies, spillovers and comparison as from CSV', async () => {
    const csv = (await runScenario(join(REPO, 'scenarios/coreweave-2025.yaml'))).result;
    const pq = (await runScenario(flagshipWithRoot(store))).result;
    expect(pq.events.length).toBeGreaterThan(0);
    expect(pq.events).toEqual(csv.events);
    expect(pq.study).toEqual(csv.study);
    expect(pq.strategies).toEqual(csv.strategies);
    expect(pq.spillovers).toEqual(csv.spillovers);
    expect(pq.spilloverStudy).toEqual(csv.spilloverStudy);
    expect(pq.comparison).toEqual(csv.comparison);
    expect(pq.sweeps).toEqual(csv.sweeps);
    // Provenance names the store (with its sha256) instead of the CSV files.
    expect(pq.meta.inputs.some((i) => i.file.endsWith('prices.parquet'))).toBe(true);
    expect(pq.meta.inputs.some((i) => i.file.endsWith('CRWV.csv'))).toBe(false);
  });

  it('aftershock study --prices FILE.parquet writes the same tables as --prices FOLDER', async () => {
    const events = join(work, 'events.csv');
    writeFileSync(events, 'symbol,event_date,timing\nNVDA,2025-05-28,after-close\nMSFT,2025-07-30,after-close\nCRWV,2025-08-12,after-close\n');
    const args = (prices: string, out: string) => ['study', '--prices', prices, '--events', events, '--market', 'SPY', '--estimation=-65:-6', '--out', join(work, out)];
    const a = await cli(args(resolveDataRoot().dir, 'study-csv'));
    const b = await cli(args(store, 'study-parquet'));
    expect([a.code, b.code]).toEqual([0, 0]);
    const files = readdirSync(join(work, 'study-csv')).sort();
    expect(readdirSync(join(work, 'study-parquet')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(work, 'study-parquet', f), 'utf8'), f).toBe(readFileSync(join(work, 'study-csv', f), 'utf8'));
  });

  it('bad input: --out that is not .parquet, or a data root with a broken file, exits 2 and writes nothing', async () => {
    const r = await cli(['data', 'ingest', '--out', join(work, 'x.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out must name a .parquet file');
    const bad = mkdtempSync(join(work, 'bad-'));
    writeFileSync(join(bad, 'AAA.csv'), 'Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n2024-01-01,1,1,1,1,1\n');
    const out = join(work, 'bad.parquet');
    const b = await cli(['data', 'ingest', '--root', bad, '--out', out]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/AAA\.csv:3.*PRICE_/);
    expect(existsSync(out)).toBe(false);
  });

  it('a scenario whose data.root names a missing Parquet file is rejected before anything runs', async () => {
    const f = flagshipWithRoot(join(work, 'missing.parquet'));
    const r = await cli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/data\.root.*Parquet price store not found.*SCENARIO_MISSING_FILE/);
  });
});
