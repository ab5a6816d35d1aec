import { isoToDayNumber, type TradingCalendar } from '@aftershock/core';

/**
 * Day number (days since 1970-01-01) of a `YYYY-MM-DD` date in `text[start, end)`, read from char codes; a trailing
 * time (`2025-08-12 00:00:00-04:00`, `2025-08-12T…`) is ignored. NaN when it is not a real calendar date.
 *
 * @example parseIsoDayAt('x,2025-08-12,1', 2, 12) // → 20312
 */
export function parseIsoDayAt(text: string, start: number, end: number): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const len = end - start;
  if (len < 10) return NaN;
  if (len > 10) {
    const t = text.charCodeAt(start + 10);
    if (t !== 32 && t !== 84) return NaN;
  }
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return NaN;
  const y = digits(text, start, 4);
  const m = digits(text, start + 5, 2);
  const d = digits(text, start + 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return NaN;
  if (d > 28 && d > monthDays(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(at + i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The `YYYY-MM-` of a date at `b[at]` as the number YYYY × 100 + MM, or −1 unless the eight bytes are four digits,
 * a dash, a month 01–12 and a dash (the day is the caller's). One unsigned test per digit: c − 48 in 0..9.
 */
export function yearMonthAt(b: Uint8Array, at: number): number {
  if (b[at + 4] !== 45 || b[at + 7] !== 45) return -1;
  const y0 = b[at]! - 48;
  const y1 = b[at + 1]! - 48;
  const y2 = b[at + 2]! - 48;
  const y3 = b[at + 3]! - 48;
  const m0 = b[at + 5]! - 48;
  const m1 = b[at + 6]! - 48;
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9) return -1;
  const m = m0 * 10 + m1;
  if (m < 1 || m > 12) return -1;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 100 + m;
}

export function monthDays(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** O(1) lookups from a day number to a session ordinal, built once per calendar. */
export interface SessionIndex {
  readonly calendar: TradingCalendar;
  /** First and last day number covered by the calendar. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Session ordinal of a day number; -1 when the day is not a session, -2 when outside the calendar. */
  ordinalOfDay(day: number): number;
  /** The table behind ordinalOfDay: the ordinal of day `firstDay + i` at `i` (-1 for a day that is no session). */
  readonly ordinals: Int32Array;
  /** The calendar's own (shared) date string of an ordinal. */
  dateOf(ordinal: number): string;
  /** Those strings by ordinal (read only): a run of consecutive sessions' dates is one slice of it. */
  readonly dates: readonly string[];
}

const cache = new WeakMap<TradingCalendar, SessionIndex>();

export function sessionIndex(cal: TradingCalendar): SessionIndex {
  let idx = cache.get(cal);
  if (idx) return idx;
  const sessions = cal.sessionsBetween(cal.first, cal.last);
  const firstDay = isoToDayNumber(`${cal.first.slice(0, 4)}-01-01`);
  const lastDay = isoToDayNumber(`${cal.last.slice(0, 4)}-12-31`);
  const table = new Int32Array(lastDay - firstDay + 1).fill(-1);
  for (let o = 0; o < sessions.length; o++) table[isoToDayNumber(sessions[o]!) - firstDay] = o;
  idx = {
    calendar: cal,
    firstDay,
    lastDay,
    ordinals: table,
    ordinalOfDay: (day) => (day >= firstDay && day <= lastDay ? table[day - firstDay]! : -2),
    dateOf: (o) => sessions[o]!,
    dates: sessions,
  };
  cache.set(cal, idx);
  return idx;
}
