import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ValidationError } from '@aftershock/core';
import { ingestParquet, isParquetFile, loadSymbol, parquetProvenance, parquetSymbols, readParquetPrices } from '../src/index';
import { tempDir } from './helpers';

/** A small data root in the BackTester39 layout: two universe symbols (one with dividends) and a focus file. */
function makeRoot(): { dir: string } {
  const t = tempDir();
  mkdirSync(join(t.dir, 'universe/prices'), { recursive: true });
  mkdirSync(join(t.dir, 'universe/dividends'), { recursive: true });
  mkdirSync(join(t.dir, 'focus'), { recursive: true });
  t.write('universe/prices/AAA.csv', 'Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,1000\n2024-01-03,10.5,12,10,11,1200\n2024-01-04,11,11.5,10.5,11.25,900\n2024-01-05,11.25,11.3,10.8,11,800\n');
  t.write('universe/dividends/AAA_dividends.csv', 'Date,Dividend\n2024-01-04,0.25\n');
  t.write('universe/prices/BBB.csv', 'Date,Open,High,Low,Close,Volume\n2024-01-02,50,51,49,50.5,10\n2024-01-03,50.5,52,50,51,12\n2024-01-05,51,51.5,50.5,51.25,9\n');
  t.write('focus/CCC.csv', 'Date,Open,High,Low,Close,Volume\n2024-01-03,5,5.5,4.5,5.25,7\n2024-01-04,5.25,5.5,5,5.1,8\n');
  return t;
}

describe('Parquet price store (DuckDB)', () => {
  it('ingests a data root and reads back exactly what the CSV loader reads, with provenance', async () => {
    const root = makeRoot();
    const out = join(root.dir, 'store.parquet');
    const r = await ingestParquet(root.dir, out);
    expect(r).toMatchObject({ symbols: 3, rows: 9, sources: 4 });
    expect(isParquetFile(out)).toBe(true);
    expect(readdirSync(root.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(await parquetSymbols(out)).toEqual(['AAA', 'BBB', 'CCC']);
    const all = await readParquetPrices(out);
    for (const sym of ['AAA', 'BBB', 'CCC']) {
      const { source: _a, ...csv } = loadSymbol(root.dir, sym);
      const { source, ...pq } = all.get(sym)!;
      expect(pq).toEqual(csv);
      expect(source).toBe(out);
    }
    expect(all.get('AAA')!.dividend[2]).toBe(0.25);
    const meta = (await parquetProvenance(out))!;
    expect(meta.root).toBe(root.dir);
    const aaa = meta.files.find((f) => f.path === 'universe/prices/AAA.csv')!;
    expect(aaa.sha256).toBe(createHash('sha256').update(readFileSync(join(root.dir, 'universe/prices/AAA.csv'))).digest('hex'));
    expect(meta.files.map((f) => f.path).sort()).toEqual(['focus/CCC.csv', 'universe/dividends/AAA_dividends.csv', 'universe/prices/AAA.csv', 'universe/prices/BBB.csv']);
  });

  it('is long format sorted by symbol and date, each row naming its source file (read by DuckDB directly)', async () => {
    const root = makeRoot();
    const out = join(root.dir, 'store.parquet');
    await ingestParquet(root.dir, out);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await conn.runAndReadAll(`SELECT symbol, strftime(date, '%Y-%m-%d'), close, dividend, price_file, dividend_file FROM '${out}'`)).getRowsJS();
    expect(rows.map((x) => `${x[0]} ${x[1]}`)).toEqual([
      'AAA 2024-01-02', 'AAA 2024-01-03', 'AAA 2024-01-04', 'AAA 2024-01-05', 'BBB 2024-01-02', 'BBB 2024-01-03', 'BBB 2024-01-05', 'CCC 2024-01-03', 'CCC 2024-01-04',
    ]);
    expect(rows[2]).toEqual(['AAA', '2024-01-04', 11.25, 0.25, 'universe/prices/AAA.csv', 'universe/dividends/AAA_dividends.csv']);
    expect(rows[4]![5]).toBeNull();
  });

  it('pushes symbol and date filters and the column choice down into the Parquet scan', async () => {
    const root = makeRoot();
    const out = join(root.dir, 'store.parquet');
    await ingestParquet(root.dir, out);
    const part = await readParquetPrices(out, { symbols: ['AAA', 'ZZZ'], from: '2024-01-03', to: '2024-01-04', columns: 'close' });
    expect([...part.keys()]).toEqual(['AAA']);
    const a = part.get('AAA')!;
    expect(a.dates).toEqual(['2024-01-03', '2024-01-04']);
    expect([...a.close]).toEqual([11, 11.25]);
    expect(a.open).toBe(a.close);
    expect([...a.volume].every(Number.isNaN)).toBe(true);
    // adj_close was computed over the whole history at ingest: a date range gives the full load's numbers.
    const full = loadSymbol(root.dir, 'AAA');
    expect([...a.adjClose]).toEqual([full.adjClose[1], full.adjClose[2]]);
    // What DuckDB's planner does with such a read: the filters and the projection sit in the Parquet scan itself.
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const plan = (await conn.runAndReadAll(`EXPLAIN SELECT close, adj_close FROM read_parquet('${out}') WHERE symbol IN ('AAA') AND date >= DATE '2024-01-03'`)).getRowsJS().map((x) => String(x[1])).join('\n');
    expect(plan).toMatch(/READ_PARQUET|PARQUET_SCAN/);
    expect(plan).toMatch(/Filters:[\s\S]*symbol='AAA'/);
    expect(plan).toMatch(/Projections:[\s\S]*close/);
    expect(plan).not.toMatch(/Projections:[\s\S]*volume/);
  });

  it('writes nothing when a source file has errors, and names the file and line', async () => {
    const root = makeRoot();
    writeFileSync(join(root.dir, 'universe/prices/BAD.csv'), 'Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,oops,1\n');
    const out = join(root.dir, 'store.parquet');
    const e = await ingestParquet(root.dir, out).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    const p = (e as ValidationError).problems.find((x) => x.severity === 'error')!;
    expect(p).toMatchObject({ code: 'PRICE_BAD_NUMBER', line: 2, field: 'Close' });
    expect(p.file).toContain('BAD.csv');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root.dir).filter((f) => f.includes('store'))).toEqual([]);
  });

  it('refuses a file that is not a store with a coded error naming it', async () => {
    const t = tempDir();
    const notParquet = t.write('x.parquet', 'date,close\n');
    await expect(readParquetPrices(notParquet)).rejects.toMatchObject({ code: 'PARQUET_BAD_FILE', file: notParquet });
    await expect(readParquetPrices(join(t.dir, 'missing.parquet'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const other = join(t.dir, 'other.parquet');
    await conn.run(`COPY (SELECT 'A' AS symbol, DATE '2024-01-02' AS date, 1.0 AS close) TO '${other}' (FORMAT parquet)`);
    await expect(readParquetPrices(other)).rejects.toMatchObject({ code: 'PARQUET_MISSING_COLUMN', file: other });
  });
});
