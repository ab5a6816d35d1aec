import type { IsoDate } from './dates';

/**
 * Columnar daily bars of one symbol, oldest first. Index i is one session; `session[i]` is that session's
 * ordinal in the trading calendar, so series of different symbols align by integer compare, not by string.
 * `close` is the raw (split-adjusted, not dividend-adjusted) close; `adjClose` adds dividends back (total return).
 */
export interface BarSeries {
  readonly symbol: string;
  readonly length: number;
  readonly dates: readonly IsoDate[];
  readonly session: Int32Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Total-return close: equals `close` on the last bar, scaled back through each ex-dividend date. */
  readonly adjClose: Float64Array;
  /** Cash dividend per share whose ex-date is this bar (0 elsewhere). */
  readonly dividend: Float64Array;
  /** Source file the bars came from, for error messages and report provenance. */
  readonly source?: string;
}

/** Index of the bar at calendar ordinal `s`, or -1 if the symbol has no bar there (binary search). */
export function barIndexAt(bars: BarSeries, s: number): number {
  const a = bars.session;
  let lo = 0;
  let hi = bars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v === s) return mid;
    if (v < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the last bar at or before ordinal `s`, or -1 if none. */
export function barIndexAtOrBefore(bars: BarSeries, s: number): number {
  const a = bars.session;
  let lo = 0;
  let hi = bars.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= s) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Builds the dividend-adjusted (total-return) close from raw closes and per-bar dividends, the CRSP/Yahoo way:
 * on an ex-date t, every close before t is multiplied by (1 − D_t / C_{t−1}).
 */
export function adjustForDividends(close: Float64Array, dividend: Float64Array): Float64Array {
  const n = close.length;
  const out = new Float64Array(n);
  let factor = 1;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = close[i]! * factor;
    const d = dividend[i]!;
    if (d !== 0 && i > 0) {
      const prev = close[i - 1]!;
      if (prev > 0) factor *= 1 - d / prev;
    }
  }
  return out;
}
