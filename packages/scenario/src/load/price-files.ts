import { existsSync, readFileSync, statSync } from 'node:fs';
import { CsvCursor, PRICE_COLUMN_ALIASES, resolveColumns } from '@aftershock/data';

/**
 * The symbols of a long-format price file (`date,symbol,close`), read from its symbol column (`symbolColumn` when
 * the file is read through a mapping).
 */
export function symbolsInLongFile(file: string, symbolColumn?: string, delimiter?: string): Set<string> {
  const out = new Set<string>();
  const c = new CsvCursor(readFileSync(file, 'utf8'), delimiter !== undefined ? { delimiter } : {});
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
  return existsSync(p) && statSync(p).isFile();
}
