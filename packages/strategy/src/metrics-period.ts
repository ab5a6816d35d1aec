import { mean, sampleSd } from './stats';

/**
 * Per-period metrics on an equity curve (one value per session, oldest first). Conventions:
 * - a year has `periodsPerYear` = **252** sessions unless given;
 * - the risk-free rate `rf` is an **annual** simple rate, **0 unless given**, turned into a per-period rate as rf / 252;
 * - standard deviations are **sample** ones (n − 1);
 * - returns are simple (not log) returns, r_t = E_t / E_{t−1} − 1.
 */
export const PERIODS_PER_YEAR = 252;

/** Simple period returns of an equity curve: length n − 1. */
export function periodReturns(equity: ArrayLike<number>): Float64Array {
  const n = equity.length;
  const out = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) out[i - 1] = equity[i]! / equity[i - 1]! - 1;
  return out;
}

/** Last / first − 1; NaN for fewer than 2 points. */
export function totalReturn(equity: ArrayLike<number>): number {
  const n = equity.length;
  if (n < 2) return NaN;
  return equity[n - 1]! / equity[0]! - 1;
}

/**
 * Compound annual growth rate: (E_last / E_first)^(ppy / (n − 1)) − 1, where n − 1 is the number of periods.
 * @example cagr([100, 110], 1) // 0.1 (one period that is one year long)
 */
export function cagr(equity: ArrayLike<number>, periodsPerYear = PERIODS_PER_YEAR): number {
  const n = equity.length;
  if (n < 2) return NaN;
  const g = equity[n - 1]! / equity[0]!;
  if (g <= 0) return -1;
  return Math.pow(g, periodsPerYear / (n - 1)) - 1;
}

/** Annualised volatility: sample sd of period returns × √ppy. */
export function annualVolatility(returns: ArrayLike<number>, periodsPerYear = PERIODS_PER_YEAR): number {
  return sampleSd(returns) * Math.sqrt(periodsPerYear);
}

/** Annualised Sharpe ratio: mean(r − rf/ppy) / sd(r) × √ppy (sample sd; rf annual, 0 unless given). */
export function sharpe(returns: ArrayLike<number>, rf = 0, periodsPerYear = PERIODS_PER_YEAR): number {
  const sd = sampleSd(returns);
  if (!(sd > 0)) return NaN;
  return ((mean(returns) - rf / periodsPerYear) / sd) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sortino ratio: mean(r − rf/ppy) / DD × √ppy, where the downside deviation
 * DD = √( Σ min(0, r − rf/ppy)² / n ) runs over **all** n periods (the Sortino–Price definition).
 */
export function sortino(returns: ArrayLike<number>, rf = 0, periodsPerYear = PERIODS_PER_YEAR): number {
  const n = returns.length;
  if (n === 0) return NaN;
  const mar = rf / periodsPerYear;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.min(0, returns[i]! - mar);
    ss += d * d;
  }
  const dd = Math.sqrt(ss / n);
  if (!(dd > 0)) return NaN;
  return ((mean(returns) - mar) / dd) * Math.sqrt(periodsPerYear);
}

export interface Drawdown {
  /** Largest peak-to-trough fall as a positive fraction (0.25 = −25%); 0 when equity never falls. */
  readonly maxDrawdown: number;
  /** Index of the peak before the deepest trough, of the trough, and of the recovery (−1 if never recovered). */
  readonly peak: number;
  readonly trough: number;
  readonly recovery: number;
  /** Periods from that peak to its recovery (or to the last point when not recovered). */
  readonly duration: number;
  /** Longest stretch under a previous peak, in periods, whichever drawdown it belongs to. */
  readonly longestUnderwater: number;
}

/** Maximum drawdown of an equity curve and its duration in periods. */
export function maxDrawdown(equity: ArrayLike<number>): Drawdown {
  const n = equity.length;
  let peakIdx = 0;
  let peakVal = n > 0 ? equity[0]! : NaN;
  let best = 0;
  let bestPeak = 0;
  let bestTrough = 0;
  let longest = 0;
  for (let i = 1; i < n; i++) {
    const v = equity[i]!;
    if (v >= peakVal) {
      longest = Math.max(longest, i - peakIdx - 1 > 0 ? i - peakIdx : 0);
      peakVal = v;
      peakIdx = i;
      continue;
    }
    const dd = 1 - v / peakVal;
    if (dd > best) {
      best = dd;
      bestPeak = peakIdx;
      bestTrough = i;
    }
  }
  if (n > 0 && peakIdx < n - 1) longest = Math.max(longest, n - 1 - peakIdx);
  let recovery = -1;
  if (best > 0) {
    const pv = equity[bestPeak]!;
    for (let i = bestTrough + 1; i < n; i++) {
      if (equity[i]! >= pv) {
        recovery = i;
        break;
      }
    }
  }
  const duration = best > 0 ? (recovery >= 0 ? recovery : n - 1) - bestPeak : 0;
  return { maxDrawdown: best, peak: bestPeak, trough: bestTrough, recovery, duration, longestUnderwater: longest };
}

/** Calmar ratio: CAGR / max drawdown; NaN when there is no drawdown. */
export function calmar(equity: ArrayLike<number>, periodsPerYear = PERIODS_PER_YEAR): number {
  const dd = maxDrawdown(equity).maxDrawdown;
  if (!(dd > 0)) return NaN;
  return cagr(equity, periodsPerYear) / dd;
}

/** Share of periods with a position open (gross exposure > 0). */
export function exposure(grossExposure: ArrayLike<number>): number {
  const n = grossExposure.length;
  if (n === 0) return NaN;
  let k = 0;
  for (let i = 0; i < n; i++) if (Math.abs(grossExposure[i]!) > 0) k++;
  return k / n;
}

/**
 * Annualised turnover: traded notional (every buy and sell, at fill prices) / mean equity, scaled to a year:
 * × ppy / (number of periods). A position opened and closed once at full equity within one year turns over 2.
 */
export function turnover(tradedNotional: number, equity: ArrayLike<number>, periodsPerYear = PERIODS_PER_YEAR): number {
  const n = equity.length;
  if (n < 2) return NaN;
  return (tradedNotional / mean(equity)) * (periodsPerYear / (n - 1));
}

export interface AlphaBeta {
  /** OLS slope of strategy on benchmark period returns. */
  readonly beta: number;
  /** Intercept per period, and annualised (× ppy), both in excess of rf (0 unless given). */
  readonly alphaPerPeriod: number;
  readonly alphaAnnual: number;
  /** Number of aligned periods used. */
  readonly n: number;
}

/**
 * Alpha and beta against a benchmark, by OLS of (r_s − rf) on (r_b − rf) over aligned periods:
 * β = cov(r_s, r_b) / var(r_b) (both sample), α = mean(r_s − rf) − β · mean(r_b − rf).
 */
export function alphaBeta(
  strategy: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  rf = 0,
  periodsPerYear = PERIODS_PER_YEAR,
): AlphaBeta {
  const n = Math.min(strategy.length, benchmark.length);
  if (n < 2) return { beta: NaN, alphaPerPeriod: NaN, alphaAnnual: NaN, n };
  const per = rf / periodsPerYear;
  let ms = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ms += strategy[i]! - per;
    mb += benchmark[i]! - per;
  }
  ms /= n;
  mb /= n;
  let cov = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const db = benchmark[i]! - per - mb;
    cov += (strategy[i]! - per - ms) * db;
    vb += db * db;
  }
  const beta = vb > 0 ? cov / vb : NaN;
  const a = ms - beta * mb;
  return { beta, alphaPerPeriod: a, alphaAnnual: a * periodsPerYear, n };
}
