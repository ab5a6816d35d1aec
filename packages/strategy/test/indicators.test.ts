import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BarSeries } from '@aftershock/core';
import { atrSeries, bollingerSeries, emaSeries, filtersPass, indicatorSeries, padLeft, parseFilters, rsiSeries, smaSeries } from '../src/index';

function bars(close: number[], spread = 1): BarSeries {
  const n = close.length;
  const f = (g: (c: number) => number) => Float64Array.from(close, g);
  return {
    symbol: 'T', length: n, dates: close.map((_, i) => `2025-01-${String(i + 1).padStart(2, '0')}`), session: Int32Array.from(close, (_, i) => i),
    open: f((c) => c), high: f((c) => c + spread), low: f((c) => c - spread), close: f((c) => c), volume: f(() => 1),
    adjClose: f((c) => c), dividend: f(() => 0),
  };
}

describe('indicator series are aligned to the bars (left-padded with NaN)', () => {
  const c = [10, 11, 12, 13, 14, 13, 12, 11, 12, 13, 14, 15, 16, 15, 14, 15, 16];
  it('SMA(3): NaN for the first 2 bars, then the hand-computed mean', () => {
    const s = smaSeries(c, 3);
    expect(s.length).toBe(c.length);
    expect([s[0], s[1]]).toEqual([NaN, NaN]);
    expect(s[2]).toBeCloseTo(11, 12); // (10 + 11 + 12) / 3
    expect(s[5]).toBeCloseTo((13 + 14 + 13) / 3, 12); // bars 3, 4, 5
  });
  it('EMA(3) is seeded by the SMA and then smoothed with 2 / (3 + 1)', () => {
    const e = emaSeries(c, 3);
    expect(e[1]).toBeNaN();
    expect(e[2]).toBeCloseTo(11, 12);
    expect(e[3]).toBeCloseTo(11 + 0.5 * (13 - 11), 12); // 12
    expect(e[4]).toBeCloseTo(12 + 0.5 * (14 - 12), 12); // 13
  });
  it('RSI(14) is NaN for 14 bars and rounded to 2 decimals by technicalindicators', () => {
    const r = rsiSeries(c, 14);
    expect(Number.isNaN(r[13]!)).toBe(true);
    // First RSI at bar 14 is Wilder's seed: average gain / average loss over the first 14 changes.
    let up = 0;
    let down = 0;
    for (let i = 1; i <= 14; i++) {
      const d = c[i]! - c[i - 1]!;
      if (d > 0) up += d;
      else down -= d;
    }
    expect(r[14]).toBeCloseTo(+(100 - 100 / (1 + up / down)).toFixed(2), 10);
    expect(Math.round(r[15]! * 100) / 100).toBe(r[15]);
  });
  it('ATR(3) of bars with a constant range of 2 and no gaps is 2', () => {
    const a = atrSeries(c.map((x) => x + 1), c.map((x) => x - 1), c, 3);
    expect(Number.isNaN(a[2]!)).toBe(true);
    expect(a[3]).toBeCloseTo(2, 12);
  });
  it('Bollinger(5, 2): middle = SMA, width = 2 population sds', () => {
    const b = bollingerSeries([1, 2, 3, 4, 5, 6], 5, 2);
    expect(b.middle[4]).toBeCloseTo(3, 12);
    expect(b.upper[4]).toBeCloseTo(3 + 2 * Math.sqrt(2), 12);
    expect(b.lower[4]).toBeCloseTo(3 - 2 * Math.sqrt(2), 12);
    expect(b.pctB[4]).toBeCloseTo((5 - b.lower[4]!) / (b.upper[4]! - b.lower[4]!), 12);
    expect(b.middle[3]).toBeNaN();
  });
  it('padLeft keeps index i = bar i for any output length', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 30 }), fc.nat(10), (vals, extra) => {
        const p = padLeft(vals, vals.length + extra);
        for (let i = 0; i < extra; i++) if (!Number.isNaN(p[i]!)) return false;
        return vals.every((v, i) => Object.is(p[extra + i], v === 0 ? v + 0 : v) || p[extra + i] === v);
      }),
    );
  });
});

describe('filters', () => {
  const falling = bars([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 5, 30]);
  it('RSI(14) < 30 holds on a falling series, fails during warm-up', () => {
    const f = [{ indicator: 'rsi' as const, period: 14, op: '<' as const, value: 30 }];
    expect(filtersPass(falling, f, 13)).toBe(false); // warm-up: NaN → no entry
    expect(filtersPass(falling, f, 17)).toBe(true); // only losses → RSI 0
    expect(indicatorSeries(falling, 'rsi', 14)[17]).toBe(0);
  });
  it('close above SMA: "sma < close" and "close-vs-sma > 0" agree', () => {
    const a = [{ indicator: 'sma' as const, period: 3, op: '<' as const, value: 'close' as const }];
    const b = [{ indicator: 'close-vs-sma' as const, period: 3, op: '>' as const, value: 0 }];
    for (let i = 0; i < falling.length; i++) expect(filtersPass(falling, a, i)).toBe(filtersPass(falling, b, i));
    expect(filtersPass(falling, a, 5)).toBe(false);
    expect(filtersPass(falling, a, 19)).toBe(true);
  });
  it('no look-ahead: changing bars after i never changes the result at i', () => {
    const f = parseFilters([{ indicator: 'rsi', period: 5, op: '<', value: 50 }, { indicator: 'bb-pctb', period: 5, op: '<', value: 0.5 }]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 18 }), (tail, i) => {
        const base = [50, 49, 48, 51, 47, 46, 45, 47, 44, 43, 44, 42, 41, 40, 42, 39, 38, 37, 36, 35];
        const changed = base.slice(0, i + 1).concat(tail.slice(i + 1));
        return filtersPass(bars(base), f, i) === filtersPass(bars(changed), f, i);
      }),
    );
  });
  it('parseFilters gathers every problem with its field', () => {
    try {
      parseFilters([{ indicator: 'macd', op: '<', value: 1 }, { indicator: 'rsi', op: '=', value: 'x', period: 0 }]);
      expect.unreachable();
    } catch (e) {
      const fields = (e as { problems: { field: string }[] }).problems.map((p) => p.field);
      expect(fields).toEqual(['filters[0].indicator', 'filters[1].op', 'filters[1].value', 'filters[1].period']);
    }
  });
});
