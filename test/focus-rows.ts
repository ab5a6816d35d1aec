import { readFileSync } from 'node:fs';

const FOCUS = new URL('../../shared/data/real/backtester39/focus/', import.meta.url);

/**
 * One day's bar read straight from a shared focus file (Date,Open,High,Low,Close,Volume), independent of the
 * loaders, so real-data tests can show their expected numbers are the file's.
 */
export function focusBar(symbol: string, date: string): { open: number; high: number; low: number; close: number } {
  const line = readFileSync(new URL(`${symbol}.csv`, FOCUS), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(date + ','));
  if (line === undefined) throw new Error(`${symbol} has no row for ${date}`);
  const f = line.split(',');
  return { open: Number(f[1]), high: Number(f[2]), low: Number(f[3]), close: Number(f[4]) };
}
