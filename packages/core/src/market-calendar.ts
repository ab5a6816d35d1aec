import type { TradingCalendar } from './trading-calendar';
import { EXCHANGE_ZONE, XNYS_CLOSE_MINUTE, XNYS_OPEN_MINUTE } from './calendar';
import { AftershockError } from './errors';
import { isoToDayNumber, type IsoDate } from './dates';
import { clockMinutes, SessionCalendar } from './session-calendar';

/** Default hours of a market calendar: 09:30–16:00 America/New_York (XNYS's regular hours). */
export const MARKET_CALENDAR_DEFAULTS = { open: '09:30', close: '16:00', zone: EXCHANGE_ZONE } as const;

export interface MarketCalendarOptions {
  /** The series the sessions come from (names the calendar and its closures). */
  readonly symbol?: string;
  /** Regular open and close, `HH:MM` exchange time (default 09:30 and 16:00). */
  readonly open?: string;
  readonly close?: string;
  /** IANA zone of the exchange (default America/New_York). */
  readonly zone?: string;
}

/**
 * A calendar whose sessions are the dates on which a market series has a bar — what estudy2 does, so data from any
 * exchange (or any series whose calendar is not XNYS) runs in event time of its own sessions. Every session opens and
 * closes at the stated hours (no early closes); any other weekday in range is closed as "no <symbol> bar".
 *
 * @example marketCalendar(['2025-07-03', '2025-07-04', '2025-07-07'], { symbol: 'IDX' }).next('2025-07-03') // '2025-07-04'
 */
export function marketCalendar(dates: Iterable<IsoDate>, opts: MarketCalendarOptions = {}): TradingCalendar {
  const name = opts.symbol ?? 'market';
  const days: number[] = [];
  for (const d of dates) {
    const n = isoToDayNumber(d);
    if (Number.isNaN(n)) throw new AftershockError('BAD_DATE', `market calendar ${name}: not a date: ${JSON.stringify(d)}`);
    days.push(n);
  }
  days.sort((a, b) => a - b);
  return marketCalendarOfDays(
    days.filter((d, i) => i === 0 || d !== days[i - 1]),
    opts,
  );
}

/**
 * `marketCalendar` of sessions given as day numbers (days since 1970-01-01), ascending and unique: what a reader that
 * has the days already (a price file's dates) passes without writing them as dates and reading them back.
 */
export function marketCalendarOfDays(sessions: readonly number[], opts: MarketCalendarOptions = {}): TradingCalendar {
  const name = opts.symbol ?? 'market';
  if (sessions.length === 0) throw new AftershockError('CALENDAR_EMPTY', `market calendar ${name}: the series has no bars`);
  const openMinute = opts.open !== undefined ? clockMinutes(opts.open) : XNYS_OPEN_MINUTE;
  const closeMinute = opts.close !== undefined ? clockMinutes(opts.close) : XNYS_CLOSE_MINUTE;
  if (!(openMinute < closeMinute)) {
    throw new AftershockError('BAD_OPTION', `market calendar ${name}: open ${opts.open ?? MARKET_CALENDAR_DEFAULTS.open} must be an HH:MM time before close ${opts.close ?? MARKET_CALENDAR_DEFAULTS.close}`);
  }
  return new SessionCalendar({
    name,
    sessions,
    firstDay: sessions[0]!,
    lastDay: sessions[sessions.length - 1]!,
    otherClosure: `no ${name} bar`,
    openMinute,
    closeMinute,
    zone: opts.zone ?? MARKET_CALENDAR_DEFAULTS.zone,
  });
}
