import { describe, expect, it } from 'vitest';
import { marketCalendar, xnysCalendar, type TradingCalendar } from '@aftershock/core';
import { withCachedInstants } from '../src/cached-calendar';

/** Every TradingCalendar answer of `c` on a few dates (sessions, a weekend, a holiday, a month's edges). */
function answers(c: TradingCalendar, dates: readonly string[]): unknown[] {
  const out: unknown[] = [c.name, c.first, c.last, c.size];
  for (const d of dates) {
    const s = c.isSession(d);
    out.push(d, s, c.ordinal(d), c.ordinalOnOrAfter(d), c.ordinalOnOrBefore(d), c.next(d), c.previous(d), c.closureReason(d));
    if (s) out.push(c.shift(d, 3), c.shift(d, -2), c.sessionsBetween(d, c.shift(d, 4)), c.openAt(d), c.closeAt(d), c.isEarlyClose(d), c.date(c.ordinal(d)));
  }
  return out;
}

describe('withCachedInstants', () => {
  const dates = ['2025-07-02', '2025-07-03', '2025-07-04', '2025-07-05', '2025-11-28', '2025-12-24', '2025-12-31'];

  it('answers every question as the calendar it wraps (XNYS with early closes, a market calendar)', () => {
    const xnys = xnysCalendar();
    expect(answers(withCachedInstants(xnys), dates)).toEqual(answers(xnys, dates));
    // XNYS sessions of a half year without two of them (closed as "no IDX bar").
    const market = marketCalendar(xnys.sessionsBetween('2025-06-02', '2026-01-30').filter((d) => d !== '2025-07-03' && d !== '2025-11-28'), { symbol: 'IDX' });
    expect(answers(withCachedInstants(market), dates)).toEqual(answers(market, dates));
  });

  it('one wrapper per calendar, and the same instants when asked again', () => {
    const xnys = xnysCalendar();
    const w = withCachedInstants(xnys);
    expect(withCachedInstants(xnys)).toBe(w);
    expect(w.openAt('2025-07-03')).toBe(xnys.openAt('2025-07-03'));
    expect(w.closeAt('2025-07-03')).toBe(xnys.closeAt('2025-07-03'));
    expect(w.closeAt('2025-07-03')).toBe(xnys.closeAt('2025-07-03'));
  });
});
