import { mulberry32 } from '@aftershock/core';
import { quantileSorted } from './stats';

export interface PairedBootstrap {
  /** Number of paired observations (events both strategies traded). */
  readonly n: number;
  /** Mean of a_i − b_i. */
  readonly meanDiff: number;
  /** Percentile interval of the resampled mean difference, at `level` (default 95%). */
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
  readonly resamples: number;
  readonly seed: number;
  /** Share of resamples whose mean difference is ≤ 0 (a one-sided bootstrap p-value for "a beats b"). */
  readonly shareAtOrBelowZero: number;
}

/**
 * Paired bootstrap of the mean difference a − b over the same events: resamples event indices with replacement
 * `resamples` times (default 10,000) with the seeded mulberry32 PRNG, and takes the percentile interval (R type-7
 * quantiles). Same inputs and seed → the same interval, always.
 *
 * @example
 * pairedBootstrap([0.02, 0.01, 0.03], [0.01, 0.0, 0.01], { seed: 1 }).meanDiff // 0.01333…
 */
export function pairedBootstrap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  opts: { resamples?: number; seed?: number; level?: number } = {},
): PairedBootstrap {
  const n = Math.min(a.length, b.length);
  const B = opts.resamples ?? 10_000;
  const seed = opts.seed ?? 20250815;
  const level = opts.level ?? 0.95;
  const d = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    d[i] = a[i]! - b[i]!;
    s += d[i]!;
  }
  if (n === 0) return { n, meanDiff: NaN, lo: NaN, hi: NaN, level, resamples: B, seed, shareAtOrBelowZero: NaN };
  const rnd = mulberry32(seed);
  const means = new Float64Array(B);
  let le0 = 0;
  for (let k = 0; k < B; k++) {
    let t = 0;
    for (let i = 0; i < n; i++) t += d[Math.floor(rnd() * n)]!;
    const m = t / n;
    means[k] = m;
    if (m <= 0) le0++;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return {
    n,
    meanDiff: s / n,
    lo: quantileSorted(means, alpha),
    hi: quantileSorted(means, 1 - alpha),
    level,
    resamples: B,
    seed,
    shareAtOrBelowZero: le0 / B,
  };
}
