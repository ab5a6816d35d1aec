import { AftershockError } from './errors';
import { dayNumberToIso, isoToDayNumber, weekdayOf, type IsoDate } from './dates';
import { easternInstant } from './eastern-time';
import { earlyCloses, regularHolidays, SPECIAL_CLOSURES } from './xnys-rules';

export const EXCHANGE_ZONE = 'America/New_York';
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2030;

/** A trading calendar: sessions are numbered 0..n−1 (ordinals); every lookup is O(1) or O(log n). */
export interface TradingCalendar {
  readonly name: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly size: number;
  isSession(date: IsoDate): boolean;
  /** The ordinal of a session date, or -1 when the date is not a session. */
  ordinal(date: IsoDate): number;
  /** The session date of an ordinal. Throws when out of range. */
  date(ordinal: number): IsoDate;
  /** First session strictly after `date` (any calendar date). */
  next(date: IsoDate): IsoDate;
  /** Last session strictly before `date`. */
  previous(date: IsoDate): IsoDate;
  /** First session on or after `date` as an ordinal. */
  ordinalOnOrAfter(date: IsoDate): number;
  /** Last session on or before `date` as an ordinal. */
  ordinalOnOrBefore(date: IsoDate): number;
  /** The session n sessions from `date` (a session); n may be negative. */
  shift(date: IsoDate, n: number): IsoDate;
  /** Sessions in [from, to], both inclusive. */
  sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[];
  /** Why a weekday is closed, or undefined for a session or a weekend. */
  closureReason(date: IsoDate): string | undefined;
  isEarlyClose(date: IsoDate): boolean;
  /** Epoch ms of the session's open (09:30 ET). */
  openAt(date: IsoDate): number;
  /** Epoch ms of the session's close (16:00 ET, or 13:00 on early closes). */
  closeAt(date: IsoDate): number;
}

class XnysCalendar implements TradingCalendar {
  readonly name = 'XNYS';
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly size: number;
  private readonly sessions: IsoDate[];
  private readonly dayNums: Int32Array;
  private readonly index = new Map<IsoDate, number>();
  private readonly closures = new Map<IsoDate, string>();
  private readonly early = new Set<IsoDate>();
  private readonly baseDay: number;
  /** onOrAfter[d − baseDay] = first ordinal with day ≥ d; covers every calendar day of the range. */
  private readonly onOrAfter: Int32Array;

  constructor() {
    for (let y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
      for (const [d, name] of regularHolidays(y)) this.closures.set(dayNumberToIso(d), name);
      for (const d of earlyCloses(y)) this.early.add(dayNumberToIso(d));
    }
    for (const [d, why] of SPECIAL_CLOSURES) this.closures.set(d, why);
    const start = isoToDayNumber(`${CALENDAR_FIRST_YEAR}-01-01`);
    const end = isoToDayNumber(`${CALENDAR_LAST_YEAR}-12-31`);
    this.baseDay = start;
    const sessions: IsoDate[] = [];
    const nums: number[] = [];
    this.onOrAfter = new Int32Array(end - start + 2);
    for (let d = start; d <= end; d++) {
      this.onOrAfter[d - start] = sessions.length;
      const wd = weekdayOf(d);
      if (wd === 0 || wd === 6) continue;
      const iso = dayNumberToIso(d);
      if (this.closures.has(iso)) continue;
      this.index.set(iso, sessions.length);
      sessions.push(iso);
      nums.push(d);
    }
    this.onOrAfter[end - start + 1] = sessions.length;
    this.sessions = sessions;
    this.dayNums = Int32Array.from(nums);
    this.size = sessions.length;
    this.first = sessions[0]!;
    this.last = sessions[sessions.length - 1]!;
  }

  isSession(date: IsoDate): boolean {
    return this.index.has(date);
  }

  ordinal(date: IsoDate): number {
    return this.index.get(date) ?? -1;
  }

  date(ordinal: number): IsoDate {
    const s = this.sessions[ordinal];
    if (s === undefined) {
      throw new AftershockError('CALENDAR_OUT_OF_RANGE', `session ordinal ${ordinal} is outside ${this.first}..${this.last}`);
    }
    return s;
  }

  ordinalOnOrAfter(date: IsoDate): number {
    const k = this.dayOffset(date);
    const o = this.onOrAfter[k]!;
    if (o >= this.size) this.outOfRange(date);
    return o;
  }

  ordinalOnOrBefore(date: IsoDate): number {
    const o = this.ordinal(date);
    if (o >= 0) return o;
    const after = this.onOrAfter[this.dayOffset(date)]!;
    if (after === 0) this.outOfRange(date);
    return after - 1;
  }

  next(date: IsoDate): IsoDate {
    const o = this.ordinal(date);
    return this.date(o >= 0 ? o + 1 : this.ordinalOnOrAfter(date));
  }

  previous(date: IsoDate): IsoDate {
    const o = this.ordinal(date);
    return this.date(o >= 0 ? o - 1 : this.ordinalOnOrBefore(date));
  }

  shift(date: IsoDate, n: number): IsoDate {
    const o = this.ordinal(date);
    if (o < 0) throw new AftershockError('NOT_A_SESSION', `${date} is not an XNYS session`);
    return this.date(o + n);
  }

  sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
    if (to < from) return [];
    const a = Math.max(0, this.onOrAfter[Math.max(0, this.clampOffset(from))]!);
    const b = this.ordinalOnOrBeforeSafe(to);
    return this.sessions.slice(a, b + 1);
  }

  closureReason(date: IsoDate): string | undefined {
    return this.closures.get(date);
  }

  isEarlyClose(date: IsoDate): boolean {
    return this.early.has(date);
  }

  openAt(date: IsoDate): number {
    return this.instant(date, 9, 30);
  }

  closeAt(date: IsoDate): number {
    return this.early.has(date) ? this.instant(date, 13, 0) : this.instant(date, 16, 0);
  }

  /** Day number of a session ordinal (days since 1970-01-01). */
  dayNumber(ordinal: number): number {
    return this.dayNums[ordinal]!;
  }

  /** A New York wall-clock time of a session, without a time-zone database lookup (see easternInstant). */
  private instant(date: IsoDate, h: number, m: number): number {
    const o = this.index.get(date);
    if (o === undefined) throw new AftershockError('NOT_A_SESSION', `${date} is not an XNYS session`);
    return easternInstant(this.dayNums[o]!, h * 60 + m);
  }

  private dayOffset(date: IsoDate): number {
    const d = isoToDayNumber(date);
    if (Number.isNaN(d)) throw new AftershockError('BAD_DATE', `not a date: ${JSON.stringify(date)}`);
    const k = d - this.baseDay;
    if (k < 0 || k >= this.onOrAfter.length - 1) this.outOfRange(date);
    return k;
  }

  private clampOffset(date: IsoDate): number {
    const d = isoToDayNumber(date);
    if (Number.isNaN(d)) throw new AftershockError('BAD_DATE', `not a date: ${JSON.stringify(date)}`);
    return Math.min(this.onOrAfter.length - 1, d - this.baseDay);
  }

  private ordinalOnOrBeforeSafe(date: IsoDate): number {
    const k = this.clampOffset(date);
    if (k < 0) return -1;
    const o = this.ordinal(date);
    return o >= 0 ? o : this.onOrAfter[k]! - 1;
  }

  private outOfRange(date: IsoDate): never {
    throw new AftershockError(
      'CALENDAR_OUT_OF_RANGE',
      `${date} is outside the XNYS calendar (${CALENDAR_FIRST_YEAR}-01-01..${CALENDAR_LAST_YEAR}-12-31)`,
    );
  }
}

let xnys: XnysCalendar | undefined;

/** The NYSE calendar, 2000–2030, built once (~7,800 sessions). */
export function xnysCalendar(): TradingCalendar {
  xnys ??= new XnysCalendar();
  return xnys;
}
