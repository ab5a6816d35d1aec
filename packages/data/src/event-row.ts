import {
  DEFAULT_EARNINGS_LEAD_SESSIONS,
  addDays,
  releaseInstant,
  resolveDay0,
  scheduledInstant,
  xnysCalendar,
  type CustomEvent,
  type EarningsEvent,
  type EventKind,
  type IpoEvent,
  type IsoDate,
  type LockupEvent,
  type MarketEvent,
  type Timing,
  type TradingCalendar,
} from '@aftershock/core';
import { withCachedInstants } from './cached-calendar';
import { normalizeColumn } from './columns';
import { EVENT_COLUMN_ALIASES, KIND_WORDS, type EventField } from './event-columns';
import type { EventRow, EventTable } from './event-table';
import type { FileProblems } from './file-problems';
import { dateReader, type DateReader } from './date-format';
import { parseIsoDayAt } from './session-index';
import { parseTiming } from './timing';

/**
 * Each event field's slot in a RowContext's column table: one constant object for every file read. The column index
 * of resolveColumns is a new object per file, with too many fields added by key to stay a fast object: code compiled
 * for one file's index met another hidden class on the next file (the study command reads one per run) and was
 * deoptimised each time.
 */
const SLOT = Object.fromEntries(Object.keys(EVENT_COLUMN_ALIASES).map((k, i) => [k, i])) as Record<EventField, number>;

/**
 * Reads the fields of one row at a time (`row`) and builds its event, reporting every problem with file, line and
 * column. One instance serves a whole table.
 */
export class RowContext {
  row: EventRow = { line: 0, values: {} };
  private readonly cal: TradingCalendar;
  private readonly lead: number;
  /** The header name of each field's column (by SLOT), undefined when it has none. */
  private readonly header: (string | undefined)[];

  constructor(
    private readonly table: EventTable,
    index: Record<EventField, number>,
    private readonly fp: FileProblems,
    private readonly fileSymbol: string,
    calendar: TradingCalendar = xnysCalendar(),
    lead: number = DEFAULT_EARNINGS_LEAD_SESSIONS,
    private readonly dateFormat: string = 'YYYY-MM-DD',
  ) {
    this.cal = withCachedInstants(calendar);
    this.lead = lead;
    const fields = Object.keys(SLOT) as EventField[];
    this.header = fields.map((f) => (index[f] >= 0 ? table.columns[index[f]]! : undefined));
    this.readDate = dateFormat === 'YYYY-MM-DD' ? isoPrefix : dateReader(dateFormat);
  }

  private readonly readDate: DateReader;

  /** The ISO date written in field f (in the file's date layout), or undefined when empty or unreadable. */
  isoOf(f: EventField): IsoDate | undefined {
    const raw = this.text(f);
    return raw === '' ? undefined : this.readDate(raw);
  }

  col(f: EventField): string {
    return this.header[SLOT[f]] ?? EVENT_COLUMN_ALIASES[f][0];
  }

  text(f: EventField): string {
    const h = this.header[SLOT[f]];
    return h !== undefined ? (this.row.values[h] ?? '') : '';
  }

  /** Whether the file has a column for field f. */
  private has(f: EventField): boolean {
    return this.header[SLOT[f]] !== undefined;
  }

  bad(f: EventField, message: string, code = 'EVENT_BAD_FIELD'): undefined {
    this.fp.error(code, message, this.row.line, this.col(f));
    return undefined;
  }

  symbol(): string {
    return this.has('symbol') ? this.text('symbol') : this.fileSymbol;
  }

  eventKind(): EventKind | undefined {
    const raw = this.text('eventType');
    const k = KIND_WORDS[normalizeColumn(raw)];
    return k ?? this.bad('eventType', `unknown event type ${JSON.stringify(raw)} (earnings, lockup_expiry, ipo, custom)`);
  }

  /** A required date: undefined (with a problem) when empty, malformed or outside the calendar. */
  date(f: EventField, required = true): IsoDate | undefined | null {
    if (this.text(f) === '') return required ? this.bad(f, 'empty date', 'EVENT_BAD_DATE') : null;
    const s = this.isoOf(f);
    if (s === undefined) return this.bad(f, `not a ${this.dateFormat} date: ${JSON.stringify(this.text(f))}`, 'EVENT_BAD_DATE');
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

  /** The last timing text read and what it reads as (a file repeats a few words on every row). */
  private lastTiming: { raw: string; t: Timing | undefined } = { raw: '', t: undefined };

  timing(fallback: Timing = 'unknown'): Timing | undefined {
    const raw = this.text('timing');
    if (raw === '') return fallback;
    if (raw !== this.lastTiming.raw) this.lastTiming = { raw, t: parseTiming(raw) };
    const t = this.lastTiming.t;
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
    let ipoDate: IsoDate | undefined | null = this.has('ipoDate') ? this.date('ipoDate', false) : null;
    if (ipoDate === null) ipoDate = ipoDates.get(this.symbol()) ?? this.bad('ipoDate', `no IPO date for ${this.symbol()}`);
    const lockupDays = this.num('lockupDays');
    let expiry: IsoDate | undefined | null = this.has('expiryDate') ? this.date('expiryDate', false) : this.has('date') ? this.date('date', false) : null;
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
    // Empty: an expiry date written out counts as confirmed, one computed from lock-up days as estimated.
    const written = this.text('expiryDate') !== '' || (!this.has('expiryDate') && this.text('date') !== '');
    const confirmed = rawConfirmed === '' ? written : CONFIRMED[rawConfirmed];
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
    const date = this.has('ipoDate') ? this.date('ipoDate') : this.date('date');
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

/** `YYYY-MM-DD`, optionally followed by a time after a space or a T. */
function isoPrefix(raw: string): IsoDate | undefined {
  const s = raw.slice(0, 10);
  // On 10 characters parseIsoDayAt accepts exactly what core's isValidIsoDate does, without its RegExp and Date
  // (test/event-dates.test.ts).
  const day = s.length === 10 ? parseIsoDayAt(s, 0, 10) : NaN;
  return day === day && (raw.length === 10 || /^[ T]/.test(raw.slice(10))) ? s : undefined;
}

const CONFIRMED: Readonly<Record<string, boolean>> = { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false };
