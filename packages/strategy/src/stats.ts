/**
 * Small statistics helpers on plain arrays. Conventions used across the package:
 * - the standard deviation is the **sample** one (divisor n − 1) and is NaN for fewer than 2 values;
 * - the median of an even-sized sample is the mean of the two middle values;
 * - empty input gives NaN, never 0, so "no data" is never mistaken for "zero".
 *
 * @example
 * mean([1, 2, 3]) // 2
 * sampleSd([1, 2, 3]) // 1
 */
export function mean(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  return s / n;
}

/** Sample standard deviation (divisor n − 1); NaN for fewer than 2 values. */
export function sampleSd(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Median; the mean of the two middle values for an even count; NaN when empty. */
export function median(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const s = Float64Array.from(xs).sort();
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Quantile with linear interpolation between order statistics (R type 7, the R and numpy default).
 * `sorted` must be ascending.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/** Sum of an array. */
export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
