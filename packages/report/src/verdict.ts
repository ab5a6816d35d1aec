import type { PairFigure } from './result-types';

/** Fewer pairs than this and a bootstrap interval says little; the verdict says so. */
export const MIN_PAIRS_FOR_VERDICT = 5;

/** What a pair's interval says: a better, b better, not distinguishable, or too few pairs to tell. */
export function verdict(p: PairFigure): string {
  const [lo, hi] = p.ci95;
  if (p.n < MIN_PAIRS_FOR_VERDICT) return `too few (${p.n}) to tell`;
  if (lo !== null && lo > 0) return 'a better';
  if (hi !== null && hi < 0) return 'b better';
  return 'not distinguishable';
}

/** Digits for a pair's percentages: enough to show its interval (daily differences are tiny). */
export function diffDigits(p: PairFigure): number {
  const m = Math.max(...[p.meanDiff, p.ci95[0], p.ci95[1]].map((x) => (x === null ? 0 : Math.abs(x))));
  return m >= 0.01 ? 2 : m >= 0.001 ? 3 : 4;
}
