import type { DuckDBAppender, DuckDBDataChunk, DuckDBVector } from '@duckdb/node-api';
import { duckdb, sqlString } from './parquet-db';

const CHUNK = 2048;
const VALUES = 7;
let tables = 0;

/**
 * Bars appended to an in-memory DuckDB table 2,048 at a time as columnar data chunks of numbers only (a symbol id,
 * a day number and seven doubles: strings per row cost several times more); `select()` joins the symbols and
 * their source files back in and gives the store's columns (PARQUET_COLUMNS) sorted by symbol and date.
 */
export class StoreTable {
  private chunk: DuckDBDataChunk | undefined;
  private vectors: DuckDBVector[] = [];
  private n = 0;
  private readonly symbols: { symbol: string; priceFile: string | null; dividendFile: string | null }[] = [];
  rows = 0;

  private constructor(
    readonly name: string,
    private readonly appender: DuckDBAppender,
    private readonly make: () => DuckDBDataChunk,
  ) {}

  static async create(): Promise<StoreTable> {
    const conn = await duckdb();
    const api = await import('@duckdb/node-api');
    const name = `store_${process.pid}_${++tables}`;
    await conn.run(`CREATE TABLE ${name} (sid INTEGER, day INTEGER, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE, adj_close DOUBLE, dividend DOUBLE)`);
    const types = [api.INTEGER, api.INTEGER, ...Array.from({ length: VALUES }, () => api.DOUBLE)];
    return new StoreTable(name, await conn.createAppender(name), () => api.DuckDBDataChunk.create(types, CHUNK));
  }

  /** Registers a symbol (in sorted order: ids then sort like symbols) and returns its id for `add`. */
  addSymbol(symbol: string, priceFile: string | null, dividendFile: string | null): number {
    const last = this.symbols[this.symbols.length - 1];
    if (last && last.symbol >= symbol) throw new Error(`symbols must be added in sorted order (${last.symbol} then ${symbol})`);
    this.symbols.push({ symbol, priceFile, dividendFile });
    return this.symbols.length - 1;
  }

  /** Appends one bar: open, high, low, close, volume, adjusted close, dividend; `day` is days since 1970-01-01. */
  add(sid: number, day: number, v: ArrayLike<number>): void {
    if (!this.chunk) {
      this.chunk = this.make();
      this.vectors = Array.from({ length: VALUES + 2 }, (_, k) => this.chunk!.getColumnVector(k));
    }
    const i = this.n++;
    const vs = this.vectors;
    vs[0]!.setItem(i, sid as never);
    vs[1]!.setItem(i, day as never);
    for (let k = 0; k < VALUES; k++) vs[k + 2]!.setItem(i, v[k]! as never);
    if (this.n === CHUNK) this.flushChunk();
  }

  private flushChunk(): void {
    if (!this.chunk || this.n === 0) return;
    this.chunk.rowCount = this.n;
    for (const v of this.vectors) v.flush();
    this.appender.appendDataChunk(this.chunk);
    this.rows += this.n;
    this.chunk = undefined;
    this.n = 0;
  }

  /** Flushes the pending rows and writes the symbol table; call once, before `select()`. */
  async close(): Promise<void> {
    this.flushChunk();
    this.appender.closeSync();
    const conn = await duckdb();
    await conn.run(`CREATE TABLE ${this.name}_s (sid INTEGER, symbol VARCHAR, price_file VARCHAR, dividend_file VARCHAR)`);
    const q = (s: string | null) => (s === null ? 'NULL' : sqlString(s));
    for (let at = 0; at < this.symbols.length; at += 500) {
      const part = this.symbols.slice(at, at + 500).map((s, k) => `(${at + k}, ${sqlString(s.symbol)}, ${q(s.priceFile)}, ${q(s.dividendFile)})`);
      if (part.length) await conn.run(`INSERT INTO ${this.name}_s VALUES ${part.join(', ')}`);
    }
  }

  /** The rows in the store's layout, sorted by symbol then date. */
  select(): string {
    return (
      `SELECT s.symbol, DATE '1970-01-01' + b.day AS date, b.open, b.high, b.low, b.close, b.volume, b.adj_close, b.dividend, s.price_file, s.dividend_file ` +
      `FROM ${this.name} b JOIN ${this.name}_s s ON b.sid = s.sid ORDER BY b.sid, b.day`
    );
  }

  async drop(): Promise<void> {
    const conn = await duckdb();
    await conn.run(`DROP TABLE IF EXISTS ${this.name}`);
    await conn.run(`DROP TABLE IF EXISTS ${this.name}_s`);
  }
}
