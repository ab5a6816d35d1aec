import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AftershockError, isoToDayNumber, isValidIsoDate, xnysCalendar, type IsoDate } from '@aftershock/core';
import { duckdb, sqlString } from './parquet-db';
import { PARQUET_FORMAT, PARQUET_FORMAT_VERSION, type ParquetProvenance } from './parquet-format';
import { writeParquet } from './parquet-ingest';
import { StoreTable } from './parquet-rows';
import { marketBars, marketReturns, stockSeries, tickerName, type SynthBars, type SynthEarnings } from './synth-model';

export interface SynthOptions {
  readonly tickers: number;
  readonly years: number;
  readonly seed: number;
  /** First session on or after this date (default 2005-01-01); the span runs `years` calendar years from it. */
  readonly from?: IsoDate;
  /** The market index's symbol (default MKT). */
  readonly market?: string;
  /** Earnings releases per ticker over its listed span (default 4 a year). */
  readonly eventsPerTicker?: number;
  /** The Parquet store to write. */
  readonly out: string;
  /** An earnings calendar of the releases (project earnings CSV format). */
  readonly events?: string;
  /** Symbols generated per step (default 100: about 500,000 rows over 20 years held at a time). */
  readonly chunk?: number;
  readonly onProgress?: (symbolsDone: number, symbols: number) => void;
}

export interface SynthResult {
  readonly file: string;
  readonly symbols: number;
  readonly sessions: number;
  readonly rows: number;
  readonly events: number;
  readonly eventsFile?: string;
}

/** The largest universe the generator takes (the ticker names are four letters). */
export const SYNTH_MAX_TICKERS = 26 ** 4;

/** DuckDB's memory cap while generating (5,000 tickers × 20 years: peak RSS ~550 MB instead of ~1.75 GB). */
const SYNTH_MEMORY_LIMIT = '512MB';

function bad(field: string, msg: string): AftershockError {
  return new AftershockError('SYNTH_BAD_OPTION', msg, { field });
}

/**
 * Writes a seeded synthetic universe (synth-model.ts: a market factor, idiosyncratic GBM, earnings jumps, volume)
 * straight to a Parquet store of `data ingest`'s layout, and optionally its earnings calendar. The same options
 * give byte-identical files. Memory stays bounded: `chunk` symbols are generated, appended to DuckDB and written as
 * one part file at a time, and the parts are then streamed into the store in order by one COPY. Both files are
 * written under temporary names and renamed when complete.
 *
 * @example await synthUniverse({ tickers: 5000, years: 20, seed: 7, out: 'synth.parquet', events: 'synth-earnings.csv' })
 */
export async function synthUniverse(o: SynthOptions): Promise<SynthResult> {
  if (!Number.isInteger(o.tickers) || o.tickers < 1 || o.tickers > SYNTH_MAX_TICKERS) throw bad('tickers', `--tickers must be a whole number from 1 to ${SYNTH_MAX_TICKERS}, got ${o.tickers}`);
  if (!Number.isInteger(o.years) || o.years < 1) throw bad('years', `--years must be a whole number ≥ 1, got ${o.years}`);
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw bad('seed', `--seed must be a whole number from 0 to 4294967295, got ${o.seed}`);
  const perTicker = o.eventsPerTicker ?? 4 * o.years;
  if (!Number.isInteger(perTicker) || perTicker < 0) throw bad('events-per-ticker', `--events-per-ticker must be a whole number ≥ 0, got ${perTicker}`);
  const chunk = o.chunk ?? 100;
  const market = o.market ?? 'MKT';
  if (!/^[A-Z0-9.^-]{1,12}$/.test(market) || /^[A-Z]{4}$/.test(market)) throw bad('market', `--market must be 1–12 of A-Z 0-9 . ^ - and not four letters (the tickers' names), got ${market}`);
  const from = o.from ?? '2005-01-01';
  if (!isValidIsoDate(from)) throw bad('from', `--from must be a date YYYY-MM-DD, got ${from}`);
  const cal = xnysCalendar();
  const endYear = Number(from.slice(0, 4)) + o.years;
  const until = `${endYear}${from.slice(4)}` as IsoDate;
  if (from < cal.first || until > cal.last) throw bad('years', `the span ${from}..${until} must lie inside the ${cal.name} calendar (${cal.first}..${cal.last})`);
  const s0 = cal.ordinalOnOrAfter(from);
  const s1 = cal.ordinalOnOrBefore(until) - (cal.ordinal(until) >= 0 ? 1 : 0);
  const n = s1 - s0 + 1;
  const days = Int32Array.from({ length: n }, (_, t) => isoToDayNumber(cal.date(s0 + t)));

  const file = resolve(o.out);
  const parts = join(dirname(file), `.${process.pid}-synth-parts`);
  const eventsTmp = o.events !== undefined ? `${resolve(o.events)}.tmp-${process.pid}` : undefined;
  mkdirSync(parts, { recursive: true });
  // DuckDB would otherwise cache up to 80% of RAM while merging the parts; the output does not depend on it.
  const conn = await duckdb();
  const limit = String((await conn.runAndReadAll(`SELECT current_setting('memory_limit')`)).getRowsJS()[0]![0]);
  await conn.run(`SET memory_limit = '${SYNTH_MEMORY_LIMIT}'`);
  let fd = eventsTmp !== undefined ? openSync(eventsTmp, 'w') : undefined;
  try {
    if (fd !== undefined) writeSync(fd, 'symbol,date,timing,fiscal_period,eps_actual,eps_estimate,revenue_actual,revenue_estimate,known_at,source\n');
    const m = marketReturns(o.seed, n);
    // Symbols in store order (sorted); the market takes its sorted place among the tickers.
    const symbols = [...Array.from({ length: o.tickers }, (_, i) => tickerName(i)), market].sort();
    const files: string[] = [];
    let rows = 0;
    let events = 0;
    for (let at = 0; at < symbols.length; at += chunk) {
      const table = await StoreTable.create();
      try {
        let text = '';
        for (const symbol of symbols.slice(at, at + chunk)) {
          let bars: SynthBars;
          if (symbol === market) bars = marketBars(o.seed, m);
          else {
            const s = stockSeries(o.seed, tickerIndex(symbol), m, perTicker);
            bars = s.bars;
            text += earningsRows(symbol, s.earnings, cal, s0, o.seed);
            events += s.earnings.length;
          }
          addBars(table, table.addSymbol(symbol, null, null), bars, days);
        }
        await table.close();
        rows += table.rows;
        const part = join(parts, `${String(files.length).padStart(6, '0')}.parquet`);
        await conn.run(`COPY (${table.select()}) TO ${sqlString(part)} (FORMAT parquet, COMPRESSION snappy)`);
        files.push(part);
        if (fd !== undefined && text) writeSync(fd, text);
      } finally {
        await table.drop();
      }
      o.onProgress?.(Math.min(symbols.length, at + chunk), symbols.length);
    }
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    const meta: ParquetProvenance = {
      format: PARQUET_FORMAT,
      version: PARQUET_FORMAT_VERSION,
      root: `synthetic: ${o.tickers} tickers, ${o.years} years from ${from}, seed ${o.seed}`,
      files: [],
      synth: { tickers: o.tickers, years: o.years, seed: o.seed, from, market, eventsPerTicker: perTicker, model: 1 },
    };
    await writeParquet(`SELECT * FROM read_parquet([${files.map(sqlString).join(', ')}])`, file, meta);
    if (eventsTmp !== undefined) renameSync(eventsTmp, resolve(o.events!));
    return { file, symbols: symbols.length, sessions: n, rows, events, ...(o.events !== undefined ? { eventsFile: resolve(o.events) } : {}) };
  } catch (e) {
    if (eventsTmp !== undefined) rmSync(eventsTmp, { force: true });
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(parts, { recursive: true, force: true });
    await conn.run(`SET memory_limit = ${sqlString(limit)}`);
  }
}

/** The ticker index of a four-letter name (tickerName's inverse). */
function tickerIndex(name: string): number {
  let v = 0;
  for (let k = 0; k < 4; k++) v = v * 26 + (name.charCodeAt(k) - 65);
  return v;
}

function addBars(table: StoreTable, sid: number, b: SynthBars, days: Int32Array): void {
  const row = new Float64Array(7);
  for (let j = 0; j < b.close.length; j++) {
    row[0] = b.open[j]!;
    row[1] = b.high[j]!;
    row[2] = b.low[j]!;
    row[3] = b.close[j]!;
    row[4] = b.volume[j]!;
    row[5] = b.close[j]!; // no dividends: the total-return close is the close
    row[6] = 0;
    table.add(sid, days[b.first + j]!, row);
  }
}

/** The releases as earnings CSV rows: the date is day 0's session (before-open) or the session before (after-close). */
function earningsRows(symbol: string, list: readonly SynthEarnings[], cal: ReturnType<typeof xnysCalendar>, s0: number, seed: number): string {
  let out = '';
  for (const e of list) {
    const date = cal.date(s0 + e.session - (e.timing === 'after-close' ? 1 : 0));
    const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
    out += `${symbol},${date},${e.timing},Q${q} ${date.slice(0, 4)},${e.epsActual.toFixed(2)},${e.epsEstimate.toFixed(2)},,,,synthetic (seed ${seed})\n`;
  }
  return out;
}
