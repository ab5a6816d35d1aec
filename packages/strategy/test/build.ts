import type { BarSeries, EarningsEvent, IsoDate, LockupEvent, Timing } from '@aftershock/core';
import { releaseInstant, xnysCalendar } from '@aftershock/core';

/** Hand-built series and events for the strategy tests. */
export const cal = xnysCalendar();

/** `n` consecutive sessions from `start`. */
export function sessions(start: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  let d = cal.isSession(start) ? start : cal.next(start);
  for (let i = 0; i < n; i++) {
    out.push(d);
    d = cal.next(d);
  }
  return out;
}

/** A daily series from closes; opens default to the closes, high/low to ±1 around max/min(open, close). */
export function series(symbol: string, start: IsoDate, close: number[], opts: { open?: number[]; high?: number[]; low?: number[]; dividend?: number[] } = {}): BarSeries {
  const dates = sessions(start, close.length);
  const open = opts.open ?? close;
  const c = Float64Array.from(close);
  return {
    symbol,
    length: close.length,
    dates,
    session: Int32Array.from(dates, (d) => cal.ordinal(d)),
    open: Float64Array.from(open),
    high: Float64Array.from(opts.high ?? close.map((x, i) => Math.max(x, open[i]!) + 1)),
    low: Float64Array.from(opts.low ?? close.map((x, i) => Math.min(x, open[i]!) - 1)),
    close: c,
    volume: Float64Array.from(close, () => 1000),
    adjClose: c,
    dividend: Float64Array.from(opts.dividend ?? close.map(() => 0)),
  };
}

/** A lock-up expiring after the close of `date`, public from `ipoDate` on. */
export function lockup(symbol: string, date: IsoDate, ipoDate: IsoDate, extra: Partial<LockupEvent> = {}): LockupEvent {
  return {
    id: `${symbol}-lockup-${date}`,
    symbol,
    kind: 'lockup-expiry',
    date,
    timing: 'after-close',
    tsEvent: releaseInstant(cal, date, 'after-close'),
    tsKnown: releaseInstant(cal, ipoDate, 'before-open'),
    tags: {},
    ipoDate,
    confirmed: true,
    ...extra,
  };
}

/** An earnings release on `date` with `timing`, whose date is public from `knownFrom` (default: 30 sessions earlier). */
export function earnings(symbol: string, date: IsoDate, timing: Timing, extra: Partial<EarningsEvent> = {}, knownFrom?: IsoDate): EarningsEvent {
  return {
    id: `${symbol}-earnings-${date}`,
    symbol,
    kind: 'earnings',
    date,
    timing,
    tsEvent: releaseInstant(cal, date, timing),
    tsKnown: releaseInstant(cal, knownFrom ?? cal.shift(date, -30), 'before-open'),
    tags: {},
    ...extra,
  };
}

/** Costs switched off, to check the P&L arithmetic alone. */
export const NO_COSTS = { commission: { type: 'none' as const }, slippage: { type: 'none' as const }, dividends: false };
