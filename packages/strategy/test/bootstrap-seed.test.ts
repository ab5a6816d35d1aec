import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@aftershock/core';
import { pairedBootstrap } from '../src/bootstrap';

/** The paired bootstrap recomputed here: resample indices with mulberry32(seed), R type-7 percentile interval. */
function independent(a: number[], b: number[], seed: number, resamples: number): { lo: number; hi: number } {
  const d = a.map((x, i) => x - b[i]!);
  const rnd = mulberry32(seed);
  const means: number[] = [];
  for (let k = 0; k < resamples; k++) {
    let t = 0;
    for (let i = 0; i < d.length; i++) t += d[Math.floor(rnd() * d.length)]!;
    means.push(t / d.length);
  }
  means.sort((x, y) => x - y);
  const q = (p: number) => {
    const h = (means.length - 1) * p;
    const lo = Math.floor(h);
    return means[lo]! + (h - lo) * ((means[Math.min(lo + 1, means.length - 1)] ?? means[lo]!) - means[lo]!);
  };
  return { lo: q(0.025), hi: q(0.975) };
}

describe('the paired bootstrap uses its seed', () => {
  const a = [0.05, -0.02, 0.11, 0.003, -0.07, 0.04, 0.09, -0.01];
  const b = [0.01, 0.02, -0.03, 0.0, 0.01, -0.05, 0.02, 0.03];

  it('each seed gives the interval of its own resampling stream', () => {
    for (const seed of [1, 2, 42, 20250815, 4_000_000_000]) {
      const r = pairedBootstrap(a, b, { seed, resamples: 2000 });
      const want = independent(a, b, seed, 2000);
      expect(r.seed).toBe(seed);
      expect(r.lo).toBeCloseTo(want.lo, 12);
      expect(r.hi).toBeCloseTo(want.hi, 12);
    }
  });

  it('different seeds give different intervals; the same seed the same one', () => {
    const ends = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(pairedBootstrap(a, b, { seed, resamples: 500 }))));
    expect(ends.size).toBe(5);
    expect(pairedBootstrap(a, b, { seed: 9, resamples: 500 })).toEqual(pairedBootstrap(a, b, { seed: 9, resamples: 500 }));
  });
});
