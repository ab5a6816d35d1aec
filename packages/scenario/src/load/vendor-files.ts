import { z } from 'zod';
import { EVENT_COLUMN_ALIASES, PRICE_COLUMN_ALIASES, type EventFileInput } from '@aftershock/data';
import { listOf, oneOf, text } from './fields';

const symbolList = listOf(text('a ticker symbol'), 1);
const clock = z.string({ error: 'expected a time HH:MM' }).regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: (iss) => `expected a time HH:MM, got ${JSON.stringify(iss.input)}` });
const delimiter = z.string({ error: 'expected one character or "tab"' }).refine((d) => d === 'tab' || (d.length === 1 && d !== '"' && d !== '\n' && d !== '\r'), { error: (iss) => `expected one character or "tab", got ${JSON.stringify(iss.input)}` });
const dateFormat = z.string({ error: 'expected a date layout such as MM/DD/YYYY' }).refine((f) => /YYYY/.test(f) && /M/.test(f.replace(/YYYY/g, '')) && /D/.test(f.replace(/YYYY/g, '')), {
  error: (iss) => `expected a date layout with YYYY, MM (or M) and DD (or D), e.g. MM/DD/YYYY, got ${JSON.stringify(iss.input)}`,
});

/** `{ <our field>: <their column> }` with our field names as keys (unknown keys get a "did you mean"). */
function columnsOf(fields: readonly string[]) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f, text('a column name').optional()])) as Record<string, z.ZodOptional<z.ZodString>>);
}

/** A vendor price file: its path and how to read it. */
export const priceFileSpec = z.strictObject({
  file: text('a file'),
  columns: columnsOf(Object.keys(PRICE_COLUMN_ALIASES)).optional(),
  delimiter: delimiter.optional(),
  dateFormat: dateFormat.optional(),
});
export type PriceFileSpec = z.output<typeof priceFileSpec>;

/** A price file given as a path or as `{ file, columns, … }`; always an object after parsing. */
export const priceFileEntry = z.union([text('a file'), priceFileSpec], { error: 'expected a file or { file, columns, delimiter?, dateFormat? }' }).transform((v): PriceFileSpec => (typeof v === 'string' ? { file: v } : v));

/** An event calendar given as a path or as `{ file, kind, columns, … }`; always an object after parsing. */
export const eventFileEntry = z
  .union(
    [
      text('a file'),
      z.strictObject({
        file: text('a file'),
        kind: oneOf(['auto', 'earnings', 'lockup-expiry', 'ipo', 'custom', 'mixed']).default('auto'),
        columns: columnsOf([...Object.keys(EVENT_COLUMN_ALIASES), 'time']).optional(),
        delimiter: delimiter.optional(),
        dateFormat: dateFormat.optional(),
        /** Read only these symbols' rows of this file (others are skipped unchecked). */
        symbols: symbolList.optional(),
      }),
    ],
    { error: 'expected a file or { file, kind, columns, delimiter?, dateFormat?, symbols? }' },
  )
  .transform((v) => (typeof v === 'string' ? { file: v, kind: 'auto' as const } : v));
export type EventFileSpec = z.output<typeof eventFileEntry>;

/** `calendar:` xnys | market | { kind: market, open, close, zone }. */
export const calendarChoice = z
  .union(
    [
      oneOf(['xnys', 'market']),
      z.strictObject({ kind: oneOf(['xnys', 'market']), open: clock.optional(), close: clock.optional(), zone: text('an IANA time zone').optional() }),
    ],
    { error: 'expected xnys, market or { kind: market, open: HH:MM, close: HH:MM, zone }' },
  )
  .transform((v) => (typeof v === 'string' ? { kind: v } : v));
export type CalendarChoice = z.output<typeof calendarChoice>;

/** `data.files` after parsing: one long file, or a map symbol → file. */
export type DataFiles = PriceFileSpec | Record<string, PriceFileSpec>;

/** The long file of `data.files`, if it is one. */
export function longPriceFile(files: DataFiles | undefined): PriceFileSpec | undefined {
  return files !== undefined && typeof (files as { file?: unknown }).file === 'string' ? (files as PriceFileSpec) : undefined;
}

/** The per-symbol files of `data.files` (empty for a long file). */
export function symbolPriceFiles(files: DataFiles | undefined): Record<string, PriceFileSpec> {
  return files === undefined || longPriceFile(files) ? {} : (files as Record<string, PriceFileSpec>);
}

/** The reading options of a price file spec, in @aftershock/data's terms. */
export function priceReadOptions(f: PriceFileSpec): { columns?: Record<string, string>; delimiter?: string; dateFormat?: string } {
  const columns = f.columns ? Object.fromEntries(Object.entries(f.columns).filter((e): e is [string, string] => e[1] !== undefined)) : undefined;
  return { ...(columns ? { columns } : {}), ...(f.delimiter !== undefined ? { delimiter: f.delimiter } : {}), ...(f.dateFormat !== undefined ? { dateFormat: f.dateFormat } : {}) };
}

/** The stated hours of a `calendar:` choice (only those given; the market calendar's defaults fill the rest). */
export function calendarHours(c: CalendarChoice): { open?: string; close?: string; zone?: string } {
  if (!('open' in c || 'close' in c || 'zone' in c)) return {};
  return { ...(c.open !== undefined ? { open: c.open } : {}), ...(c.close !== undefined ? { close: c.close } : {}), ...(c.zone !== undefined ? { zone: c.zone } : {}) };
}

/** An event file of the scenario in @aftershock/data's terms (path, kind, reading options), before any calendar. */
export function eventReadInput(e: EventFileSpec): EventFileInput {
  const columns = e.columns ? Object.fromEntries(Object.entries(e.columns).filter((kv): kv is [string, string] => kv[1] !== undefined)) : undefined;
  return {
    file: e.file,
    kind: e.kind,
    ...(columns ? { columns } : {}),
    ...(e.delimiter !== undefined ? { delimiter: e.delimiter } : {}),
    ...(e.dateFormat !== undefined ? { dateFormat: e.dateFormat } : {}),
  };
}
