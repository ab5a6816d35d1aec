import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real data read by hand for the tests' independent computations: no code of ours between the file and the
 * number, so a parser bug cannot hide in both the code under test and its check.
 */
export const REAL = new URL('../../../shared/data/real/', import.meta.url).pathname;
export const PRICES = join(REAL, 'backtester39', 'universe', 'prices');
export const FF3 = join(REAL, 'factors', 'F-F_Research_Data_Factors_daily.csv');
export const EARNINGS = join(REAL, 'earnings', 'daniel-bassett', 'earnings.csv');

/** One column of a universe price file by date (`Close`, `Volume`, …). */
export function universeColumn(symbol: string, column: string): Map<string, number> {
  const lines = readFileSync(join(PRICES, `${symbol}.csv`), 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const d = head.indexOf('Date');
  const c = head.indexOf(column);
  return new Map(lines.slice(1).map((l) => l.split(',')).map((f) => [f[d]!, Number(f[c])]));
}

/** Ken French's daily FF3 file by ISO date: [Mkt-RF, SMB, HML, RF] as fractions (the file's percent ÷ 100). */
export function frenchDaily(file = FF3): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    const f = l.split(',').map((x) => x.trim());
    if (/^\d{4}-?\d{2}-?\d{2}$/.test(f[0]!) && f.length === 5) out.set(f[0]!.length === 8 ? `${f[0]!.slice(0, 4)}-${f[0]!.slice(4, 6)}-${f[0]!.slice(6)}` : f[0]!, f.slice(1).map((v) => Number(v) / 100));
  }
  return out;
}

/** A CSV the study wrote (plain cells, no quoting), as rows of column → text. */
export function readTable(dir: string, file: string): Record<string, string>[] {
  const [h, ...rows] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
  const cols = h!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i]!, v])));
}

/**
 * Daniel-Bassett's earnings of `tickers` with day `from`..`to` (ISO, inclusive), a time of day given and the date a
 * session of `sessions`: [symbol, date] in file order.
 */
export function earningsOf(tickers: readonly string[], from: string, to: string, sessions: ReadonlyMap<string, number>): (readonly [string, string])[] {
  return readFileSync(EARNINGS, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((f) => tickers.includes(f[4]!) && f[0]! >= from && f[0]! <= to && f[2] !== '' && sessions.has(f[0]!))
    .map((f) => [f[4]!, f[0]!] as const);
}
