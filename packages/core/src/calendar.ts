import { dayNumberToIso, isoToDayNumber, weekdayOf, type IsoDate } from './dates';
import { SessionCalendar } from './session-calendar';
import type { TradingCalendar } from './trading-calendar';

export type { TradingCalendar } from './trading-calendar';
import { earlyCloses, regularHolidays, SPECIAL_CLOSURES } from './xnys-rules';

export const EXCHANGE_ZONE = 'America/New_York';
/** The years the XNYS calendar covers. */
export const CALENDAR_FIRST_YEAR = 1990;
export const CALENDAR_LAST_YEAR = 2040;
/** XNYS regular hours, in minutes after midnight ET. */
export const XNYS_OPEN_MINUTE = 9 * 60 + 30;
export const XNYS_CLOSE_MINUTE = 16 * 60;

function buildXnys(): SessionCalendar {
  const closures = new Map<IsoDate, string>();
  const early = new Map<IsoDate, number>();
  for (let y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
    for (const [d, name] of regularHolidays(y)) closures.set(dayNumberToIso(d), name);
    for (const [d, minute] of earlyCloses(y)) early.set(dayNumberToIso(d), minute);
  }
  for (const [d, why] of SPECIAL_CLOSURES) closures.set(d, why);
  const firstDay = isoToDayNumber(`${CALENDAR_FIRST_YEAR}-01-01`);
  const lastDay = isoToDayNumber(`${CALENDAR_LAST_YEAR}-12-31`);
  const sessions: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6 && !closures.has(dayNumberToIso(d))) sessions.push(d);
  }
  for (const d of early.keys()) if (closures.has(d)) early.delete(d);
  return new SessionCalendar({ name: 'XNYS', sessions, firstDay, lastDay, closures, openMinute: XNYS_OPEN_MINUTE, closeMinute: XNYS_CLOSE_MINUTE, earlyCloses: early, zone: EXCHANGE_ZONE });
}

let xnys: SessionCalendar | undefined;

/** The NYSE calendar, 1990–2040, built once (~12,800 sessions). */
export function xnysCalendar(): TradingCalendar {
  xnys ??= buildXnys();
  return xnys;
}
