import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@aftershock/core';
import { ROLLING_WINDOW, rollingStats } from '../src/run/strategies';

// Independent of @aftershock/strategy: Sharpe = mean / sample sd × √252, beta = Σ(ds·db) / Σ(db²), by plain loops.
function naive(rs: number[], rb: number[]): { sharpe: number; beta: number } {
  const n = rs.length;
  const ms = rs.reduce((a, b) => a + b, 0) / n;
  const mb = rb.reduce((a, b) => a + b, 0) / n;
  let ss = 0;
  let cov = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    ss += (rs[i]! - ms) ** 2;
    cov += (rs[i]! - ms) * (rb[i]! - mb);
    vb += (rb[i]! - mb) ** 2;
  }
  return { sharpe: (ms / Math.sqrt(ss / (n - 1))) * Math.sqrt(252), beta: cov / vb };
}

describe('rolling Sharpe and beta', () => {
  const rnd = mulberry32(63);
  const n = 300;
  const bench: number[] = [400];
  const equity: { date: string; equity: number }[] = [{ date: 'd0', equity: 1e5 }];
  for (let i = 1; i < n; i++) {
    const rb = (rnd() - 0.5) * 0.03;
    bench.push(bench[i - 1]! * (1 + rb));
    equity.push({ date: `d${i}`, equity: equity[i - 1]!.equity * (1 + 0.4 * rb + (rnd() - 0.5) * 0.01) });
  }

  it('matches a plain computation over each window of 63 returns, ending at that session', () => {
    const r = rollingStats({ equity }, bench)!;
    expect(r.window).toBe(ROLLING_WINDOW);
    expect(r.points).toHaveLength(n - 1 - ROLLING_WINDOW + 1);
    const rs = equity.slice(1).map((p, i) => p.equity / equity[i]!.equity - 1);
    const rb = bench.slice(1).map((b, i) => b / bench[i]! - 1);
    for (const k of [0, 17, r.points.length - 1]) {
      const end = ROLLING_WINDOW + k; // returns [end − 63, end), i.e. sessions end − 62 … end
      expect(r.points[k]!.date).toBe(`d${end}`);
      const want = naive(rs.slice(end - ROLLING_WINDOW, end), rb.slice(end - ROLLING_WINDOW, end));
      expect(r.points[k]!.sharpe!).toBeCloseTo(want.sharpe, 9);
      expect(r.points[k]!.beta!).toBeCloseTo(want.beta, 9);
    }
  });

  it('is null where undefined (flat equity, a benchmark gap) and absent for short curves', () => {
    const flat = equity.map((p) => ({ ...p, equity: 1e5 }));
    const gap = bench.map((b, i) => (i === 100 ? NaN : b));
    const r = rollingStats({ equity: flat }, gap)!;
    expect(r.points.every((p) => p.sharpe === null)).toBe(true);
    expect(r.points.find((p) => p.date === 'd100')!.beta).toBeNull();
    expect(r.points.find((p) => p.date === 'd200')!.beta).toBe(0);
    expect(rollingStats({ equity: equity.slice(0, 2 * ROLLING_WINDOW) }, bench)).toBeUndefined();
  });
});
