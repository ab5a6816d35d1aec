import { basename } from 'node:path';
import {
  DEFAULT_EARNINGS_LEAD_SESSIONS,
  Problems,
  addDays,
  isValidIsoDate,
  releaseInstant,
  resolveDay0,
  scheduledInstant,
  xnysCalendar,
  type EarningsEvent,
  type EventKind,
  type IpoEvent,
  type IsoDate,
  type LockupEvent,
  type MarketEvent,
  type CustomEvent,
  type Timing,
  type TradingCalendar,
} from '@aftershock/core';
import { normalizeColumn, resolveColumns } from './columns';
import { readTextFile } from './csv';
import { throwNewErrors } from './dividends';
import { formatOf, readEventTables, type EventFormat, type EventRow, type EventTable } from './event-table';
import { withCachedInstants } from './cached-calendar';
import { FileProblems } from './file-problems';
import { parseTiming } from './timing';

/** What one event file holds; `mixed` files say it per row in an `event_type` column. */
export type EventFileKind = 'earnings' | 'lockup-expiry' | 'ipo' | 'custom' | 'mixed';

/** Column names accepted for each event field (compared case- and punctuation-insensitively). */
export const EVENT_COLUMN_ALIASES = {
  symbol: ['symbol', 'ticker'],
  date: ['date', 'event_date', 'reported_date', 'report_date', 'announcement_date', 'earnings_date', 'dates'],
  timing: ['timing', 'report_time', 'time_et', 'time', 'session', 'when'],
  eventType: ['event_type'],
  fiscalPeriod: ['fiscal_period', 'fiscal_quarter', 'quarter', 'period', 'fiscal_date_ending'],
  epsActual: ['eps_actual', 'reported_eps', 'eps', 'eps_gaap_diluted_actual', 'actual_eps'],
  epsEstimate: ['eps_estimate', 'estimated_eps', 'eps_consensus', 'consensus_eps'],
  revenueActual: ['revenue_actual', 'revenue', 'revenue_actual_usd', 'actual_revenue'],
  revenueEstimate: ['revenue_estimate', 'revenue_consensus', 'revenue_consensus_usd', 'estimated_revenue'],
  knownAt: ['known_at', 'announced_at', 'date_known'],
  ipoDate: ['ipo_date', 'first_trade_date', 'listing_date'],
  expiryDate: ['expiry_date', 'lockup_expiry', 'lockup_expiry_date', 'expiration_date'],
  lockupDays: ['lockup_days', 'lock_up_days'],
  offerPrice: ['offer_price', 'ipo_price', 'offer_price_usd'],
  sharesUnlockedPct: ['shares_unlocked_pct', 'unlocked_pct', 'shares_pct'],
  confirmed: ['confirmed'],
  kind: ['kind', 'label', 'event_kind'],
  tags: ['tags'],
  exchange: ['exchange'],
  firstReactionSession: ['first_reaction_session'],
  source: ['source', 'sources', 'source_url', 'source_urls'],
} as const;

export type EventField = keyof typeof EVENT_COLUMN_ALIASES;

/** Columns of known sources that are derived or descriptive; read silently and not used. */
const IGNORED_COLUMNS = new Set(
  ['surprise', 'surprise_percentage', 'eps_surprise_pct', 'eps_pct_diff', 'detail', 'notes', 'note', 'name', 'company', 'value', 'revenue_yoy', 'country', 'category'].map(normalizeColumn),
);

export interface EventLoadOptions {
  /** What the file holds; `auto` (default) infers it from the columns, the JSON/YAML section or the file name. */
  readonly kind?: EventFileKind | 'auto';
  /** File format; default from the extension (.csv, .json, .yaml/.yml). */
  readonly format?: EventFormat;
  /** Symbol for files without a symbol column; default: the file name up to the first `_` or `.` (`NVDA_earnings.json` → NVDA). */
  readonly symbol?: string;
  /** Column mapping (field → column name) for headers that are not recognised. */
  readonly columns?: Partial<Record<EventField, string>>;
  readonly calendar?: TradingCalendar;
  /** Sessions before an earnings release at which its date is taken to be public, when `known_at` is empty (default 14). */
  readonly earningsLeadSessions?: number;
  readonly problems?: Problems;
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
  for (const table of readEventTables(text, fp, opts.format ?? formatOf(file))) {
    if (table.rows.length === 0 && table.columns.length === 0) continue;
    convertTable(table, fp, opts, out);
  }
  fp.close();
  return sortEvents(dedupe(out, fp));
}

/** Loads one or more event files; throws a ValidationError listing every error of all of them. */
export function loadEvents(paths: string | readonly string[], opts: EventLoadOptions = {}): MarketEvent[] {
  const problems = opts.problems ?? new Problems();
  const before = problems.list.length;
  const all: MarketEvent[] = [];
  for (const p of typeof paths === 'string' ? [paths] : paths) all.push(...parseEvents(readTextFile(p, 'event file'), p, { ...opts, problems }));
  const fp = new FileProblems(problems, typeof paths === 'string' ? paths : paths.join(', '));
  const events = sortEvents(dedupe(all, fp));
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

const KIND_WORDS: Readonly<Record<string, EventKind>> = {
  earnings: 'earnings',
  earning: 'earnings',
  lockups: 'lockup-expiry',
  lockup: 'lockup-expiry',
  lockupexpiry: 'lockup-expiry',
  lockupexpiries: 'lockup-expiry',
  ipo: 'ipo',
  ipos: 'ipo',
  custom: 'custom',
  events: 'custom',
};

/** Infers what a table holds from its section, columns and file name. */
function detectKind(table: EventTable, idx: Record<EventField, number>, opts: EventLoadOptions): EventFileKind | 'relations' | undefined {
  if (opts.kind !== undefined && opts.kind !== 'auto') return opts.kind;
  if (table.section !== undefined) {
    const k = normalizeColumn(table.section);
    if (k === 'relations') return 'relations';
    if (KIND_WORDS[k]) return KIND_WORDS[k];
  }
  const norm = new Set(table.columns.map(normalizeColumn));
  if (norm.has('related')) return 'relations';
  if (idx.eventType >= 0) return 'mixed';
  if (idx.expiryDate >= 0 || idx.lockupDays >= 0) return 'lockup-expiry';
  if (idx.ipoDate >= 0) return 'ipo';
  if (idx.epsActual >= 0 || idx.epsEstimate >= 0 || idx.revenueActual >= 0 || idx.revenueEstimate >= 0 || idx.fiscalPeriod >= 0 || idx.knownAt >= 0) return 'earnings';
  if (idx.kind >= 0 || idx.tags >= 0) return 'custom';
  const name = basename(table.file).toLowerCase();
  for (const [w, k] of Object.entries(KIND_WORDS)) if (name.includes(w) && w !== 'events') return k;
  return undefined;
}

function convertTable(table: EventTable, fp: FileProblems, opts: EventLoadOptions, out: MarketEvent[]): void {
  const { index, unknown } = resolveColumns(table.columns, EVENT_COLUMN_ALIASES, opts.columns ?? {});
  const kind = detectKind(table, index, opts);
  if (kind === 'relations') {
    fp.error('EVENT_UNKNOWN_FORMAT', 'this is a relations file (symbol,related,relation,source); read it with loadRelations', table.headerLine);
    return;
  }
  if (kind === undefined) {
    fp.error('EVENT_UNKNOWN_FORMAT', 'cannot tell which events this file holds; name it *earnings*/*lockups*/*ipos*/*custom*, add the kind\'s columns, or pass the kind', table.headerLine);
    return;
  }
  for (const u of unknown) {
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
    const col = opts.columns?.[f] ?? EVENT_COLUMN_ALIASES[f][0];
    fp.error('EVENT_MISSING_COLUMN', `no ${col} column (${kind} events need it)`, table.headerLine, col);
    missing = true;
  }
  if (missing) return;
  const ctx = new RowContext(table, index, fp, opts, fileSymbol);
  const ipoDates = new Map<string, IsoDate>();
  if (kind === 'mixed') {
    for (const row of table.rows) {
      ctx.row = row;
      if (ctx.eventKind() === 'ipo') {
        const d = ctx.text('ipoDate') || ctx.text('date');
        if (isValidIsoDate(d)) ipoDates.set(ctx.symbol(), d);
      }
    }
  }
  for (const row of table.rows) {
    ctx.row = row;
    const k = kind === 'mixed' ? ctx.eventKind() : kind;
    if (k === undefined) continue;
    const e = k === 'earnings' ? ctx.earnings() : k === 'lockup-expiry' ? ctx.lockup(ipoDates) : k === 'ipo' ? ctx.ipo() : ctx.custom();
    if (e) out.push(e);
  }
}

/** Reads the fields of the current row, reporting problems with file, line and column. */
class RowContext {
  row: EventRow = { line: 0, values: {} };
  private readonly cal: TradingCalendar;
  private readonly lead: number;

  constructor(
    private readonly table: EventTable,
    private readonly index: Record<EventField, number>,
    private readonly fp: FileProblems,
    opts: EventLoadOptions,
    private readonly fileSymbol: string,
  ) {
    this.cal = withCachedInstants(opts.calendar ?? xnysCalendar());
    this.lead = opts.earningsLeadSessions ?? DEFAULT_EARNINGS_LEAD_SESSIONS;
  }

  col(f: EventField): string {
    const i = this.index[f];
    return i >= 0 ? this.table.columns[i]! : EVENT_COLUMN_ALIASES[f][0];
  }

  text(f: EventField): string {
    const i = this.index[f];
    return i >= 0 ? (this.row.values[this.table.columns[i]!] ?? '') : '';
  }

  bad(f: EventField, message: string, code = 'EVENT_BAD_FIELD'): undefined {
    this.fp.error(code, message, this.row.line, this.col(f));
    return undefined;
  }

  symbol(): string {
    return this.index.symbol >= 0 ? this.text('symbol') : this.fileSymbol;
  }

  eventKind(): EventKind | undefined {
    const raw = this.text('eventType');
    const k = KIND_WORDS[normalizeColumn(raw)];
    return k ?? this.bad('eventType', `unknown event type ${JSON.stringify(raw)} (earnings, lockup_expiry, ipo, custom)`);
  }

  /** A required date: undefined (with a problem) when empty, malformed or outside the calendar. */
  date(f: EventField, required = true): IsoDate | undefined | null {
    const s = this.text(f).slice(0, 10);
    if (s === '') return required ? this.bad(f, 'empty date', 'EVENT_BAD_DATE') : null;
    if (!isValidIsoDate(s) || (this.text(f).length > 10 && !/^[ T]/.test(this.text(f).slice(10)))) {
      return this.bad(f, `not a YYYY-MM-DD date: ${JSON.stringify(this.text(f))}`, 'EVENT_BAD_DATE');
    }
    if (s < this.cal.first || s > this.cal.last) {
      this.fp.warn('EVENT_OUTSIDE_CALENDAR', `${s} is outside the calendar (${this.cal.first}..${this.cal.last}); the event is dropped`, this.row.line, this.col(f));
      return undefined;
    }
    return s;
  }

  /** An optional number: undefined when empty; NaN (with a problem) when malformed. */
  num(f: EventField): number | undefined {
    const s = this.text(f).replace(/^\$/, '').replace(/%$/, '');
    if (s === '' || /^(n\/?a|none|null|-)$/i.test(s)) return undefined;
    const v = Number(s);
    if (!Number.isFinite(v)) {
      this.bad(f, `not a number: ${JSON.stringify(this.text(f))}`);
      return NaN;
    }
    return v;
  }

  timing(fallback: Timing = 'unknown'): Timing | undefined {
    if (this.text('timing') === '') return fallback;
    const t = parseTiming(this.text('timing'));
    return t ?? this.bad('timing', `unknown timing ${JSON.stringify(this.text('timing'))} (before-open, during, after-close, unknown; BMO, AMC, DMH, HH:MM)`);
  }

  tags(): Record<string, string> | undefined {
    const s = this.text('tags');
    const out: Record<string, string> = {};
    if (s === '') return out;
    for (const part of s.split(';')) {
      if (part.trim() === '') continue;
      const eq = part.indexOf('=');
      if (eq <= 0) return this.bad('tags', `tag ${JSON.stringify(part)} is not k=v (tags are written k=v;k=v)`);
      out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
    return out;
  }

  base(kind: EventKind, date: IsoDate, timing: Timing, tsKnown: number, tags: Record<string, string>, idSuffix = ''): Omit<MarketEvent, 'kind'> & { kind: EventKind } {
    const symbol = this.symbol();
    const source = this.text('source');
    return {
      id: `${symbol}:${kind}:${date}${idSuffix}`,
      symbol,
      kind,
      date,
      timing,
      tsEvent: releaseInstant(this.cal, date, timing),
      tsKnown,
      tags,
      ...(source !== '' ? { source } : {}),
      origin: { file: this.table.file, line: this.row.line },
    };
  }

  /** Checks the symbol and returns false (with a problem) when it is empty. */
  hasSymbol(): boolean {
    if (this.symbol() !== '') return true;
    this.bad('symbol', 'empty symbol');
    return false;
  }

  /** Cross-checks a `first_reaction_session` column against the day-0 rule. */
  checkDay0(date: IsoDate, timing: Timing, kind: EventKind): void {
    const want = this.text('firstReactionSession');
    if (want === '') return;
    const got = resolveDay0(this.cal, date, timing, {}, kind).day0;
    if (got !== want) this.fp.warn('EVENT_DAY0_MISMATCH', `the file says the first reaction session is ${want}, the day-0 rule gives ${got}`, this.row.line, this.col('firstReactionSession'));
  }

  earnings(): EarningsEvent | undefined {
    const ok = this.hasSymbol();
    const date = this.date('date');
    const knownAt = this.date('knownAt', false);
    const timing = this.timing();
    const epsActual = this.num('epsActual');
    const epsEstimate = this.num('epsEstimate');
    const revenueActual = this.num('revenueActual');
    const revenueEstimate = this.num('revenueEstimate');
    if (!ok || !date || knownAt === undefined || !timing) return undefined;
    if ([epsActual, epsEstimate, revenueActual, revenueEstimate].some((v) => Number.isNaN(v))) return undefined;
    if (knownAt !== null && knownAt > date) return this.bad('knownAt', `known_at ${knownAt} is after the release date ${date}`);
    this.checkDay0(date, timing, 'earnings');
    const tsKnown = scheduledInstant(this.cal, date, knownAt ?? undefined, this.lead);
    const fiscalPeriod = this.text('fiscalPeriod');
    const surprise = epsActual !== undefined && epsEstimate !== undefined ? epsActual - epsEstimate : undefined;
    return {
      ...this.base('earnings', date, timing, tsKnown, {}),
      kind: 'earnings',
      ...(fiscalPeriod !== '' ? { fiscalPeriod } : {}),
      ...(epsActual !== undefined ? { epsActual } : {}),
      ...(epsEstimate !== undefined ? { epsEstimate } : {}),
      ...(revenueActual !== undefined ? { revenueActual } : {}),
      ...(revenueEstimate !== undefined ? { revenueEstimate } : {}),
      ...(surprise !== undefined ? { surprise } : {}),
      ...(surprise !== undefined && epsEstimate !== 0 ? { surprisePct: (surprise / Math.abs(epsEstimate!)) * 100 } : {}),
    };
  }

  lockup(ipoDates: ReadonlyMap<string, IsoDate>): LockupEvent | undefined {
    const ok = this.hasSymbol();
    let ipoDate: IsoDate | undefined | null = this.index.ipoDate >= 0 ? this.date('ipoDate', false) : null;
    if (ipoDate === null) ipoDate = ipoDates.get(this.symbol()) ?? this.bad('ipoDate', `no IPO date for ${this.symbol()}`);
    const lockupDays = this.num('lockupDays');
    let expiry: IsoDate | undefined | null = this.index.expiryDate >= 0 ? this.date('expiryDate', false) : this.index.date >= 0 ? this.date('date', false) : null;
    const timing = this.timing();
    const offerPrice = this.num('offerPrice');
    const sharesUnlockedPct = this.num('sharesUnlockedPct');
    const tags = this.tags();
    if (!ok || !ipoDate || expiry === undefined || !timing || !tags) return undefined;
    if (lockupDays !== undefined && (Number.isNaN(lockupDays) || lockupDays <= 0 || !Number.isInteger(lockupDays))) {
      return this.bad('lockupDays', `lock-up days must be a positive whole number, got ${JSON.stringify(this.text('lockupDays'))}`);
    }
    if ([offerPrice, sharesUnlockedPct].some((v) => Number.isNaN(v))) return undefined;
    if (expiry === null) {
      if (lockupDays === undefined) return this.bad('expiryDate', 'neither an expiry date nor lock-up days');
      expiry = addDays(ipoDate, lockupDays);
      if (expiry > this.cal.last) return this.bad('lockupDays', `the expiry ${expiry} is outside the calendar`, 'EVENT_BAD_DATE');
    }
    if (expiry < ipoDate) return this.bad('expiryDate', `expiry ${expiry} is before the IPO date ${ipoDate}`, 'EVENT_BAD_DATE');
    const rawConfirmed = this.text('confirmed').toLowerCase();
    const confirmed = rawConfirmed === '' ? this.text('expiryDate') !== '' && this.index.lockupDays < 0 : CONFIRMED[rawConfirmed];
    if (confirmed === undefined) return this.bad('confirmed', `confirmed must be yes/no/true/false, got ${JSON.stringify(this.text('confirmed'))}`);
    this.checkDay0(expiry, timing, 'lockup-expiry');
    const tsKnown = this.cal.openAt(this.cal.date(this.cal.ordinalOnOrAfter(ipoDate)));
    return {
      ...this.base('lockup-expiry', expiry, timing, tsKnown, { confirmed: confirmed ? 'yes' : 'no', ...tags }),
      kind: 'lockup-expiry',
      ipoDate,
      confirmed,
      ...(lockupDays !== undefined ? { lockupDays } : {}),
      ...(offerPrice !== undefined ? { offerPrice } : {}),
      ...(sharesUnlockedPct !== undefined ? { sharesUnlockedPct } : {}),
    };
  }

  ipo(): IpoEvent | undefined {
    const ok = this.hasSymbol();
    const date = this.index.ipoDate >= 0 ? this.date('ipoDate') : this.date('date');
    const timing = this.timing();
    const offerPrice = this.num('offerPrice');
    const knownAt = this.date('knownAt', false);
    const tags = this.tags();
    const kind = this.text('kind');
    if (!ok || !date || !timing || !tags || knownAt === undefined || Number.isNaN(offerPrice)) return undefined;
    if (kind !== '' && normalizeColumn(kind) !== 'ipo') return this.bad('kind', `an IPO file row has kind ${JSON.stringify(kind)}`);
    this.checkDay0(date, timing, 'ipo');
    const exchange = this.text('exchange');
    return {
      ...this.base('ipo', date, timing, scheduledInstant(this.cal, date, knownAt ?? undefined, this.lead), { ...(exchange !== '' ? { exchange } : {}), ...tags }),
      kind: 'ipo',
      ...(offerPrice !== undefined ? { offerPrice } : {}),
    };
  }

  custom(): CustomEvent | undefined {
    const ok = this.hasSymbol();
    const date = this.date('date');
    const timing = this.timing();
    const tags = this.tags();
    const knownAt = this.date('knownAt', false);
    if (!ok || !date || !timing || !tags || knownAt === undefined) return undefined;
    const label = this.text('kind');
    const base = this.base('custom', date, timing, 0, label !== '' ? { kind: label, ...tags } : tags, label !== '' ? `:${label}` : '');
    return {
      ...base,
      kind: 'custom',
      tsKnown: knownAt !== null ? scheduledInstant(this.cal, date, knownAt) : base.tsEvent,
      ...(label !== '' ? { label } : {}),
    };
  }
}

const CONFIRMED: Readonly<Record<string, boolean>> = { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false };
