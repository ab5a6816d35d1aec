import { existsSync, statSync } from 'node:fs';
import { notARegularFile, readRegularFile } from '@aftershock/core';

/** The symbols of a long-format price file (`date,symbol,close`), read from its `symbol` column. */
export function symbolsInLongFile(file: string): Set<string> {
  const out = new Set<string>();
  const text = readRegularFile(file, { what: 'price file' });
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
