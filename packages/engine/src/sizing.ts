import type { SeriesView } from './strategy';

/**
 * Sizing helpers: each returns a whole, non-negative number of shares (0 when it cannot size, e.g. no price or
 * too little history). They read only what a SeriesView shows, so they cannot look ahead.
 */

/** n shares, floored. */
export function sizeFixedShares(n: number): number {
  return n > 0 && Number.isFinite(n) ? Math.floor(n) : 0;
}

/** As many shares as `notional` buys at `price`. @example sizeFixedNotional(10_000, 148.75) // 67 */
export function sizeFixedNotional(notional: number, price: number): number {
  if (!(price > 0) || !(notional > 0)) return 0;
  return Math.floor(notional / price);
}

/** A fraction of equity at `price`. @example sizeFractionOfEquity(0.1, 100_000, 50) // 200 */
export function sizeFractionOfEquity(fraction: number, equity: number, price: number): number {
  return sizeFixedNotional(fraction * equity, price);
}

export interface VolatilityTarget {
  /**
   * `atr`: risk `target` × equity per one ATR move (shares = target·equity / ATR);
   * `sd`: aim for annualised volatility `target` (notional = target·equity / (sd·√252)).
   */
  readonly method: 'atr' | 'sd';
  readonly target: number;
  /** Bars in the estimate (default 20). */
  readonly lookback?: number;
}

/** Average true range over the last `n` closed bars of a view, or NaN with too little history. */
export function averageTrueRange(view: SeriesView, n: number): number {
  const end = view.closedLength;
  if (end < n + 1) return NaN;
  let sum = 0;
  for (let i = end - n; i < end; i++) {
    const pc = view.close(i - 1);
    const tr = Math.max(view.high(i) - view.low(i), Math.abs(view.high(i) - pc), Math.abs(view.low(i) - pc));
    sum += tr;
  }
  return sum / n;
}

/** Sample standard deviation of the last `n` daily close-to-close returns, or NaN with too little history. */
export function returnStdDev(view: SeriesView, n: number): number {
  const end = view.closedLength;
  if (end < n + 1 || n < 2) return NaN;
  let mean = 0;
  for (let i = end - n; i < end; i++) mean += view.close(i) / view.close(i - 1) - 1;
  mean /= n;
  let ss = 0;
  for (let i = end - n; i < end; i++) {
    const d = view.close(i) / view.close(i - 1) - 1 - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Volatility-targeted size from the view's history, at `price`. */
export function sizeVolatilityTarget(view: SeriesView, equity: number, price: number, t: VolatilityTarget): number {
  const n = t.lookback ?? 20;
  if (t.method === 'atr') {
    const atr = averageTrueRange(view, n);
    if (!(atr > 0)) return 0;
    return sizeFixedShares((t.target * equity) / atr);
  }
  const sd = returnStdDev(view, n);
  if (!(sd > 0)) return 0;
  return sizeFixedNotional((t.target * equity) / (sd * Math.sqrt(252)), price);
}
