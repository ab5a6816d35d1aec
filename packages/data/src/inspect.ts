import { xnysCalendar, type BarSeries, type IsoDate, type MarketEvent, type TradingCalendar } from '@aftershock/core';

/** A run of calendar sessions with no bar, between two bars. */
export interface SessionGap {
  /** First and last missing session. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly sessions: number;
}

/** What `aftershock data inspect` prints for one symbol. */
export interface SeriesSummary {
  readonly symbol: string;
  readonly source?: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly bars: number;
  /** Sessions of the calendar in [first, last]. */
  readonly calendarSessions: number;
  /** Sessions in [first, last] without a bar, and the runs they form. */
  readonly missingSessions: number;
  readonly gaps: readonly SessionGap[];
  readonly dividends: { readonly count: number; readonly total: number; readonly last?: { readonly date: IsoDate; readonly amount: number } };
  /** Last close and the dividend-adjusted total return over the series, in percent. */
  readonly lastClose: number;
  readonly totalReturnPct: number;
  readonly events: readonly MarketEvent[];
}

/**
 * Summarises a series against the calendar: range, bar count, missing sessions (gaps), dividends booked on its bars,
 * and the events of its symbol.
 *
 * @example summarizeSeries(loadSymbol(root, 'CRWV')).gaps // → [] (no session missing since the IPO)
 */
export function summarizeSeries(bars: BarSeries, events: readonly MarketEvent[] = [], cal: TradingCalendar = xnysCalendar()): SeriesSummary {
  const n = bars.length;
  const first = bars.dates[0] ?? '';
  const last = bars.dates[n - 1] ?? '';
  const gaps: SessionGap[] = [];
  let missing = 0;
  for (let i = 1; i < n; i++) {
    const d = bars.session[i]! - bars.session[i - 1]! - 1;
    if (d > 0) {
      missing += d;
      gaps.push({ from: cal.date(bars.session[i - 1]! + 1), to: cal.date(bars.session[i]! - 1), sessions: d });
    }
  }
  let count = 0;
  let total = 0;
  let lastDiv: { date: IsoDate; amount: number } | undefined;
  for (let i = 0; i < n; i++) {
    const a = bars.dividend[i]!;
    if (a !== 0) {
      count++;
      total += a;
      lastDiv = { date: bars.dates[i]!, amount: a };
    }
  }
  const calendarSessions = n > 0 ? bars.session[n - 1]! - bars.session[0]! + 1 : 0;
  const tr = n > 0 ? (bars.adjClose[n - 1]! / bars.adjClose[0]! - 1) * 100 : NaN;
  return {
    symbol: bars.symbol,
    ...(bars.source !== undefined ? { source: bars.source } : {}),
    first,
    last,
    bars: n,
    calendarSessions,
    missingSessions: missing,
    gaps,
    dividends: { count, total, ...(lastDiv ? { last: lastDiv } : {}) },
    lastClose: n > 0 ? bars.close[n - 1]! : NaN,
    totalReturnPct: tr,
    events: events.filter((e) => e.symbol === bars.symbol),
  };
}
