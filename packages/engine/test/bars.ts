import { adjustForDividends, xnysCalendar, type BarSeries, type EarningsEvent, type IsoDate, type Timing, releaseInstant, scheduledInstant } from '@aftershock/core';

export const cal = xnysCalendar();

/** One bar: date, open, high, low, close, and an optional dividend whose ex-date is this bar. */
export type Row = readonly [IsoDate, number, number, number, number, number?];

/** A BarSeries from rows (test builder). */
export function series(symbol: string, rows: readonly Row[]): BarSeries {
  const n = rows.length;
  const col = (k: number): Float64Array => Float64Array.from(rows, (r) => (r[k] as number | undefined) ?? 0);
  const close = col(4);
  const dividend = col(5);
  return {
    symbol,
    length: n,
    dates: rows.map((r) => r[0]),
    session: Int32Array.from(rows, (r) => {
      const o = cal.ordinal(r[0]);
      if (o < 0) throw new Error(`${r[0]} is not a session`);
      return o;
    }),
    open: col(1),
    high: col(2),
    low: col(3),
    close,
    volume: new Float64Array(n).fill(1000),
    adjClose: adjustForDividends(close, dividend),
    dividend,
  };
}

/** Flat bars (o = h = l = c = price) on each session between two dates. */
export function flat(symbol: string, from: IsoDate, to: IsoDate, price = 100): BarSeries {
  return series(symbol, cal.sessionsBetween(from, to).map((d) => [d, price, price, price, price] as const));
}

/** An earnings event with numbers, its date known `lead` sessions ahead. */
export function earnings(id: string, symbol: string, date: IsoDate, timing: Timing, eps: { actual: number; estimate: number }, lead = 14): EarningsEvent {
  return {
    id,
    symbol,
    kind: 'earnings',
    date,
    timing,
    tsEvent: releaseInstant(cal, date, timing),
    tsKnown: scheduledInstant(cal, date, undefined, lead),
    tags: {},
    epsActual: eps.actual,
    epsEstimate: eps.estimate,
    surprise: eps.actual - eps.estimate,
  };
}
