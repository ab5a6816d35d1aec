import { describe, expect, it } from 'vitest';
import { compareStrategies, jsonSafe } from '../src/index';
import { mulberry32 } from '@aftershock/core';
import { NO_COSTS, lockup, series } from './build';

// The paired statistics written out here, apart from the package's code: mean, t = mean / (sd / √n) with the
// n − 1 sd, and the percentile bootstrap the package documents (indices drawn as ⌊u·n⌋ from mulberry32(seed), R's
// type-7 quantiles of the sorted resampled means).
const independentMean = (d: number[]) => d.reduce((s, x) => s + x, 0) / d.length;
function independentT(d: number[]): number {
  const m = independentMean(d);
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1));
  return m / (sd / Math.sqrt(d.length));
}
function independentBootstrap(d: number[], resamples: number, seed: number): [number, number] {
  const u = mulberry32(seed);
  const means: number[] = [];
  for (let k = 0; k < resamples; k++) {
    let t = 0;
    for (let i = 0; i < d.length; i++) t += d[Math.floor(u() * d.length)]!;
    means.push(t / d.length);
  }
  means.sort((x, y) => x - y);
  const q = (p: number) => {
    const h = (means.length - 1) * p;
    const i = Math.floor(h);
    return means[i]! + (h - i) * ((means[Math.min(i + 1, means.length - 1)] ?? 0) - means[i]!);
  };
  return [q(0.025), q(0.975)];
}

// Three lock-ups expiring after the close of 2025-03-10 (day 0 = 03-11). Sessions: 4 03-07, 5 03-10, 6 03-11,
// 7 03-12, 8 03-13. Without costs a short's return is 1 − exit / entry whatever the size.
const bars = [
  series('AAA', '2025-03-03', [20, 20, 20, 20, 25, 24, 22, 21, 20, 20, 20, 20]),
  series('BBB', '2025-03-03', [20, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24]),
  series('CCC', '2025-03-03', [30, 30, 30, 30, 30, 29, 28, 27, 27, 27, 27, 27]),
];
const events = [
  lockup('AAA', '2025-03-10', '2024-09-10', { sharesUnlockedPct: 30 }),
  lockup('BBB', '2025-03-10', '2024-09-10', { sharesUnlockedPct: 50 }),
  lockup('CCC', '2025-03-10', '2024-09-10', { sharesUnlockedPct: 10 }),
];
const specs = [
  { name: 'lockup-short' }, // 03-07 close → 03-13 close
  { name: 'hold-through', label: 'hold-through short', params: { side: 'short', before: 1, after: 1, kind: 'lockup-expiry' } }, // 03-10 → 03-12
  { name: 'lockup-short', label: 'lockup-short unlocked>20%', params: { minUnlockedPct: 20 } },
];

describe('comparing strategies on the same events', () => {
  const c = compareStrategies(specs, { bars, events, costs: NO_COSTS }, { resamples: 2000, seed: 5 });

  it('per-event returns of each strategy, worked by hand', () => {
    const row = (sym: string) => c.events.find((e) => e.symbol === sym)!.returns;
    // lockup-short: AAA 25 → 20 = +0.2; BBB 20 → 24 = −0.2; CCC 30 → 27 = +0.1.
    // hold-through short (N = 1, M = 1): AAA 24 → 21 = +0.125; BBB 20 → 23 = −0.15; CCC 29 → 27 = 2/29.
    // The filtered one skips CCC (10% unlocked).
    expect(row('AAA')).toEqual({ 'lockup-short': 0.2, 'hold-through short': 0.125, 'lockup-short unlocked>20%': 0.2 });
    expect(row('BBB')['lockup-short']).toBeCloseTo(-0.2, 12);
    expect(row('BBB')['hold-through short']).toBeCloseTo(-0.15, 12);
    expect(row('CCC')['lockup-short']).toBeCloseTo(0.1, 12);
    expect(row('CCC')['hold-through short']).toBeCloseTo(2 / 29, 12);
    expect(row('CCC')['lockup-short unlocked>20%']).toBeNull();
  });

  it('pairs on the events both traded: n, mean difference, t and the bootstrap interval, computed here independently', () => {
    const p = c.pairs.find((x) => x.a === 'lockup-short' && x.b === 'hold-through short')!;
    // All three events traded by both. Differences 0.2 − 0.125, −0.2 + 0.15, 0.1 − 2/29.
    const d = [0.075, -0.05, 0.1 - 2 / 29];
    expect([p.basis, p.events]).toEqual(['events', { both: 3, onlyA: 0, onlyB: 0 }]);
    expect(p.unionWithZeros).toBeNull(); // the union is the pairs here
    expect(p.paired.n).toBe(3);
    expect(p.paired.meanDiff).toBeCloseTo(independentMean(d), 12);
    expect(p.paired.tStat).toBeCloseTo(independentT(d), 10);
    const [lo, hi] = independentBootstrap(d, 2000, 5);
    expect(p.paired.lo).toBeCloseTo(lo, 12);
    expect(p.paired.hi).toBeCloseTo(hi, 12);
    // Same seed → same intervals.
    expect(compareStrategies(specs, { bars, events, costs: NO_COSTS }, { resamples: 2000, seed: 5 }).pairs).toEqual(c.pairs);
    expect(c.pairs).toHaveLength(3);
  });

  it('an event one side skipped stays out of the pairs; the union-with-zeros figure comes separately', () => {
    // hold-through short against the filtered lock-up short (which skips CCC, 10% unlocked): pairs AAA and BBB.
    // Differences 0.125 − 0.2 = −0.075 and −0.15 + 0.2 = 0.05: mean −0.0125, sd 0.125 / √2, t = −0.0125 / 0.0625 = −0.2.
    const p = c.pairs.find((x) => x.a === 'hold-through short' && x.b === 'lockup-short unlocked>20%')!;
    expect([p.basis, p.events]).toEqual(['events', { both: 2, onlyA: 1, onlyB: 0 }]);
    expect(p.paired.n).toBe(2);
    expect(p.paired.meanDiff).toBeCloseTo(-0.0125, 12);
    expect(p.paired.tStat).toBeCloseTo(-0.2, 12);
    const [lo, hi] = independentBootstrap([-0.075, 0.05], 2000, 5);
    expect(p.paired.lo).toBeCloseTo(lo, 12);
    expect(p.paired.hi).toBeCloseTo(hi, 12);
    // Over the union, CCC counts 0 for the filtered one: differences −0.075, 0.05, 2/29.
    const u = [-0.075, 0.05, 2 / 29];
    expect(p.unionWithZeros!.n).toBe(3);
    expect(p.unionWithZeros!.meanDiff).toBeCloseTo(independentMean(u), 12);
    expect(p.unionWithZeros!.tStat).toBeCloseTo(independentT(u), 10);
    // The unfiltered against the filtered lock-up short: the same trades on AAA and BBB, so no difference at all
    // on true pairs (t undefined: null), while the union credits the filter with CCC's 0.1.
    const f = c.pairs.find((x) => x.a === 'lockup-short' && x.b === 'lockup-short unlocked>20%')!;
    expect([f.paired.n, f.paired.meanDiff, f.paired.tStat]).toEqual([2, 0, null]);
    expect(f.unionWithZeros!.meanDiff).toBeCloseTo(0.1 / 3, 12);
  });

  it('the side-by-side table keeps per-period, per-trade and per-event columns apart, and is JSON-ready', () => {
    const col = (key: string) => c.columns.findIndex((x) => x.key === key);
    const tbl = Object.fromEntries(c.table.map((r) => [r.label, r.values]));
    expect(tbl['lockup-short']![col('trade.trades')]).toBe(3);
    expect(tbl['lockup-short unlocked>20%']![col('trade.trades')]).toBe(2);
    expect(tbl['lockup-short']![col('trade.hitRate')]).toBeCloseTo(2 / 3, 12);
    expect(tbl['lockup-short']![col('event.meanReturn')]).toBeCloseTo(0.1 / 3, 12);
    // Without a benchmark, alpha and beta are undefined: null, not NaN.
    expect(tbl['lockup-short']![col('period.beta')]).toBeNull();
    expect(new Set(c.columns.map((x) => x.group))).toEqual(new Set(['period', 'trade', 'event', 'costs']));
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('jsonSafe turns NaN and Infinity into null, deeply', () => {
    expect(jsonSafe({ a: NaN, b: [1, Infinity], c: { d: -Infinity, e: 'x' } })).toEqual({ a: null, b: [1, null], c: { d: null, e: 'x' } });
  });
});
