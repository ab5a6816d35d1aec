import { describe, expect, it } from 'vitest';
import { compareStrategies, jsonSafe } from '../src/index';
import { NO_COSTS, lockup, series } from './build';

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

  it('pairs: mean difference of per-event returns with a seeded paired bootstrap interval', () => {
    const p = c.pairs.find((x) => x.a === 'lockup-short' && x.b === 'hold-through short')!;
    // Differences 0.075, −0.05, 0.1 − 2/29.
    expect(p.n).toBe(3);
    expect(p.meanDiff).toBeCloseTo((0.075 - 0.05 + (0.1 - 2 / 29)) / 3, 12);
    expect(p.lo!).toBeLessThanOrEqual(p.meanDiff!);
    expect(p.hi!).toBeGreaterThanOrEqual(p.meanDiff!);
    expect(p.lo!).toBeGreaterThanOrEqual(-0.05 - 1e-12); // a resampled mean lies within the differences
    expect(p.hi!).toBeLessThanOrEqual(0.075 + 1e-12);
    // The filtered strategy against the unfiltered: CCC counts as 0 for the filtered one → differences 0, 0, −0.1.
    const f = c.pairs.find((x) => x.a === 'lockup-short' && x.b === 'lockup-short unlocked>20%')!;
    expect(f.meanDiff).toBeCloseTo(0.1 / 3, 12);
    expect(c.pairs).toHaveLength(3);
    // Same seed → same intervals.
    expect(compareStrategies(specs, { bars, events, costs: NO_COSTS }, { resamples: 2000, seed: 5 }).pairs).toEqual(c.pairs);
  });

  it('missing: drop compares only events both traded', () => {
    const d = compareStrategies(specs, { bars, events, costs: NO_COSTS }, { resamples: 500, missing: 'drop' });
    const f = d.pairs.find((x) => x.a === 'lockup-short' && x.b === 'lockup-short unlocked>20%')!;
    expect([f.n, f.meanDiff]).toEqual([2, 0]);
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
