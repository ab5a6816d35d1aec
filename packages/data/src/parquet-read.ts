import { existsSync } from 'node:fs';
import { AftershockError, Problems, xnysCalendar, type BarSeries, type IsoDate, type TradingCalendar } from '@aftershock/core';
import { duckdb, sqlString } from './parquet-db';
import { isParquetFile, PARQUET_COLUMNS, PARQUET_FORMAT, PARQUET_META_KEY, type ParquetProvenance } from './parquet-format';
import { sessionIndex } from './session-index';

export interface ParquetReadOptions {
  /** Only these symbols (pushed down to the Parquet reader: row groups of other symbols are skipped). */
  readonly symbols?: readonly string[];
  /** Only sessions from/to these dates, inclusive (pushed down as well). */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  /**
   * `ohlcv` (default) reads every price column; `close` reads only close, adj_close and dividend (projection
   * push-down) and sets open = high = low = close and volume NaN, as a close-only CSV does.
   */
  readonly columns?: 'ohlcv' | 'close';
  /**
   * `neighbours`: besides the sessions from/to, each symbol's last bar before `from` (a return on the first session
   * then spans a gap exactly as in the whole series) and, for a symbol with no bar inside, its first bar after `to`
   * (it is present, as in a whole read). Needs `symbols`.
   */
  readonly reach?: 'span' | 'neighbours';
  readonly calendar?: TradingCalendar;
  /** Gathers warnings; errors are thrown as one ValidationError. */
  readonly problems?: Problems;
}

/** Fails with a coded error unless `file` is a Parquet price store with every column of the layout. */
async function checkStore(file: string): Promise<void> {
  if (!existsSync(file)) throw new AftershockError('FILE_NOT_FOUND', `Parquet file ${file} does not exist`, { file });
  if (!isParquetFile(file)) throw new AftershockError('PARQUET_BAD_FILE', `${file} is not a Parquet file (no PAR1 header)`, { file });
  const conn = await duckdb();
  const r = await conn.runAndReadAll(`SELECT name FROM parquet_schema(${sqlString(file)})`);
  const names = new Set(r.getRowsJS().map((row) => String(row[0])));
  const missing = PARQUET_COLUMNS.filter((c) => !names.has(c));
  if (missing.length > 0) {
    throw new AftershockError('PARQUET_MISSING_COLUMN', `${file} lacks column(s) ${missing.join(', ')} of an aftershock price store (write one with \`aftershock data ingest\`)`, { file, field: missing[0]! });
  }
}

const checked = new Map<string, Promise<void>>();
function checkOnce(file: string): Promise<void> {
  let p = checked.get(file);
  if (!p) {
    p = checkStore(file);
    checked.set(file, p);
    p.catch(() => checked.delete(file));
  }
  return p;
}

/** Every symbol of a Parquet price store, sorted. */
export async function parquetSymbols(file: string): Promise<string[]> {
  await checkOnce(file);
  const conn = await duckdb();
  const r = await conn.runAndReadAll(`SELECT DISTINCT symbol FROM read_parquet(${sqlString(file)}) ORDER BY symbol`);
  return r.getRowsJS().map((row) => String(row[0]));
}

/** A Parquet file's columns and their DuckDB types, in file order. */
export async function parquetColumns(file: string): Promise<{ name: string; type: string }[]> {
  const conn = await duckdb();
  const r = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  return r.getRowsJS().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

/** The store's provenance (ingested root, source files with sha256) from its file metadata, if present. */
export async function parquetProvenance(file: string): Promise<ParquetProvenance | undefined> {
  await checkOnce(file);
  const conn = await duckdb();
  const r = await conn.runAndReadAll(`SELECT decode(value) FROM parquet_kv_metadata(${sqlString(file)}) WHERE decode(key) = ${sqlString(PARQUET_META_KEY)}`);
  const v = r.getRowsJS()[0]?.[0];
  if (typeof v !== 'string') return undefined;
  const meta = JSON.parse(v) as ParquetProvenance;
  return meta.format === PARQUET_FORMAT ? meta : undefined;
}

/**
 * Reads price series from a Parquet store written by `ingestParquet`, through DuckDB: only the symbols and dates
 * asked for (predicate push-down) and only the columns needed (projection push-down). Gives the same series as the
 * CSV loader for the same files (adjusted closes were computed over each symbol's whole history at ingest).
 * Throws coded errors naming the file for a missing or malformed store, or a row on no session of the calendar.
 *
 * @example (await readParquetPrices('prices.parquet', { symbols: ['CRWV', 'QQQ'] })).get('CRWV')!.close
 */
export async function readParquetPrices(file: string, opts: ParquetReadOptions = {}): Promise<Map<string, BarSeries>> {
  await checkOnce(file);
  const cal = opts.calendar ?? xnysCalendar();
  const idx = sessionIndex(cal);
  const closeOnly = opts.columns === 'close';
  const values = closeOnly ? ['close', 'adj_close', 'dividend'] : ['open', 'high', 'low', 'close', 'volume', 'adj_close', 'dividend'];
  const where: string[] = [];
  if (opts.symbols) {
    if (opts.symbols.length === 0) return new Map();
    where.push(`symbol IN (${[...new Set(opts.symbols)].map(sqlString).join(', ')})`);
  }
  const conn = await duckdb();
  if (opts.reach === 'neighbours' && opts.symbols && (opts.from !== undefined || opts.to !== undefined)) where.push(await neighbourSpans(file, where[0]!, opts.from, opts.to));
  else {
    if (opts.from !== undefined) where.push(`date >= DATE ${sqlString(opts.from)}`);
    if (opts.to !== undefined) where.push(`date <= DATE ${sqlString(opts.to)}`);
  }
  const from = `FROM read_parquet(${sqlString(file)})` + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  // Row counts per symbol first, so that the main read carries no strings and fills preallocated columns.
  const counts = (await conn.runAndReadAll(`SELECT symbol, count(*)::INTEGER ${from} GROUP BY symbol ORDER BY symbol`)).getRowsJS() as [string, number][];
  const result = await conn.stream(`SELECT (date - DATE '1970-01-01')::INTEGER, ${values.join(', ')} ${from} ORDER BY symbol, date`);
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const out = new Map<string, BarSeries>();
  let g = -1;
  let left = 0;
  let cur: Columns | undefined;
  const next = () => {
    if (cur) out.set(cur.symbol, toSeries(cur, idx, closeOnly, file));
    g++;
    const [symbol, n] = counts[g]!;
    cur = new Columns(symbol, n, values.length);
    left = n;
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const date = chunk.getColumnVector(0);
    const vs = values.map((_, k) => chunk.getColumnVector(k + 1));
    for (let r = 0; r < chunk.rowCount; r++) {
      while (left === 0) next();
      left--;
      const c = cur!;
      const day = date.getItem(r) as number;
      const o = idx.ordinalOfDay(day);
      if (o < 0) {
        const iso = isoOf(day);
        if (o === -2) problems.warn('PRICE_OUTSIDE_CALENDAR', `${c.symbol} ${iso} is outside the trading calendar; row dropped`, { file, field: 'date' });
        else problems.error('PRICE_NOT_A_SESSION', `${c.symbol} ${iso} is not a trading session`, { file, field: 'date' });
        continue;
      }
      if (c.n > 0 && c.session[c.n - 1] === o) {
        problems.error('PRICE_DUPLICATE_DATE', `${c.symbol} has two rows for ${idx.dateOf(o)}`, { file, field: 'date' });
        continue;
      }
      const i = c.n++;
      c.session[i] = o;
      for (let k = 0; k < vs.length; k++) c.cols[k]![i] = (vs[k]!.getItem(r) as number | null) ?? NaN;
    }
  }
  while (g + 1 < counts.length) next(); // symbols whose every row was dropped
  if (cur) out.set(cur.symbol, toSeries(cur, idx, closeOnly, file));
  if (problems.list.slice(before).some((p) => p.severity === 'error')) problems.throwIfErrors(`problems in ${file}`);
  return out;
}

/**
 * The date condition of a `neighbours` read: per symbol, from its last bar before `from` (else `from`) to `to` (or,
 * with no bar inside, its first bar after `to`), symbols of equal spans grouped, inside one overall range so that
 * the scan still skips row groups by their date statistics.
 */
async function neighbourSpans(file: string, symbolsIn: string, from: IsoDate | undefined, to: IsoDate | undefined): Promise<string> {
  const conn = await duckdb();
  const f = from !== undefined ? `DATE ${sqlString(from)}` : `DATE '0001-01-01'`;
  const t = to !== undefined ? `DATE ${sqlString(to)}` : `DATE '9999-12-31'`;
  const r = await conn.runAndReadAll(
    `SELECT symbol, CAST(max(date) FILTER (WHERE date < ${f}) AS VARCHAR), count(*) FILTER (WHERE date >= ${f} AND date <= ${t})::INTEGER, CAST(min(date) FILTER (WHERE date > ${t}) AS VARCHAR) ` +
      `FROM read_parquet(${sqlString(file)}) WHERE ${symbolsIn} GROUP BY symbol ORDER BY symbol`,
  );
  const spans = new Map<string, string[]>();
  let lo: string | undefined;
  let hi: string | undefined;
  for (const [symbol, before, inside, after] of r.getRowsJS() as [string, string | null, number, string | null][]) {
    const a = before !== null ? `DATE ${sqlString(before)}` : f;
    const b = inside === 0 && after !== null ? `DATE ${sqlString(after)}` : t;
    const key = `date >= ${a} AND date <= ${b}`;
    (spans.get(key) ?? spans.set(key, []).get(key)!).push(sqlString(symbol));
    const a0 = before ?? from;
    const b0 = inside === 0 && after !== null ? after : to;
    if (a0 !== undefined && (lo === undefined || a0 < lo)) lo = a0;
    if (b0 !== undefined && (hi === undefined || b0 > hi)) hi = b0;
  }
  if (spans.size === 0) return 'false';
  const range = [lo !== undefined ? `date >= DATE ${sqlString(lo)}` : '', hi !== undefined ? `date <= DATE ${sqlString(hi)}` : ''].filter(Boolean);
  const any = [...spans].map(([cond, syms]) => `(symbol IN (${syms.join(', ')}) AND ${cond})`).join(' OR ');
  return [...range, `(${any})`].join(' AND ');
}

/** One symbol's columns, sized from its row count. */
class Columns {
  n = 0;
  readonly session: Int32Array;
  readonly cols: Float64Array[] = [];
  constructor(
    readonly symbol: string,
    size: number,
    width: number,
  ) {
    this.session = new Int32Array(size);
    for (let k = 0; k < width; k++) this.cols.push(new Float64Array(size));
  }
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function toSeries(c: Columns, idx: ReturnType<typeof sessionIndex>, closeOnly: boolean, file: string): BarSeries {
  const n = c.n;
  const col = (k: number) => (n === c.session.length ? c.cols[k]! : c.cols[k]!.slice(0, n));
  const session = n === c.session.length ? c.session : c.session.slice(0, n);
  const dates = new Array<IsoDate>(n);
  for (let i = 0; i < n; i++) dates[i] = idx.dateOf(session[i]!);
  if (closeOnly) {
    const close = col(0);
    return { symbol: c.symbol, length: n, dates, session, open: close, high: close, low: close, close, volume: new Float64Array(n).fill(NaN), adjClose: col(1), dividend: col(2), source: file };
  }
  return { symbol: c.symbol, length: n, dates, session, open: col(0), high: col(1), low: col(2), close: col(3), volume: col(4), adjClose: col(5), dividend: col(6), source: file };
}
