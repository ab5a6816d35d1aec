import { readRegularFile, readRegularFileBytes } from '@aftershock/core';
import { CsvCursor, type CsvProblemSink } from './csv-cursor';

/** One CSV record: its fields and the 1-based line on which it starts. */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Reads every record of RFC 4180 CSV text (quoted fields, `""` escapes, CRLF/LF/CR, BOM); blank lines are skipped.
 * Quoting problems go to `problems` when given (read leniently), else they are ignored.
 *
 * @example parseCsv('Date,Close\r\n2025-08-12,148.75\r\n') // → [{ line: 1, fields: ['Date','Close'] }, { line: 2, … }]
 */
export function parseCsv(text: string, opts: { readonly file?: string; readonly problems?: CsvProblemSink } = {}): CsvRow[] {
  const c = new CsvCursor(text, opts);
  const rows: CsvRow[] = [];
  while (c.next()) rows.push({ line: c.line, fields: c.fields() });
  return rows;
}

/** Quotes a field when it holds a comma, a quote, CR or LF (or when `always`). */
export function formatCsvField(s: string, always = false): string {
  return always || /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Writes records as CSV. A record of one empty field is written as `""` so it survives a round trip
 * (a bare empty line would read back as a blank line).
 */
export function formatCsv(rows: readonly (readonly string[])[], eol = '\n'): string {
  let out = '';
  for (const r of rows) {
    out += (r.length === 1 && r[0] === '' ? '""' : r.map((f) => formatCsvField(f)).join(',')) + eol;
  }
  return out;
}

/**
 * Reads a text file as UTF-8 through core's `readRegularFile`: a FIFO, device, folder, dangling or looping link, or
 * an over-large file is refused by type with a coded error naming the file, never read (or waited on).
 */
export function readTextFile(path: string, what = 'file'): string {
  return readRegularFile(path, { what });
}

/**
 * `readTextFile`'s bytes, undecoded (same refusals): price files are scanned as bytes (see parsePrices). The bytes
 * are in the buffer the next read reuses (core's `scratch` read): parse them before reading another file.
 */
export function readFileBytes(path: string, what = 'file'): Uint8Array {
  return readRegularFileBytes(path, { what, scratch: true });
}
