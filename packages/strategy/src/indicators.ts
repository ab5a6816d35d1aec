import { ATR, BollingerBands, EMA, RSI, SMA } from 'technicalindicators';

/**
 * Indicator series from technicalindicators, aligned to the bars: technicalindicators returns arrays shorter than
 * the input (it drops the warm-up), so each output is **left-padded with NaN** and index i is always bar i.
 * Note: technicalindicators **rounds RSI to 2 decimals**; the other indicators are unrounded.
 *
 * @example
 * rsiSeries(close, 14)[i] // RSI(14) at the close of bar i, NaN for i < 14
 */
export function padLeft(values: readonly number[], length: number): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  const off = length - values.length;
  for (let i = 0; i < values.length; i++) out[off + i] = values[i]!;
  return out;
}

/** RSI (Wilder), rounded to 2 decimals by technicalindicators; NaN for the first `period` bars. */
export function rsiSeries(close: ArrayLike<number>, period: number): Float64Array {
  return padLeft(RSI.calculate({ period, values: Array.from(close) }), close.length);
}

/** Simple moving average; NaN for the first period − 1 bars. */
export function smaSeries(close: ArrayLike<number>, period: number): Float64Array {
  return padLeft(SMA.calculate({ period, values: Array.from(close) }), close.length);
}

/** Exponential moving average seeded by the SMA of the first `period` bars; NaN before that. */
export function emaSeries(close: ArrayLike<number>, period: number): Float64Array {
  return padLeft(EMA.calculate({ period, values: Array.from(close) }), close.length);
}

/** Average true range (Wilder smoothing); NaN for the first `period` bars. */
export function atrSeries(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period: number): Float64Array {
  const out = ATR.calculate({ period, high: Array.from(high), low: Array.from(low), close: Array.from(close) });
  return padLeft(out, close.length);
}

export interface Bands {
  readonly upper: Float64Array;
  readonly middle: Float64Array;
  readonly lower: Float64Array;
  /** %B = (close − lower) / (upper − lower). */
  readonly pctB: Float64Array;
}

/** Bollinger bands (population sd over `period` bars, as technicalindicators computes it), `k` sds wide. */
export function bollingerSeries(close: ArrayLike<number>, period: number, k = 2): Bands {
  const out = BollingerBands.calculate({ period, stdDev: k, values: Array.from(close) });
  const n = close.length;
  return {
    upper: padLeft(out.map((b) => b.upper), n),
    middle: padLeft(out.map((b) => b.middle), n),
    lower: padLeft(out.map((b) => b.lower), n),
    pctB: padLeft(out.map((b) => b.pb), n),
  };
}
