import { existsSync, statSync } from 'node:fs';
import { notARegularFile, readRegularFile } from '@aftershock/core';
import { CsvCursor, PRICE_COLUMN_ALIASES, resolveColumns } from '@aftershock/data';

/**
 * The symbols of a long-format price file (`date,symbol,close`), read from its symbol column (`symbolColumn` when
 * the file is read through a mapping).
 */
export function symbolsInLongFile(file: string, symbolColumn?: string, delimiter?: string): Set<string> {
  const out = new Set<string>();
  const c = new CsvCursor(readRegularFile(file, { what: 'price file' }), delimiter !== undefined ? { delimiter } : {});
  if (!c.next()) return out;
  const col = resolveColumns(c.fields(), { symbol: PRICE_COLUMN_ALIASES.symbol }, symbolColumn !== undefined ? { symbol: symbolColumn } : {}).index.symbol;
  if (col < 0) return out;
  while (c.next()) {
    if (col >= c.count) continue;
    const sym = c.field(col).trim();
    if (sym) out.add(sym);
  }
  return out;
}

export function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

export function isFile(p: string): boolean {
  return notARegularFile(p) === undefined;
}

/**
 * Why `p` cannot be read as `what`: SCENARIO_MISSING_FILE ("… not found") when nothing is there, else the reason
 * (a FIFO, a device, a folder, a dangling or looping link) with its own code; undefined for a regular file.
 */
export function fileProblem(p: string, what: string): { code: string; message: string } | undefined {
  const e = notARegularFile(p, what);
  if (!e) return undefined;
  return e.code === 'FILE_NOT_FOUND' ? { code: 'SCENARIO_MISSING_FILE', message: `${what} not found: ${p}` } : { code: e.code, message: e.message };
}
