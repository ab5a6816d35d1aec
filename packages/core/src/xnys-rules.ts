import { isoToDayNumber, weekdayOf, type IsoDate } from './dates';

/**
 * NYSE (XNYS) holiday and early-close rules, 1990–2040. Regular holidays follow NYSE Rule 7.2 with the
 * weekend shifts the exchange applies (Saturday → Friday, Sunday → Monday; no Friday closure when New Year's
 * Day falls on a Saturday); Martin Luther King Jr. Day is a holiday from 1998, Juneteenth from 2022. One-off
 * closures are listed by date. Years after 2025 follow the rules: a future one-off closure cannot be known.
 */
export const SPECIAL_CLOSURES: ReadonlyMap<IsoDate, string> = new Map([
  ['1994-04-27', 'National Day of Mourning for Richard Nixon'],
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
  // The exchange first closed for Martin Luther King Jr. Day in 1998.
  if (y >= 1998) out.push([nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day']);
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

/** Minutes after midnight of the usual early close (13:00 ET), and of the 14:00 closes of 1990–1992. */
export const EARLY_CLOSE_MINUTE = 13 * 60;
const TWO_PM = 14 * 60;

/**
 * Early closes of year y as [day number, close minute]: the day before Independence Day when July 3 is
 * Monday–Thursday (from 2006), the day after Thanksgiving (from 1992; 14:00 in 1992) and Christmas Eve when it is
 * Monday–Thursday (14:00 until 1992). Departures from these rules are listed in EARLY_CLOSE_EXCEPTIONS.
 * Unscheduled late opens (snow, moments of silence) are not modelled; the open is always 09:30.
 */
export function earlyCloses(y: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const jul3 = ymd(y, 7, 3);
  if (y >= 2006 && weekdayOf(jul3) >= 1 && weekdayOf(jul3) <= 4) out.push([jul3, EARLY_CLOSE_MINUTE]);
  if (y >= 1992) out.push([nthWeekday(y, 11, 4, 4) + 1, y === 1992 ? TWO_PM : EARLY_CLOSE_MINUTE]);
  const dec24 = ymd(y, 12, 24);
  if (weekdayOf(dec24) >= 1 && weekdayOf(dec24) <= 4) out.push([dec24, y <= 1992 ? TWO_PM : EARLY_CLOSE_MINUTE]);
  const added = [...EARLY_CLOSE_EXCEPTIONS.added].filter(([s]) => s.startsWith(String(y))).map(([s, m]): [number, number] => [isoToDayNumber(s), m]);
  return out.concat(added);
}

/** Historical early closes outside the rules. */
export const EARLY_CLOSE_EXCEPTIONS = {
  // The Friday after a Thursday July 4 closed early (1996, 2002); July 3 early closes began in 2006. Weather and
  // market events: snow (1994-02-11 14:30, 1996-01-08 14:00), the 1997-10-27 circuit breaker (15:30).
  added: new Map<IsoDate, number>([
    ['1994-02-11', 14 * 60 + 30],
    ['1996-01-08', TWO_PM],
    ['1996-07-05', EARLY_CLOSE_MINUTE],
    ['1997-10-27', 15 * 60 + 30],
    ['1997-12-26', EARLY_CLOSE_MINUTE],
    ['2002-07-05', EARLY_CLOSE_MINUTE],
  ]),
};
