import { existsSync, readFileSync, statSync } from 'node:fs';

/** The symbols of a long-format price file (`date,symbol,close`), read from its `symbol` column. */
export function symbolsInLongFile(file: string): Set<string> {
  const out = new Set<string>();
  const text = readFileSync(file, 'utf8');
  const nl = text.indexOf('\n');
  const header = text.slice(0, nl).trim().toLowerCase().split(',');
  const col = header.indexOf('symbol');
  if (col < 0) return out;
  let start = nl + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const sym = text.slice(start, end).split(',')[col];
    if (sym) out.add(sym.trim());
    start = end + 1;
  }
  return out;
}

export function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

export function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}
