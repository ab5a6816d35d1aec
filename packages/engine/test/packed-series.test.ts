import { describe, expect, it } from 'vitest';
import { runBacktest, type Strategy } from '../src/index';
import { packedSeries } from '../src/packed-series';
import { series } from './bars';

const rows = [
  ['2025-08-04', 100, 105, 95, 102],
  ['2025-08-05', 101, 103, 97, 98],
  ['2025-08-06', 95, 99, 90, 96],
] as const;

/** Buys 1 share at each close and records the closes it read through its view. */
function closeBuyer(seen: number[][]): Strategy {
  return {
    name: 'close-buyer',
    onSessionClose(m, ctx) {
      const v = ctx.series('X');
      const i = v.closedLength - 1;
      seen.push([v.close(i)]);
      ctx.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'market-on-close' });
    },
  };
}

describe('packed closes shared across runs', () => {
  it('a second run over the same series reuses the packed copy; a series changed in place gets a fresh one', () => {
    const X = series('X', rows);
    const a = packedSeries(X);
    expect(packedSeries(X)).toBe(a);
    expect(Array.from(a.chunk.subarray(a.offset, a.offset + 3))).toEqual([102, 98, 96]);
    X.close[1] = 97.5;
    const b = packedSeries(X);
    expect(b).not.toBe(a);
    expect(Array.from(b.chunk.subarray(b.offset, b.offset + 3))).toEqual([102, 97.5, 96]);
    // The older copy is never written: a run still reading it sees the closes it started with.
    expect(a.chunk[a.offset + 1]).toBe(98);
    // Same values but a replaced column (another object): fresh copy too.
    const Y = { ...X };
    expect(packedSeries(Y)).not.toBe(b);
  });

  it('NaN and −0 closes compare by their bits', () => {
    const X = series('X', rows);
    X.close[0] = Number.NaN;
    const a = packedSeries(X);
    expect(packedSeries(X)).toBe(a);
    X.close[2] = -0;
    const b = packedSeries(X);
    expect(b).not.toBe(a);
    expect(Object.is(b.chunk[b.offset + 2], -0)).toBe(true);
  });

  it('a change in either half of the bits of a close makes a fresh copy (another NaN payload, the lowest mantissa bit)', () => {
    const X = series('X', rows);
    X.close[0] = Number.NaN;
    const a = packedSeries(X);
    const words = new Uint32Array(X.close.buffer, X.close.byteOffset, X.close.length * 2);
    words[0] = words[0]! ^ 1; // NaN with another payload: still NaN as a number
    expect(Number.isNaN(X.close[0])).toBe(true);
    const b = packedSeries(X);
    expect(b).not.toBe(a);
    words[3] = words[3]! ^ (1 << 20); // the high word of close 1
    const c = packedSeries(X);
    expect(c).not.toBe(b);
    expect(c.chunk[c.offset + 1]).toBe(X.close[1]);
    expect(packedSeries(X)).toBe(c);
  });

  it('runs over a series changed between them see its current closes (views, fills, equity)', () => {
    const X = series('X', rows);
    const seen1: number[][] = [];
    const r1 = runBacktest({ source: [X], initialCash: 10_000, strategy: closeBuyer(seen1) });
    X.close[1] = 90;
    const seen2: number[][] = [];
    const r2 = runBacktest({ source: [X], initialCash: 10_000, strategy: closeBuyer(seen2) });
    expect(seen1).toEqual([[102], [98], [96]]);
    expect(seen2).toEqual([[102], [90], [96]]);
    expect(r1.fills.map((f) => f.price)).toEqual([102, 98, 96]);
    expect(r2.fills.map((f) => f.price)).toEqual([102, 90, 96]);
    expect(r2.equity.map((e) => e.positionsValue)).toEqual([102, 180, 288]);
  });
});
