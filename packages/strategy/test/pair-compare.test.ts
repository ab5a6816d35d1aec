import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@aftershock/core';
import { comparePair, type ComparableRun } from '../src/index';

// The paired statistics written out apart from the package: mean, t = mean / (sd / √n) with the n − 1 sd, and the
// documented percentile bootstrap (indices ⌊u·n⌋ from mulberry32(seed); R type-7 quantiles of the sorted means).
const mean = (d: number[]) => d.reduce((s, x) => s + x, 0) / d.length;
function tOf(d: number[]): number {
  const m = mean(d);
  return m / (Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1)) / Math.sqrt(d.length));
}
function interval(d: number[], resamples: number, seed: number): [number, number] {
  const u = mulberry32(seed);
  const means = Array.from({ length: resamples }, () => {
    let t = 0;
    for (let i = 0; i < d.length; i++) t += d[Math.floor(u() * d.length)]!;
    return t / d.length;
  }).sort((x, y) => x - y);
  const q = (p: number) => {
    const h = (resamples - 1) * p;
    const i = Math.floor(h);
    return means[i]! + (h - i) * (means[i + 1]! - means[i]!);
  };
  return [q(0.025), q(0.975)];
}

const dates = Array.from({ length: 12 }, (_, i) => `2025-03-${String(i + 3).padStart(2, '0')}`);
const curve = (values: number[]) => values.map((equity, i) => ({ date: dates[i]!, equity }));

describe('comparePair on built runs', () => {
  // a traded e1…e10 and e12; b traded e1…e10 and e11 (ten events in common, one each of its own).
  const ra = [0.05, -0.02, 0.03, 0.01, -0.04, 0.06, 0.02, -0.01, 0.04, 0.00, 0.09];
  const rb = [0.01, -0.03, 0.05, -0.02, -0.01, 0.02, 0.03, -0.02, 0.01, 0.01, -0.07];
  const a: ComparableRun = { label: 'a', perEvent: [...ra.slice(0, 10).map((ret, i) => ({ eventId: `e${i + 1}`, ret })), { eventId: 'e12', ret: ra[10]! }], equity: curve(new Array(12).fill(1e5)) };
  const b: ComparableRun = { label: 'b', perEvent: [...rb.slice(0, 10).map((ret, i) => ({ eventId: `e${i + 1}`, ret })), { eventId: 'e11', ret: rb[10]! }], equity: curve(new Array(12).fill(1e5)) };
  const order = Array.from({ length: 12 }, (_, i) => `e${i + 1}`);
  const p = comparePair(a, b, order, { resamples: 5000, seed: 11 });

  it('pairs the ten events both traded: n, mean difference, t and the bootstrap interval as computed here', () => {
    const d = ra.slice(0, 10).map((x, i) => x - rb[i]!);
    expect([p.basis, p.events]).toEqual(['events', { both: 10, onlyA: 1, onlyB: 1 }]);
    expect(p.paired.n).toBe(10);
    expect(p.paired.meanDiff).toBeCloseTo(mean(d), 14);
    expect(p.paired.meanDiff).toBeCloseTo(0.009, 14); // (0.04 + 0.01 − 0.02 + 0.03 − 0.03 + 0.04 − 0.01 + 0.01 + 0.03 − 0.01) / 10
    expect(p.paired.tStat).toBeCloseTo(tOf(d), 12);
    const [lo, hi] = interval(d, 5000, 11);
    expect(p.paired.lo).toBeCloseTo(lo, 14);
    expect(p.paired.hi).toBeCloseTo(hi, 14);
    expect(lo).toBeGreaterThan(Math.min(...d)); // not the trivial extremes: the interval means something here
    expect(hi).toBeLessThan(Math.max(...d));
  });

  it('gives the union-with-zeros figure apart: e11 and e12 enter as 0 for the side that skipped them', () => {
    const u = [...ra.slice(0, 10).map((x, i) => x - rb[i]!), 0 - rb[10]!, ra[10]! - 0];
    expect(p.unionWithZeros!.n).toBe(12);
    expect(p.unionWithZeros!.meanDiff).toBeCloseTo(mean(u), 14);
    expect(p.unionWithZeros!.tStat).toBeCloseTo(tOf(u), 12);
    const [lo, hi] = interval(u, 5000, 11);
    expect(p.unionWithZeros!.lo).toBeCloseTo(lo, 14);
    expect(p.unionWithZeros!.hi).toBeCloseTo(hi, 14);
  });

  it('with no event traded by both, pairs the daily returns over the sessions both ran', () => {
    // c traded e11 only; d trades no event (buy-and-hold-like). Curves over sessions 1…12 and 3…12 (d starts later).
    const ec = [100, 101, 99, 102, 103, 101, 104, 104, 106, 105, 107, 108];
    const ed = [50, 51, 52, 51, 53, 54, 53, 55, 56, 55];
    const c: ComparableRun = { label: 'c', perEvent: [{ eventId: 'e11', ret: 0.02 }], equity: curve(ec) };
    const dd: ComparableRun = { label: 'd', perEvent: [], equity: ed.map((equity, i) => ({ date: dates[i + 2]!, equity })) };
    const q = comparePair(c, dd, order, { resamples: 5000, seed: 3 });
    // Common return dates: sessions 4…12 (d's first return ends on session 4).
    const rc = ec.slice(3).map((x, i) => x / ec[i + 2]! - 1);
    const rd = ed.slice(1).map((x, i) => x / ed[i]! - 1);
    const diff = rc.map((x, i) => x - rd[i]!);
    expect([q.basis, q.events, q.unionWithZeros]).toEqual(['daily', { both: 0, onlyA: 1, onlyB: 0 }, null]);
    expect(q.paired.n).toBe(9);
    expect(q.paired.meanDiff).toBeCloseTo(mean(diff), 14);
    expect(q.paired.tStat).toBeCloseTo(tOf(diff), 12);
    const [lo, hi] = interval(diff, 5000, 3);
    expect(q.paired.lo).toBeCloseTo(lo, 14);
    expect(q.paired.hi).toBeCloseTo(hi, 14);
  });

  it('two strategies on different events: daily returns on true pairs, the union figure labelled apart', () => {
    const x: ComparableRun = { label: 'x', perEvent: [{ eventId: 'e1', ret: 0.1 }], equity: curve(new Array(12).fill(1)) };
    const y: ComparableRun = { label: 'y', perEvent: [{ eventId: 'e2', ret: -0.1 }], equity: curve(new Array(12).fill(1)) };
    const q = comparePair(x, y, order, { resamples: 100, seed: 1 });
    expect([q.basis, q.events, q.paired.n, q.paired.meanDiff]).toEqual(['daily', { both: 0, onlyA: 1, onlyB: 1 }, 11, 0]);
    expect([q.unionWithZeros!.n, q.unionWithZeros!.meanDiff]).toEqual([2, 0.1]);
  });
});
