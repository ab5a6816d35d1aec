import { basename } from 'node:path';
import { Problems, type IsoDate, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import { normalizeColumn, resolveColumns } from './columns';
import { readTextFile } from './csv';
import { throwNewErrors } from './dividends';
import { EVENT_COLUMN_ALIASES, IGNORED_COLUMNS, KIND_WORDS, detectKind, type EventField, type EventFileKind } from './event-columns';
import { RowContext } from './event-row';
import { formatOf, readEventTables, type EventFormat, type EventTable } from './event-table';

/** An event column mapping: field → the file's column name (`time` is an alias of `timing`). */
export type EventColumnMapping = Partial<Record<EventField | 'time', string>>;

/** The mapping with `time` read as `timing`. */
function fieldMapping(m: EventColumnMapping = {}): Partial<Record<EventField, string>> {
  const { time, ...rest } = m;
  return time !== undefined && rest.timing === undefined ? { ...rest, timing: time } : rest;
}
import { FileProblems } from './file-problems';

export interface EventLoadOptions {
  /** What the file holds; `auto` (default) infers it from the columns, the JSON/YAML section or the file name. */
  readonly kind?: EventFileKind | 'auto';
  /** File format; default from the extension (.csv, .json, .yaml/.yml). */
  readonly format?: EventFormat;
  /** Symbol for files without a symbol column; default: the file name up to the first `_` or `.` (`NVDA_earnings.json` → NVDA). */
  readonly symbol?: string;
  /**
   * Column mapping (field → column name) for headers that are not recognised. `time` is another name for `timing`:
   * its column holds a timing word (BMO, AMC, DMH, …) or a time of day, HH:MM exchange time.
   */
  readonly columns?: EventColumnMapping;
  /** Field delimiter of a CSV file (one character, or "tab"; default a comma). */
  readonly delimiter?: string;
  /** Date layout of the date columns, e.g. `MM/DD/YYYY` (default `YYYY-MM-DD`). */
  readonly dateFormat?: string;
  /**
   * Only rows of these symbols are read; the others are skipped before any check (a vendor file's rows of symbols
   * a scenario filters out neither fail nor warn).
   */
  readonly symbols?: ReadonlySet<string>;
  /** Only rows whose event date (a lock-up's expiry) lies in [from, to] are read; the others are skipped unchecked. */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly calendar?: TradingCalendar;
  /** Sessions before an earnings release at which its date is taken to be public, when `known_at` is empty (default 14). */
  readonly earningsLeadSessions?: number;
  readonly problems?: Problems;
  /**
   * With kind `auto`: a file whose kind none of its tables tells, and which has no other error, is read as this kind
   * — the events and problems of reading it again with that kind, without reading it twice (aftershock study reads
   * a bare `symbol,event_date` file as custom events).
   */
  readonly fallbackKind?: EventFileKind;
}


/**
 * Parses an event calendar (CSV, JSON or YAML) into core `MarketEvent`s, gathering every problem in
 * `opts.problems` (never throws for bad rows). Column conventions, each with aliases (EVENT_COLUMN_ALIASES):
 * - earnings: `symbol,date,timing,fiscal_period,eps_actual,eps_estimate,revenue_actual,revenue_estimate,known_at,source`
 * - lock-ups: `symbol,ipo_date,offer_price,expiry_date,lockup_days,timing,shares_unlocked_pct,confirmed,source`
 * - IPOs: `symbol,ipo_date,offer_price,exchange,kind,source`
 * - custom: `symbol,date,timing,kind,tags,source` (tags `k=v;k=v`)
 * - mixed: any of the above with an `event_type` column per row (e.g. curated/crwv_events.csv).
 * `tsEvent` is the release instant of date + timing; `tsKnown` is `known_at` (or `earningsLeadSessions` sessions
 * ahead) for earnings and IPOs, the IPO's open for lock-ups, and the release itself for custom events.
 * Ids are `SYMBOL:kind:DATE` (custom: `SYMBOL:custom:DATE:label`).
 * Problems: EVENT_BAD_FILE, EVENT_FIELD_COUNT, EVENT_UNKNOWN_FORMAT, EVENT_MISSING_COLUMN, EVENT_BAD_DATE,
 * EVENT_BAD_FIELD, EVENT_DUPLICATE (errors); EVENT_UNKNOWN_COLUMN, EVENT_OUTSIDE_CALENDAR (row dropped),
 * EVENT_DAY0_MISMATCH (warnings).
 */
export function parseEvents(text: string, file: string, opts: EventLoadOptions = {}): MarketEvent[] {
  const problems = opts.problems ?? new Problems();
  const fp = new FileProblems(problems, file);
  const out: MarketEvent[] = [];
  const tables = readEventTables(text, fp, opts.format ?? formatOf(file), opts.delimiter).filter((t) => t.rows.length > 0 || t.columns.length > 0);
  const as: EventLoadOptions = opts.fallbackKind !== undefined && fallsBack(tables, fp, opts) ? { ...opts, kind: opts.fallbackKind } : opts;
  for (const table of tables) convertTable(table, fp, as, out);
  fp.close();
  return sortEvents(dedupe(out, fp));
}

/** One event file with its own reading options (a vendor's file: kind, columns, delimiter, …). */
export interface EventFileInput extends Omit<EventLoadOptions, 'problems'> {
  readonly file: string;
}

/**
 * Loads one or more event files (each a path, or a path with its own options over `opts`); an event in two files
 * is EVENT_DUPLICATE. Throws a ValidationError listing every error of all of them.
 */
export function loadEvents(paths: string | readonly (string | EventFileInput)[], opts: EventLoadOptions = {}): MarketEvent[] {
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const all: MarketEvent[] = [];
  const inputs = (typeof paths === 'string' ? [paths] : paths).map((p): EventFileInput => (typeof p === 'string' ? { file: p } : p));
  for (const { file, ...own } of inputs) all.push(...parseEvents(readTextFile(file, 'event file'), file, { ...opts, ...own, problems }));
  // One file's events come back deduplicated and sorted already; only several files are merged again.
  const events = inputs.length === 1 ? all : sortEvents(dedupe(all, new FileProblems(problems, inputs.map((i) => i.file).join(', '))));
  throwNewErrors(problems, before);
  return events;
}

/** Events in one deterministic order: date, symbol, kind, id. */
export function sortEvents<T extends MarketEvent>(events: T[]): T[] {
  return events.sort((a, b) => cmp(a.date, b.date) || cmp(a.symbol, b.symbol) || cmp(a.kind, b.kind) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe(events: MarketEvent[], fp: FileProblems): MarketEvent[] {
  const seen = new Map<string, MarketEvent>();
  for (const e of events) {
    const prev = seen.get(e.id);
    if (prev && prev !== e) {
      const at = prev.origin ? ` (first at ${prev.origin.file}:${prev.origin.line})` : '';
      fp.problems.error('EVENT_DUPLICATE', `event ${e.id} appears twice${at}`, e.origin ? { file: e.origin.file, line: e.origin.line, field: 'date' } : {});
    } else seen.set(e.id, e);
  }
  return [...seen.values()];
}

/**
 * Whether a file is read as `opts.fallbackKind`: read as `auto`, it would have exactly one error per table, "cannot
 * tell which events this file holds" (no error while reading its tables, no table whose kind is told or that is a
 * relations table).
 */
function fallsBack(tables: readonly EventTable[], fp: FileProblems, opts: EventLoadOptions): boolean {
  if (opts.fallbackKind === undefined || (opts.kind ?? 'auto') !== 'auto' || fp.errors > 0 || tables.length === 0) return false;
  const mapping = fieldMapping(opts.columns);
  return tables.every((t) => detectKind(t, resolveColumns(t.columns, EVENT_COLUMN_ALIASES, mapping).index, 'auto') === undefined);
}

function convertTable(table: EventTable, fp: FileProblems, opts: EventLoadOptions, out: MarketEvent[]): void {
  const mapping = fieldMapping(opts.columns);
  const { index, unknown } = resolveColumns(table.columns, EVENT_COLUMN_ALIASES, mapping);
  const kind = detectKind(table, index, opts.kind);
  if (kind === 'relations') {
    fp.error('EVENT_UNKNOWN_FORMAT', 'this is a relations file (symbol,related,relation,source); read it with loadRelations', table.headerLine);
    return;
  }
  if (kind === undefined) {
    fp.error('EVENT_UNKNOWN_FORMAT', 'cannot tell which events this file holds; name it *earnings*/*lockups*/*ipos*/*custom*, add the kind\'s columns, or give its kind (a scenario\'s events.files entry { file, kind: earnings }, aftershock study --event-kind earnings)', table.headerLine);
    return;
  }
  // A file read through a mapping names the columns it uses; the rest are the vendor's and pass silently.
  for (const u of opts.columns ? [] : unknown) {
    const col = table.columns[u]!;
    if (!IGNORED_COLUMNS.has(normalizeColumn(col))) fp.warn('EVENT_UNKNOWN_COLUMN', `column ${JSON.stringify(col)} is not an event field and is ignored`, table.headerLine, col);
  }
  const needed: EventField[] = kind === 'lockup-expiry' ? ['ipoDate'] : kind === 'ipo' ? [] : ['date'];
  if (kind === 'ipo' && index.date < 0) needed.push('ipoDate');
  if (kind === 'mixed') needed.push('eventType');
  if (kind === 'lockup-expiry' && index.expiryDate < 0 && index.lockupDays < 0 && index.date < 0) needed.push('expiryDate');
  const stem = basename(table.file).split(/[_.]/)[0]!;
  // A file named after its contents (earnings.csv, lockups.yaml) names no symbol.
  const fileSymbol = opts.symbol ?? (KIND_WORDS[normalizeColumn(stem)] || /^(calendar|data)$/i.test(stem) ? '' : stem);
  if (fileSymbol === '') needed.push('symbol');
  let missing = false;
  for (const f of needed) {
    if (index[f] >= 0) continue;
    const col = mapping[f] ?? EVENT_COLUMN_ALIASES[f][0];
    fp.error('EVENT_MISSING_COLUMN', `no ${col} column (${kind} events need it)`, table.headerLine, col);
    missing = true;
  }
  if (missing) return;
  const ctx = new RowContext(table, index, fp, fileSymbol, opts.calendar, opts.earningsLeadSessions, opts.dateFormat);
  const skip = (): boolean => {
    if (opts.symbols && !opts.symbols.has(ctx.symbol())) return true;
    if (opts.from === undefined && opts.to === undefined) return false;
    // The event's own date as written; a row whose date cannot be read is checked (and reported) as usual.
    const d = ctx.isoOf(index.expiryDate >= 0 ? 'expiryDate' : 'date');
    return d !== undefined && ((opts.from !== undefined && d < opts.from) || (opts.to !== undefined && d > opts.to));
  };
  const ipoDates = new Map<string, IsoDate>();
  if (kind === 'mixed') {
    for (const row of table.rows) {
      ctx.row = row;
      if (opts.symbols && !opts.symbols.has(ctx.symbol())) continue;
      if (ctx.eventKind() === 'ipo') {
        const d = ctx.isoOf('ipoDate') ?? ctx.isoOf('date');
        if (d !== undefined) ipoDates.set(ctx.symbol(), d);
      }
    }
  }
  for (const row of table.rows) {
    ctx.row = row;
    if (skip()) continue;
    const k = kind === 'mixed' ? ctx.eventKind() : kind;
    if (k === undefined) continue;
    const e = k === 'earnings' ? ctx.earnings() : k === 'lockup-expiry' ? ctx.lockup(ipoDates) : k === 'ipo' ? ctx.ipo() : ctx.custom();
    if (e) out.push(e);
  }
}
