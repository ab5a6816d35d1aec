import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SeriesPoint, TradeRow } from '../src/result-types';
import { benchmarkAtWork, monthlyReturns, sharedIndices } from '../src/strategy-views';

const pts = (dates: string[], values: number[]): SeriesPoint[] => dates.map((date, i) => ({ date, value: values[i]! }));
const trade = (entryDate: string, exitDate: string | null, quantity: number, entryPrice: number): TradeRow => ({
  id: 1, symbol: 'X', direction: quantity > 0 ? 'long' : 'short', quantity, entryDate, entryPrice, exitDate, exitPrice: null, eventId: null, pnl: 0, returnPct: 0, costs: 0, sessionsHeld: 0,
});

describe('benchmark with the same capital at work', () => {
  const d = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'];
  const eq = pts(d, [100_000, 100_000, 100_000, 100_000, 100_000]);
  // Benchmark +10%, +10%, −50%, +100% on sessions 1…4.
  const bm = pts(d, [100, 110, 121, 60.5, 121]);

  it('earns the benchmark return on the money put in, only while the trade is open (hand-computed)', () => {
    // $10,000 (100 shares × $100, short: |quantity|) entered on session 1, exited on session 3: it earns sessions 2 and 3.
    const out = benchmarkAtWork(eq, bm, [trade('2025-01-03', '2025-01-07', -100, 100)], 100_000);
    expect(out.map((p) => p.date)).toEqual(d);
    // session 2: +10% of 10,000 = +1,000; session 3: −50% of 10,000 = −5,000; session 4: closed, nothing.
    expect(out.map((p) => p.value)).toEqual([100_000, 100_000, 101_000, 96_000, 96_000]);
  });

  it('adds up overlapping trades and keeps an open trade to the end', () => {
    const out = benchmarkAtWork(eq, bm, [trade('2025-01-02', '2025-01-03', 50, 100), trade('2025-01-02', null, 20, 100)], 100_000);
    // session 1: 7,000 at work × 10% = 700; sessions 2–4: 2,000 × (10%, −50%, +100%).
    expect(out.map((p) => p.value)).toEqual([100_000, 100_700, 100_900, 99_900, 101_900]);
  });

  it('is flat without trades and empty without a benchmark', () => {
    expect(benchmarkAtWork(eq, bm, [], 100_000).every((p) => p.value === 100_000)).toBe(true);
    expect(benchmarkAtWork(eq, [], [], 100_000)).toEqual([]);
  });
});

describe('monthly returns', () => {
  it('chains month-end values, the first month from the first value, and compounds the year (hand-computed)', () => {
    const rows = monthlyReturns(pts(['2024-12-30', '2024-12-31', '2025-01-15', '2025-01-31', '2025-03-03'], [100, 110, 99, 121, 133.1]));
    expect(rows.map((r) => r.year)).toEqual([2024, 2025]);
    expect(rows[0]!.months[11]).toBeCloseTo(0.1, 12);
    expect(rows[0]!.months.slice(0, 11).every((m) => m === null)).toBe(true);
    expect(rows[0]!.total).toBeCloseTo(0.1, 12);
    expect(rows[1]!.months[0]).toBeCloseTo(0.1, 12); // 121 / 110
    expect(rows[1]!.months[1]).toBeNull(); // no session in February
    expect(rows[1]!.months[2]).toBeCloseTo(0.1, 12); // 133.1 / 121
    expect(rows[1]!.total).toBeCloseTo(0.21, 12);
  });

  it('compounds back to the total return of the curve', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 2, maxLength: 800 }), (rs) => {
        let v = 100;
        const curve = rs.map((r, i) => ({ date: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000 * 1.4).toISOString().slice(0, 10), value: (v *= 1 + r) }));
        const g = monthlyReturns(curve).reduce((acc, row) => acc * (1 + (row.total ?? 0)), 1);
        expect(g).toBeCloseTo(curve[curve.length - 1]!.value / curve[0]!.value, 9);
      }),
      { seed: 13 },
    );
  });
});

describe('shared indices of aligned series', () => {
  it('keeps every series whole when short, and each series\u2019 spike when long', () => {
    expect(sharedIndices([[1, 2, 3]], 10)).toEqual([0, 1, 2]);
    const a = Array.from({ length: 5000 }, (_, i) => (i === 1234 ? 50 : 0));
    const b = Array.from({ length: 5000 }, (_, i) => (i === 4321 ? -50 : 0));
    const idx = sharedIndices([a, b], 600);
    expect(idx).toContain(1234);
    expect(idx).toContain(4321);
    expect(idx.length).toBeLessThanOrEqual(600);
    for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
  });
});
