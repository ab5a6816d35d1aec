import { describe, expect, it } from 'vitest';
import { mulberry32, pairedBootstrap, quantileSorted } from '../src/index';

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
    // Roughly uniform: the mean of 1,000 draws is within 0.05 of 0.5.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});

describe('paired bootstrap of the mean difference', () => {
  it('a constant difference gives a zero-width interval at that difference', () => {
    const r = pairedBootstrap([0.03, 0.02, 0.05], [0.02, 0.01, 0.04], { resamples: 500, seed: 1 });
    expect(r.meanDiff).toBeCloseTo(0.01, 12);
    expect(r.lo).toBeCloseTo(0.01, 12);
    expect(r.hi).toBeCloseTo(0.01, 12);
    expect(r.shareAtOrBelowZero).toBe(0);
  });
  it('two differences 0 and 1: resampled means are 0, ½, 1 with chance ¼, ½, ¼', () => {
    const r = pairedBootstrap([0, 1], [0, 0], { resamples: 20_000, seed: 7 });
    expect(r.meanDiff).toBe(0.5);
    expect(r.lo).toBe(0); // P(mean = 0) = ¼ > 2.5%
    expect(r.hi).toBe(1); // P(mean = 1) = ¼ > 2.5%
    expect(Math.abs(r.shareAtOrBelowZero - 0.25)).toBeLessThan(0.02);
  });
  it('is reproducible with a seed and pairs by index', () => {
    const a = [0.05, -0.02, 0.03, 0.01, -0.04, 0.06, 0.02];
    const b = [0.01, -0.01, 0.0, 0.02, -0.05, 0.01, 0.0];
    const r1 = pairedBootstrap(a, b, { seed: 99 });
    expect(pairedBootstrap(a, b, { seed: 99 })).toEqual(r1);
    expect(r1.meanDiff).toBeCloseTo((0.04 - 0.01 + 0.03 - 0.01 + 0.01 + 0.05 + 0.02) / 7, 12);
    expect(r1.lo).toBeLessThan(r1.meanDiff);
    expect(r1.hi).toBeGreaterThan(r1.meanDiff);
    expect(r1.resamples).toBe(10_000);
  });
  it('type-7 quantiles interpolate between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});
