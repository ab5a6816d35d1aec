/** A calendar date in exchange-local time, `YYYY-MM-DD`. Comparable as a string. */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date.UTC reads a year 0–99 as 1900–1999. The Gregorian calendar repeats every 400 years (146,097 days), so dates
// are computed 400 years later and moved back: years 0000–0099 get their own day numbers and leap days.
const CYCLE_YEARS = 400;
const CYCLE_DAYS = 146_097;

/** Days since 1970-01-01 for an ISO date, or NaN when it is not a real date. Pure integer math, no time zone. */
export function isoToDayNumber(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return Date.UTC(y + CYCLE_YEARS, mo - 1, d) / 86_400_000 - CYCLE_DAYS;
}

export function dayNumberToIso(n: number): IsoDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function isValidIsoDate(s: string): boolean {
  return !Number.isNaN(isoToDayNumber(s));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y + CYCLE_YEARS, m, 0)).getUTCDate();
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return dayNumberToIso(isoToDayNumber(iso) + n);
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return isoToDayNumber(b) - isoToDayNumber(a);
}
