import { qnorm, qsignrank, qt, signrankTwoSidedP } from './distributions';

/** Significance flag: `***` 1 %, `**` 5 %, `*` 10 % (two-sided), or '' (also for a missing statistic). */
export type Flag = '' | '*' | '**' | '***';

/** A statistic with its flag. */
export interface TestValue {
  readonly stat: number;
  readonly signif: Flag;
}

const Z = [qnorm(0.95), qnorm(0.975), qnorm(0.995)] as const;

function flagFrom(absStat: number, c1: number, c2: number, c3: number): Flag {
  if (!(absStat === absStat)) return '';
  if (absStat >= c3) return '***';
  if (absStat >= c2) return '**';
  if (absStat >= c1) return '*';
  return '';
}

/** Flag against N(0,1) two-sided critical values. */
export function normalFlag(stat: number): Flag {
  return flagFrom(Math.abs(stat), Z[0], Z[1], Z[2]);
}

const tCache = new Map<number, readonly [number, number, number]>();

/** Flag against Student t(df) two-sided critical values `qt(1 − α/2, df)` (df may be non-integer). */
export function tFlag(stat: number, df: number): Flag {
  if (!(df > 0)) return '';
  let c = tCache.get(df);
  if (!c) {
    c = [qt(0.95, df), qt(0.975, df), qt(0.995, df)];
    if (tCache.size > 10000) tCache.clear();
    tCache.set(df, c);
  }
  return flagFrom(Math.abs(stat), c[0], c[1], c[2]);
}

/**
 * Wilcoxon flags, estudy2's rule: level α is flagged when W ≥ qsignrank(1 − α, N) or
 * W ≤ N(N+1)/2 − qsignrank(1 − α/2, N) (the two tails are asymmetric, as in estudy2).
 */
export function wilcoxonFlag(w: number, nNonZero: number): Flag {
  if (!(w === w) || !(nNonZero > 0)) return '';
  const top = (nNonZero * (nNonZero + 1)) / 2;
  const hit = (a: number) => w >= qsignrank(1 - a, nNonZero) || w <= top - qsignrank(1 - a / 2, nNonZero);
  if (hit(0.01)) return '***';
  if (hit(0.05)) return '**';
  if (hit(0.1)) return '*';
  return '';
}

/**
 * Wilcoxon flags, textbook rule: level α is flagged when the exact two-sided p-value is at most α. With few firms
 * no outcome can be significant (N′ = 4 gives p ≥ 0.125), where estudy2's asymmetric quantile rule flags W+ = 0.
 */
export function wilcoxonExactFlag(w: number, nNonZero: number): Flag {
  const p = signrankTwoSidedP(w, nNonZero);
  if (!(p === p)) return '';
  if (p <= 0.01) return '***';
  if (p <= 0.05) return '**';
  if (p <= 0.1) return '*';
  return '';
}

export function tv(stat: number, signif: Flag): TestValue {
  return { stat, signif };
}
