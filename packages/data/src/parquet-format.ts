import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/**
 * The Parquet price store's layout: one long table, one row per symbol and session, sorted by symbol then date.
 * `adj_close` is the total-return close computed at ingest over the symbol's whole history, so a read of any date
 * range gives the same numbers as the CSV loader; `dividend` is the cash dividend with its ex-date on that bar;
 * `price_file` and `dividend_file` say which source file (relative to the ingested root) each row came from.
 */
export const PARQUET_COLUMNS = ['symbol', 'date', 'open', 'high', 'low', 'close', 'volume', 'adj_close', 'dividend', 'price_file', 'dividend_file'] as const;

/** The key of the file-level metadata (JSON: format, version, root, and every source file with its sha256). */
export const PARQUET_META_KEY = 'aftershock';
export const PARQUET_FORMAT = 'aftershock-prices';
export const PARQUET_FORMAT_VERSION = 1;

/** Rows per row group: small enough that a symbol or date filter skips most of a large file by its statistics. */
export const PARQUET_ROW_GROUP = 65_536;

/** The provenance a store carries in its file metadata. */
export interface ParquetProvenance {
  readonly format: typeof PARQUET_FORMAT;
  readonly version: number;
  /** The data root that was ingested (absolute path at ingest time). */
  readonly root: string;
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[];
  /** A synthetic universe (`data synth`): the generator's parameters, from which every row follows. */
  readonly synth?: { readonly tickers: number; readonly years: number; readonly seed: number; readonly from: string; readonly market: string; readonly eventsPerTicker: number; readonly model: number };
}

/** True when `path` names a Parquet file (its name ends in `.parquet`), whether or not it exists yet. */
export function isParquetPath(path: string): boolean {
  return path.toLowerCase().endsWith('.parquet');
}

/** True when `path` is a regular file that starts with Parquet's magic bytes `PAR1`. */
export function isParquetFile(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === 'PAR1';
  } finally {
    closeSync(fd);
  }
}
