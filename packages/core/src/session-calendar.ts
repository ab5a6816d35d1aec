import { DateTime } from 'luxon';
import type { TradingCalendar } from './trading-calendar';
import { AftershockError } from './errors';
import { dayNumberToIso, isoToDayNumber, type IsoDate } from './dates';
import { easternInstant } from './eastern-time';

/** What a SessionCalendar is built from: its sessions and the calendar days it covers. */
export interface SessionCalendarSpec {
  readonly name: string;
  /** Session dates as day numbers (days since 1970-01-01), strictly increasing. */
  readonly sessions: readonly number[];
  /** First and last calendar day covered (a date outside is CALENDAR_OUT_OF_RANGE). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Why a covered day that is not a session is closed, when known; weekends need no entry. */
  readonly closures?: ReadonlyMap<IsoDate, string>;
  /** The reason given for any other closed weekday. */
  readonly otherClosure?: string;
  /** Regular open and close, in minutes after midnight exchange time. */
  readonly openMinute: number;
  readonly closeMinute: number;
  /** Sessions closing early: date → close in minutes after midnight. */
  readonly earlyCloses?: ReadonlyMap<IsoDate, number>;
  /** IANA zone of the exchange. */
  readonly zone: string;
}

/**
 * A trading calendar over a list of sessions: ordinals 0..n−1, O(1) date → ordinal and next/previous lookups
 * through a table over every covered day. XNYS and calendars built from a market series' own bars are both one.
 */
export class SessionCalendar implements TradingCalendar {
  readonly name: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly size: number;
  readonly zone: string;
  private readonly sessions: IsoDate[];
  private readonly dayNums: Int32Array;
  private readonly index = new Map<IsoDate, number>();
  private readonly closures: ReadonlyMap<IsoDate, string>;
  private readonly otherClosure: string | undefined;
  private readonly early: ReadonlyMap<IsoDate, number>;
  private readonly openMinute: number;
  private readonly closeMinute: number;
  private readonly baseDay: number;
  private readonly lastDay: number;
  /** onOrAfter[d − baseDay] = first ordinal with day ≥ d; one entry past the last day. */
  private readonly onOrAfter: Int32Array;

  constructor(spec: SessionCalendarSpec) {
    if (spec.sessions.length === 0) throw new AftershockError('CALENDAR_EMPTY', `the ${spec.name} calendar has no sessions`);
    this.name = spec.name;
    this.zone = spec.zone;
    this.closures = spec.closures ?? new Map();
    this.otherClosure = spec.otherClosure;
    this.early = spec.earlyCloses ?? new Map();
    this.openMinute = spec.openMinute;
    this.closeMinute = spec.closeMinute;
    this.baseDay = spec.firstDay;
    this.lastDay = spec.lastDay;
    this.onOrAfter = new Int32Array(spec.lastDay - spec.firstDay + 2);
    const sessions: IsoDate[] = [];
    let k = 0;
    for (let d = spec.firstDay; d <= spec.lastDay; d++) {
      this.onOrAfter[d - spec.firstDay] = k;
      if (k < spec.sessions.length && spec.sessions[k] === d) {
        const iso = dayNumberToIso(d);
        this.index.set(iso, k);
        sessions.push(iso);
        k++;
      }
    }
    if (k !== spec.sessions.length) throw new AftershockError('CALENDAR_BAD_SESSIONS', `the ${spec.name} sessions must be increasing days inside its range`);
    this.onOrAfter[spec.lastDay - spec.firstDay + 1] = k;
    this.sessions = sessions;
    this.dayNums = Int32Array.from(spec.sessions);
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
      throw new AftershockError('CALENDAR_OUT_OF_RANGE', `session ordinal ${ordinal} is outside the ${this.name} calendar (${this.first}..${this.last})`);
    }
    return s;
  }

  ordinalOnOrAfter(date: IsoDate): number {
    const o = this.onOrAfter[this.dayOffset(date)]!;
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
    if (o < 0) throw new AftershockError('NOT_A_SESSION', `${date} is not an ${this.name} session`);
    return this.date(o + n);
  }

  sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
    if (to < from) return [];
    const n = this.onOrAfter.length - 1;
    const a = this.onOrAfter[Math.max(0, Math.min(n, this.offsetOf(from)))]!;
    const kt = Math.min(n - 1, this.offsetOf(to));
    if (kt < 0) return [];
    const b = this.onOrAfter[kt + 1]! - 1;
    return this.sessions.slice(a, b + 1);
  }

  closureReason(date: IsoDate): string | undefined {
    const named = this.closures.get(date);
    if (named !== undefined || this.otherClosure === undefined || this.isSession(date)) return named;
    const d = isoToDayNumber(date);
    if (Number.isNaN(d) || d < this.baseDay || d > this.lastDay) return undefined;
    const wd = (((d + 4) % 7) + 7) % 7;
    return wd === 0 || wd === 6 ? undefined : this.otherClosure;
  }

  isEarlyClose(date: IsoDate): boolean {
    return this.early.has(date);
  }

  openAt(date: IsoDate): number {
    return this.instant(date, this.openMinute);
  }

  closeAt(date: IsoDate): number {
    return this.instant(date, this.early.get(date) ?? this.closeMinute);
  }

  /**
   * A wall-clock time of a session in the exchange's zone. New York times from 1987 on come from the US
   * daylight-saving rules (no time-zone database lookup; see easternInstant), any other zone from luxon.
   */
  private instant(date: IsoDate, minute: number): number {
    const o = this.index.get(date);
    if (o === undefined) throw new AftershockError('NOT_A_SESSION', `${date} is not an ${this.name} session`);
    if (this.zone === 'America/New_York' && date >= '1987' && minute >= 180) return easternInstant(this.dayNums[o]!, minute);
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const dt = DateTime.fromISO(`${date}T${hh}:${mm}`, { zone: this.zone });
    if (!dt.isValid) throw new AftershockError('BAD_DATE', `cannot place ${date} in ${this.zone}: ${dt.invalidReason}`);
    return dt.toMillis();
  }

  private dayOffset(date: IsoDate): number {
    const d = isoToDayNumber(date);
    if (Number.isNaN(d)) throw new AftershockError('BAD_DATE', `not a date: ${JSON.stringify(date)}`);
    const k = d - this.baseDay;
    if (k < 0 || k >= this.onOrAfter.length - 1) this.outOfRange(date);
    return k;
  }

  /** Days from the first covered day (may be negative or past the range). */
  private offsetOf(date: IsoDate): number {
    const d = isoToDayNumber(date);
    if (Number.isNaN(d)) throw new AftershockError('BAD_DATE', `not a date: ${JSON.stringify(date)}`);
    return d - this.baseDay;
  }

  private outOfRange(date: IsoDate): never {
    throw new AftershockError('CALENDAR_OUT_OF_RANGE', `${date} is outside the ${this.name} calendar (${dayNumberToIso(this.baseDay)}..${dayNumberToIso(this.lastDay)})`);
  }
}

/** `HH:MM` → minutes after midnight, or NaN. */
export function clockMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : NaN;
}
