import { resolveDay0, type BarSeries, type Day0Options, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import type { RelWindow } from './panel';
import type { Contamination } from './spillover-types';

/**
 * Finds the related symbol's own events whose day 0 lies inside the event window around day 0 (the estimation
 * window is not checked). Event time is counted in sessions of the market series, as in the study; past the end
 * of the market series, in calendar sessions.
 * @example
 * // NVDA reports after the close on the day CRWV's day 0 is +2: NVDA's day 0 is +3, inside [-5, 5].
 * contaminations('NVDA', 'CRWV-q2', d0, { start: -5, end: 5 }, [nvdaEarnings], spy, cal) // [{ eventId: 'NVDA-…', offset: 3, … }]
 */
export function contaminations(
  symbol: string,
  sourceEventId: string,
  day0Ordinal: number,
  evt: RelWindow,
  pool: readonly MarketEvent[],
  market: BarSeries,
  cal: TradingCalendar,
  day0Opts: Day0Options = {},
): Contamination[] {
  const out: Contamination[] = [];
  for (const e of pool) {
    if (e.symbol !== symbol || e.id === sourceEventId) continue;
    const d = resolveDay0(cal, e.date, e.timing, day0Opts, e.kind);
    if (d.day0 === null) continue;
    const offset = sessionOffset(market, day0Ordinal, d.ordinal);
    if (offset >= evt.start && offset <= evt.end) out.push({ eventId: e.id, symbol: e.symbol, kind: e.kind, date: e.date, day0: d.day0, offset });
  }
  return out;
}

/** Sessions from `from` to `to` (calendar ordinals) counted on the market's sessions where it has them. */
export function sessionOffset(market: BarSeries, from: number, to: number): number {
  const s = market.session;
  const n = market.length;
  if (n === 0 || from > s[n - 1]! || to > s[n - 1]! || from < s[0]! || to < s[0]!) return to - from;
  return onOrAfter(s, n, to) - onOrAfter(s, n, from);
}

function onOrAfter(s: Int32Array, n: number, ord: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! < ord) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
