import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AftershockError, isoToDayNumber, Problems, ValidationError, type TradingCalendar } from '@aftershock/core';
import { duckdb, sqlString } from './parquet-db';
import { StoreTable } from './parquet-rows';
import { PARQUET_FORMAT, PARQUET_FORMAT_VERSION, PARQUET_META_KEY, PARQUET_ROW_GROUP, type ParquetProvenance } from './parquet-format';
import { findSymbolFiles, listSymbols, loadSymbol } from './store';

export interface IngestOptions {
  readonly calendar?: TradingCalendar;
  /** Gathers warnings (and errors) of every source file. */
  readonly problems?: Problems;
}

export interface IngestResult {
  readonly file: string;
  readonly symbols: number;
  readonly rows: number;
  readonly sources: number;
}

/**
 * Writes every price and dividend series of a data root (each symbol as `loadSymbol` reads it: focus/ first, then
 * universe/prices/, prices/, the root) into one Parquet file, sorted by symbol and date, with each source file's
 * path and sha256 in the file metadata. Every file is validated first: on any error nothing is written (one
 * ValidationError lists them all). The file is written under a temporary name and renamed.
 *
 * @example await ingestParquet('../shared/data/real/backtester39', 'prices.parquet') // → { symbols: 363, rows: … }
 */
export async function ingestParquet(root: string, out: string, opts: IngestOptions = {}): Promise<IngestResult> {
  const dir = resolve(root);
  const symbols = listSymbols(dir);
  if (symbols.length === 0) throw new AftershockError('DATA_EMPTY_UNIVERSE', `no price files in ${dir}`, { file: dir });
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const table = await StoreTable.create();
  try {
    const sources: ParquetProvenance['files'][number][] = [];
    const row = new Float64Array(7);
    for (const symbol of symbols) {
      const files = findSymbolFiles(dir, symbol)!;
      let bars;
      try {
        bars = loadSymbol(dir, symbol, { problems, ...(opts.calendar ? { calendar: opts.calendar } : {}) });
      } catch (e) {
        if (e instanceof ValidationError) continue; // its problems are in `problems`; reported together below
        throw e;
      }
      const priceFile = relative(dir, files.prices);
      const divFile = files.dividends !== undefined ? relative(dir, files.dividends) : null;
      for (const f of [files.prices, files.dividends, files.splits]) if (f !== undefined) sources.push(source(dir, f));
      const sid = table.addSymbol(symbol, priceFile, divFile);
      for (let i = 0; i < bars.length; i++) {
        row[0] = bars.open[i]!;
        row[1] = bars.high[i]!;
        row[2] = bars.low[i]!;
        row[3] = bars.close[i]!;
        row[4] = bars.volume[i]!;
        row[5] = bars.adjClose[i]!;
        row[6] = bars.dividend[i]!;
        table.add(sid, isoToDayNumber(bars.dates[i]!), row);
      }
    }
    await table.close();
    if (problems.list.slice(before).some((p) => p.severity === 'error')) throw new ValidationError(problems.list.slice(before));
    const file = resolve(out);
    const meta: ParquetProvenance = { format: PARQUET_FORMAT, version: PARQUET_FORMAT_VERSION, root: dir, files: sources };
    await writeParquet(table.select(), file, meta);
    return { file, symbols: symbols.length, rows: table.rows, sources: sources.length };
  } finally {
    await table.drop();
  }
}

/** COPY a query's rows to `file` through a temporary name (renamed when complete), with the provenance as metadata. */
export async function writeParquet(query: string, file: string, meta: ParquetProvenance): Promise<void> {
  const conn = await duckdb();
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await conn.run(
      `COPY (${query}) TO ${sqlString(tmp)} ` +
        `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${PARQUET_ROW_GROUP}, KV_METADATA {${PARQUET_META_KEY}: ${sqlString(JSON.stringify(meta))}})`,
    );
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AftershockError('IO_FAILED', `could not write ${file}: ${(e as Error).message}`, { file });
  }
}

function source(dir: string, f: string): ParquetProvenance['files'][number] {
  const bytes = statSync(f).size;
  return { path: relative(dir, f), sha256: createHash('sha256').update(readFileSync(f)).digest('hex'), bytes };
}
