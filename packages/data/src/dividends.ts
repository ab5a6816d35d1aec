import { Problems, type IsoDate } from '@aftershock/core';
import { CsvCursor } from './csv-cursor';
import { readTextFile } from './csv';
import { resolveColumns } from './columns';
import { FileProblems } from './file-problems';
import { parseIsoDayAt } from './session-index';

/** A cash dividend per share on its ex-date (split-adjusted like the prices it goes with). */
export interface Dividend {
  readonly date: IsoDate;
  readonly amount: number;
  readonly line?: number;
}

/** A stock split on its ex-date: `ratio` new shares per old share (10 for a 10-for-1 split, 0.1 for 1-for-10). */
export interface Split {
  readonly date: IsoDate;
  readonly ratio: number;
  readonly line?: number;
}

const DIVIDEND_COLUMNS = {
  date: ['date', 'ex_date', 'ex_dividend_date', 'exdate'],
  amount: ['dividend', 'dividends', 'amount', 'cash_amount', 'value'],
} as const;

const SPLIT_COLUMNS = {
  date: ['date', 'ex_date', 'split_date'],
  ratio: ['split', 'splits', 'stock_splits', 'ratio', 'split_ratio', 'factor'],
} as const;

/**
 * Parses a dividends file (`Date,Dividend`; a header-only file means none). Problems (DIVIDEND_MISSING_COLUMN,
 * DIVIDEND_BAD_DATE, DIVIDEND_BAD_NUMBER, DIVIDEND_NEGATIVE; DIVIDEND_DUPLICATE_DATE as a warning, amounts summed)
 * go to `problems`. Sorted by date.
 */
export function parseDividends(text: string, file: string, problems: Problems): Dividend[] {
  const fp = new FileProblems(problems, file);
  const rows = readTwoColumns(text, fp, DIVIDEND_COLUMNS, 'amount', 'DIVIDEND');
  const byDate = new Map<IsoDate, Dividend>();
  for (const r of rows) {
    if (r.value < 0) {
      fp.error('DIVIDEND_NEGATIVE', `dividend ${r.value} is negative`, r.line, r.column);
      continue;
    }
    const prev = byDate.get(r.date);
    if (prev) {
      fp.warn('DIVIDEND_DUPLICATE_DATE', `a second dividend on ${r.date} (line ${prev.line}); the amounts are added`, r.line, r.dateColumn);
      byDate.set(r.date, { date: r.date, amount: prev.amount + r.value, line: prev.line ?? r.line });
    } else byDate.set(r.date, { date: r.date, amount: r.value, line: r.line });
  }
  fp.close();
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Reads a dividends file; throws a ValidationError listing every error. */
export function readDividends(path: string, problems = new Problems()): Dividend[] {
  const before = problems.list.length;
  const out = parseDividends(readTextFile(path, 'dividends file'), path, problems);
  throwNewErrors(problems, before);
  return out;
}

/**
 * Parses a splits file (`Date,Split`); a ratio may be written `10`, `10:1`, `10/1` or `1:10` (reverse split).
 * Problems: SPLIT_MISSING_COLUMN, SPLIT_BAD_DATE, SPLIT_BAD_NUMBER (also for a ratio ≤ 0).
 */
export function parseSplits(text: string, file: string, problems: Problems): Split[] {
  const fp = new FileProblems(problems, file);
  const rows = readTwoColumns(text, fp, SPLIT_COLUMNS, 'ratio', 'SPLIT');
  const out: Split[] = [];
  for (const r of rows) {
    if (!(r.value > 0)) fp.error('SPLIT_BAD_NUMBER', `split ratio must be positive, got ${r.raw}`, r.line, r.column);
    else out.push({ date: r.date, ratio: r.value, line: r.line });
  }
  fp.close();
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Reads a splits file; throws a ValidationError listing every error. */
export function readSplits(path: string, problems = new Problems()): Split[] {
  const before = problems.list.length;
  const out = parseSplits(readTextFile(path, 'splits file'), path, problems);
  throwNewErrors(problems, before);
  return out;
}

/** `10`, `10:1`, `10/1`, `1:10` → new shares per old share. */
export function parseSplitRatio(s: string): number {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(?:[:/]\s*([0-9]*\.?[0-9]+))?\s*$/.exec(s);
  if (!m) return NaN;
  const a = Number(m[1]);
  const b = m[2] !== undefined ? Number(m[2]) : 1;
  return b > 0 ? a / b : NaN;
}

interface DatedValue {
  readonly date: IsoDate;
  readonly value: number;
  readonly raw: string;
  readonly line: number;
  readonly column: string;
  readonly dateColumn: string;
}

function readTwoColumns(
  text: string,
  fp: FileProblems,
  aliases: { readonly date: readonly string[] } & Record<string, readonly string[]>,
  valueKey: string,
  prefix: 'DIVIDEND' | 'SPLIT',
): DatedValue[] {
  const c = new CsvCursor(text, { file: fp.file, problems: fp.csvSink() });
  if (!c.next()) return [];
  const header = c.fields();
  const { index } = resolveColumns(header, { date: aliases.date, value: aliases[valueKey]! });
  if (index.date < 0 || index.value < 0) {
    if (index.date < 0) fp.error(`${prefix}_MISSING_COLUMN`, `no date column (expected one of: ${aliases.date.join(', ')})`, c.line, 'date');
    if (index.value < 0) fp.error(`${prefix}_MISSING_COLUMN`, `no ${valueKey} column (expected one of: ${aliases[valueKey]!.join(', ')})`, c.line, valueKey);
    return [];
  }
  const dateColumn = header[index.date]!;
  const column = header[index.value]!;
  const out: DatedValue[] = [];
  while (c.next()) {
    const day = parseIsoDayAt(c.text, c.start(index.date), c.end(index.date));
    if (Number.isNaN(day)) {
      fp.error(`${prefix}_BAD_DATE`, `not a YYYY-MM-DD date: ${JSON.stringify(c.field(index.date))}`, c.line, dateColumn);
      continue;
    }
    const raw = c.field(index.value);
    const value = prefix === 'SPLIT' ? parseSplitRatio(raw) : c.number(index.value);
    if (!Number.isFinite(value)) {
      fp.error(`${prefix}_BAD_NUMBER`, `not a number: ${JSON.stringify(raw)}`, c.line, column);
      continue;
    }
    // The date was validated from its first 10 characters (a trailing time is allowed), so slice them as is.
    out.push({ date: c.field(index.date).trim().slice(0, 10), value, raw, line: c.line, column, dateColumn });
  }
  return out;
}

/** Throws a ValidationError when errors were added to `problems` after index `before`. */
export function throwNewErrors(problems: Problems, before: number): void {
  const added = problems.list.slice(before);
  if (added.some((p) => p.severity === 'error')) {
    const sub = new Problems();
    sub.list.push(...added);
    sub.throwIfErrors();
  }
}
