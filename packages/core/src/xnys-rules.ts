import { dayNumberToIso, isoToDayNumber, weekdayOf, type IsoDate } from './dates';

/**
 * NYSE (XNYS) holiday and early-close rules, 2000–2030. Regular holidays follow NYSE Rule 7.2 with the
 * weekend shifts the exchange applies (Saturday → Friday, Sunday → Monday; no Friday closure when New Year's
 * Day falls on a Saturday). One-off closures are listed by date.
 */
export const SPECIAL_CLOSURES: ReadonlyMap<IsoDate, string> = new Map([
  ['2001-09-11', 'September 11 attacks'],
  ['2001-09-12', 'September 11 attacks'],
  ['2001-09-13', 'September 11 attacks'],
  ['2001-09-14', 'September 11 attacks'],
  ['2004-06-11', 'National Day of Mourning for Ronald Reagan'],
  ['2007-01-02', 'National Day of Mourning for Gerald Ford'],
  ['2012-10-29', 'Hurricane Sandy'],
  ['2012-10-30', 'Hurricane Sandy'],
  ['2018-12-05', 'National Day of Mourning for George H. W. Bush'],
  ['2025-01-09', 'National Day of Mourning for Jimmy Carter'],
]);

const ymd = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** The n-th (1-based) weekday `wd` of month m, or the last one when n = -1. */
function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n > 0) {
    const first = ymd(y, m, 1);
    return first + ((wd - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = ymd(y, m + 1, 1) - 1;
  return last - ((weekdayOf(last) - wd + 7) % 7);
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(y, month, day);
}

/** Saturday → Friday, Sunday → Monday. */
function observed(day: number): number {
  const wd = weekdayOf(day);
  if (wd === 6) return day - 1;
  if (wd === 0) return day + 1;
  return day;
}

/** Regular full-day holidays of year y, as day numbers with names. */
export function regularHolidays(y: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const ny = ymd(y, 1, 1);
  // New Year's Day on a Saturday is not moved to Friday (NYSE Rule 7.2).
  if (weekdayOf(ny) !== 6) out.push([observed(ny), "New Year's Day"]);
  out.push([nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day']);
  out.push([nthWeekday(y, 2, 1, 3), "Washington's Birthday"]);
  out.push([easter(y) - 2, 'Good Friday']);
  out.push([nthWeekday(y, 5, 1, -1), 'Memorial Day']);
  if (y >= 2022) out.push([observed(ymd(y, 6, 19)), 'Juneteenth']);
  out.push([observed(ymd(y, 7, 4)), 'Independence Day']);
  out.push([nthWeekday(y, 9, 1, 1), 'Labor Day']);
  out.push([nthWeekday(y, 11, 4, 4), 'Thanksgiving Day']);
  out.push([observed(ymd(y, 12, 25)), 'Christmas Day']);
  return out;
}

/**
 * Early closes (13:00 ET) of year y: the day before Independence Day when July 3 is Monday–Thursday, the day
 * after Thanksgiving, and Christmas Eve when it is Monday–Thursday. These are the modern rules; a few years
 * before 2013 deviated and are listed in EARLY_CLOSE_EXCEPTIONS.
 */
export function earlyCloses(y: number): number[] {
  const out: number[] = [];
  const jul3 = ymd(y, 7, 3);
  if (weekdayOf(jul3) >= 1 && weekdayOf(jul3) <= 4) out.push(jul3);
  out.push(nthWeekday(y, 11, 4, 4) + 1);
  const dec24 = ymd(y, 12, 24);
  if (weekdayOf(dec24) >= 1 && weekdayOf(dec24) <= 4) out.push(dec24);
  return out.filter((d) => !EARLY_CLOSE_EXCEPTIONS.removed.has(dayNumberToIso(d)))
    .concat([...EARLY_CLOSE_EXCEPTIONS.added].filter((s) => s.startsWith(String(y))).map(isoToDayNumber));
}

/** Historical departures from the modern early-close rules. */
export const EARLY_CLOSE_EXCEPTIONS = {
  // 2002-07-05 closed early (Friday after July 4); July 3 early closes began in 2006.
  added: new Set<IsoDate>(['2002-07-05']),
  removed: new Set<IsoDate>(['2000-07-03', '2001-07-03', '2002-07-03', '2003-07-03', '2004-07-03', '2005-07-03']),
};
