import { describe, expect, it } from 'vitest';
import { mulberry32, xnysCalendar } from '@aftershock/core';
import { neweyWestLag, olsNeweyWest, parseFrenchFactors, portfolioSeries, runStudy, studyTables, type StudyConfig } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

// Independent of the code: one-regressor OLS in closed form, and Newey–West for [1, x] with 2×2 algebra.
function closedForm(y: readonly number[], x: readonly number[], L: number, pos: readonly number[] = y.map((_, t) => t)) {
  const T = y.length;
  const mx = x.reduce((s, v) => s + v, 0) / T;
  const my = y.reduce((s, v) => s + v, 0) / T;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < T; t++) {
    sxx += (x[t]! - mx) ** 2;
    sxy += (x[t]! - mx) * (y[t]! - my);
  }
  const b = sxy / sxx;
  const a = my - b * mx;
  const e = y.map((v, t) => v - a - b * x[t]!);
  const s2 = e.reduce((s, v) => s + v * v, 0) / (T - 2);
  const varA = s2 * (1 / T + (mx * mx) / sxx);
  const varB = s2 / sxx;
  // (Z'Z)⁻¹ for Z = [1, x]: 1/det [[Σx², −Σx], [−Σx, T]].
  const sx = x.reduce((s, v) => s + v, 0);
  const sx2 = x.reduce((s, v) => s + v * v, 0);
  const det = T * sx2 - sx * sx;
  const I = [sx2 / det, -sx / det, -sx / det, T / det];
  const S = [0, 0, 0, 0];
  for (let t = 0; t < T; t++) {
    for (let s = 0; s < T; s++) {
      const l = Math.abs(pos[t]! - pos[s]!);
      if (l > L) continue;
      const w = 1 - l / (L + 1);
      const zt = [1, x[t]!];
      const zs = [1, x[s]!];
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) S[i * 2 + j]! += w * e[t]! * e[s]! * zt[i]! * zs[j]!;
    }
  }
  const mul = (A: number[], B: number[]) => [A[0]! * B[0]! + A[1]! * B[2]!, A[0]! * B[1]! + A[1]! * B[3]!, A[2]! * B[0]! + A[3]! * B[2]!, A[2]! * B[1]! + A[3]! * B[3]!];
  const V = mul(mul(I, S), I);
  return { a, b, tA: a / Math.sqrt(varA), tB: b / Math.sqrt(varB), nwA: a / Math.sqrt(V[0]!), nwB: b / Math.sqrt(V[3]!) };
}

describe('OLS with Newey–West standard errors', () => {
  it('intercept only, by hand: y = 1, 2, 4 (mean 7/3), lag 1', () => {
    const f = olsNeweyWest(Float64Array.of(1, 2, 4), [], 1)!;
    const a = f.terms[0]!;
    expect(a.estimate).toBeCloseTo(7 / 3, 14);
    // e = −4/3, −1/3, 5/3; s² = (42/9)/2 = 7/3; se = sqrt(s²/3) = sqrt(7/9).
    expect(a.seOls).toBeCloseTo(Math.sqrt(7 / 9), 14);
    // S = Σe² + 2·(1/2)·Σ e_t e_{t−1} = 42/9 − 1/9 = 41/9; V = S / T² = 41/81.
    expect(a.seNw).toBeCloseTo(Math.sqrt(41) / 9, 14);
    expect(a.tNw).toBeCloseTo(7 / 3 / (Math.sqrt(41) / 9), 12);
    // Lag 0 is White's heteroskedasticity-robust variance: 42/81.
    expect(olsNeweyWest(Float64Array.of(1, 2, 4), [], 0)!.terms[0]!.seNw).toBeCloseTo(Math.sqrt(42) / 9, 14);
  });

  it('lags count positions: observations at 0, 1, 3 with lag 1 pair only the first two', () => {
    // Σ e_t e_s over |pos| = 1: (−4/3)(−1/3) = 4/9; S = 42/9 + 2·(1/2)·4/9 = 46/9.
    const f = olsNeweyWest(Float64Array.of(1, 2, 4), [], 1, Int32Array.of(0, 1, 3))!;
    expect(f.terms[0]!.seNw).toBeCloseTo(Math.sqrt(46) / 9, 14);
  });

  it('one regressor matches the closed form (OLS and Newey–West, with a gap)', () => {
    const rnd = mulberry32(11);
    const x = Array.from({ length: 40 }, () => (rnd() - 0.5) * 0.03);
    const y = x.map((v) => 0.0008 + 1.3 * v + (rnd() - 0.5) * 0.01);
    const pos = x.map((_, t) => t + (t >= 20 ? 5 : 0));
    for (const L of [0, 1, 3]) {
      const f = olsNeweyWest(Float64Array.from(y), [Float64Array.from(x)], L, Int32Array.from(pos))!;
      const c = closedForm(y, x, L, pos);
      expect(f.terms[0]!.estimate).toBeCloseTo(c.a, 13);
      expect(f.terms[1]!.estimate).toBeCloseTo(c.b, 11);
      expect(f.terms[0]!.tOls).toBeCloseTo(c.tA, 9);
      expect(f.terms[1]!.tOls).toBeCloseTo(c.tB, 9);
      expect(f.terms[0]!.tNw).toBeCloseTo(c.nwA, 9);
      expect(f.terms[1]!.tNw).toBeCloseTo(c.nwB, 9);
    }
  });

  it('the automatic lag is floor(4 (T/100)^(2/9)); too few observations give null', () => {
    expect(neweyWestLag(100)).toBe(4);
    expect(neweyWestLag(20)).toBe(2); // 4 · 0.2^(2/9) = 2.796
    expect(neweyWestLag(1000)).toBe(6); // 4 · 10^(2/9) = 6.67
    expect(olsNeweyWest(Float64Array.of(1, 2), [Float64Array.of(1, 2)], 1)).toBeNull();
  });
});

describe('calendar-time portfolio', () => {
  it('equal weights the firms held each session; a firm with overlapping events counts once; no return, no position', () => {
    const r = (v: number[]) => Float64Array.from(v);
    const firms = [
      { key: 'A', m0: 1, returns: r([9, 0.01, 0.02, 0.03, 0.04, 0.05]) },
      { key: 'A', m0: 2, returns: r([9, 0.01, 0.02, 0.03, 0.04, 0.05]) },
      { key: 'B', m0: 2, returns: r([9, 9, -0.02, NaN, 0.06, 9]) },
    ];
    const p = portfolioSeries(firms, { start: 0, end: 2 }, 6);
    expect([...p.size]).toEqual([0, 1, 2, 1, 2, 0]);
    expect(p.ret[1]).toBeCloseTo(0.01, 15);
    expect(p.ret[2]).toBeCloseTo(0, 15);
    expect(p.ret[3]).toBeCloseTo(0.03, 15);
    expect(p.ret[4]).toBeCloseTo(0.05, 15);
    expect(p.ret[0]).toBeNaN();
  });

  // 120 sessions; 30 firms whose returns are 0.001 + 1.5·market + noise, with a +1% drift in their day [0, 4].
  const cal = xnysCalendar();
  const dates: string[] = [];
  for (let o = cal.ordinal('2023-01-03'); dates.length < 120; o++) dates.push(cal.date(o));
  const rnd = mulberry32(5);
  const mret = dates.map((_, i) => (i === 0 ? NaN : (rnd() - 0.5) * 0.03));
  const mclose = [100];
  for (let i = 1; i < dates.length; i++) mclose.push(mclose[i - 1]! * (1 + mret[i]!));
  const market = barsFromCloses('MKT', dates, mclose);
  const day0 = Array.from({ length: 30 }, (_, k) => 60 + ((k * 7) % 50));
  const firmRet = day0.map((d0) => dates.map((_, i) => (i === 0 ? NaN : 0.0005 + 1.5 * mret[i]! + (rnd() - 0.5) * 0.01 + (i >= d0 && i <= d0 + 4 ? 0.01 : 0))));
  const bars = firmRet.map((rr, k) => {
    const c = [50];
    for (let i = 1; i < dates.length; i++) c.push(c[i - 1]! * (1 + rr[i]!));
    return barsFromCloses(`F${k}`, dates, c);
  });
  const events = day0.map((d0, k) => customEvent(`F${k}`, dates[d0]!));
  const config: StudyConfig = { estimation: { start: -50, end: -6 }, event: { start: -5, end: 4 }, minEstimation: 20, bootstrap: false, calendarTime: {} };

  it('market model: Rp on the market over the days with a portfolio, matching an independent computation', () => {
    const res = runStudy({ prices: [market, ...bars], market, events }, config);
    const ct = res.calendarTime!;
    expect(ct.window).toEqual({ start: 0, end: 4 });
    // The test's own portfolio: each session, the mean return of firms with day 0 within [t − 4, t].
    const y: number[] = [];
    const x: number[] = [];
    const sizes: number[] = [];
    dates.forEach((_, t) => {
      const held = day0.flatMap((d0, k) => (t >= d0 && t <= d0 + 4 ? [k] : []));
      if (held.length === 0) return;
      // The study reads returns from the closes, so the test does too (a close-to-close return of the built closes).
      const rets = held.map((k) => bars[k]!.close[t]! / bars[k]!.close[t - 1]! - 1);
      y.push(rets.reduce((s, v) => s + v, 0) / rets.length);
      x.push(mclose[t]! / mclose[t - 1]! - 1);
      sizes.push(held.length);
    });
    expect(ct.days).toBe(y.length);
    expect(ct.meanSize).toBeCloseTo(sizes.reduce((s, v) => s + v, 0) / sizes.length, 12);
    expect(ct.maxSize).toBe(Math.max(...sizes));
    const L = Math.floor(4 * (y.length / 100) ** (2 / 9));
    expect(ct.lag).toBe(L);
    const c = closedForm(y, x, L);
    expect(ct.alpha).toBeCloseTo(c.a, 13);
    expect(ct.alphaAnnual).toBeCloseTo(252 * c.a, 11);
    expect(ct.terms[1]!.estimate).toBeCloseTo(c.b, 11);
    expect(ct.terms[0]!.tOls).toBeCloseTo(c.tA, 8);
    expect(ct.terms[0]!.tNw).toBeCloseTo(c.nwA, 8);
    expect(ct.terms[1]!.tNw).toBeCloseTo(c.nwB, 8);
    // The drift is 1%/day in the window: alpha ≈ 0.0105, beta ≈ 1.5.
    expect(ct.alpha).toBeGreaterThan(0.008);
    expect(ct.terms[1]!.estimate).toBeCloseTo(1.5, 1);
    const t = studyTables(res);
    expect(t['calendar_time.csv']!.split('\n')[0]).toBe('term,estimate,se_ols,t_ols,p_ols,signif_ols,se_nw,t_nw,p_nw,signif_nw');
    expect(t['calendar_time.csv']!.split('\n')[2]!.startsWith('MKT,')).toBe(true);
    expect(t['calendar_time_days.csv']!.trim().split('\n')).toHaveLength(y.length + 1);
    expect(t['summary.md']).toContain('## Calendar-time portfolio');
  });

  it('market-adjusted: the mean of Rp − Rm with a given lag; an explicit window', () => {
    const res = runStudy({ prices: [market, ...bars], market, events }, { ...config, model: 'market-adjusted', calendarTime: { window: { start: 1, end: 2 }, lag: 3 } });
    const ct = res.calendarTime!;
    const y: number[] = [];
    const pos: number[] = [];
    dates.forEach((_, t) => {
      const held = day0.flatMap((d0, k) => (t >= d0 + 1 && t <= d0 + 2 ? [k] : []));
      if (held.length) pos.push(t);
      if (held.length) y.push(held.reduce((s, k) => s + bars[k]!.close[t]! / bars[k]!.close[t - 1]! - 1, 0) / held.length - (mclose[t]! / mclose[t - 1]! - 1));
    });
    const m = y.reduce((s, v) => s + v, 0) / y.length;
    const e = y.map((v) => v - m);
    let S = 0;
    // Lags in sessions: two days l ≤ 3 sessions apart weigh 1 − l/4.
    e.forEach((_, t) => e.forEach((__, s) => {
      const l = Math.abs(pos[t]! - pos[s]!);
      if (l <= 3) S += (1 - l / 4) * e[t]! * e[s]!;
    }));
    expect(pos.some((p, k) => k > 0 && p - pos[k - 1]! > 1)).toBe(true); // the portfolio has empty days in between
    expect(ct.terms).toHaveLength(1);
    expect(ct.lagRule).toBe('user');
    expect(ct.alpha).toBeCloseTo(m, 14);
    expect(ct.terms[0]!.tOls).toBeCloseTo(m / Math.sqrt(e.reduce((s, v) => s + v * v, 0) / (y.length - 1) / y.length), 9);
    expect(ct.terms[0]!.tNw).toBeCloseTo(m / Math.sqrt(S / y.length ** 2), 9);
  });

  it('ff3: Rp − RF on the three factors (a 4-parameter fit checked by its normal equations)', () => {
    const rows = dates.map((d, i) => `${d.replaceAll('-', '')},${(100 * (i ? mret[i]! : 0) - 0.01).toFixed(4)},${((rnd() - 0.5) * 1).toFixed(2)},${((rnd() - 0.5) * 1).toFixed(2)},0.01`);
    const factors = parseFrenchFactors(['x', '', ',Mkt-RF,SMB,HML,RF', ...rows, '', 'Copyright'].join('\n'), 'ff3.csv');
    const res = runStudy({ prices: [market, ...bars], market, events, factors }, { ...config, model: 'ff3' });
    const ct = res.calendarTime!;
    expect(ct.dependent).toBe('Rp − RF');
    expect(ct.terms.map((t) => t.name)).toEqual(['alpha', 'Mkt-RF', 'SMB', 'HML']);
    // The residuals are orthogonal to every regressor and sum to zero (the normal equations).
    const at = new Map(dates.map((d, i) => [d, i]));
    const cols = [1, 2, 3].map((k) => ct.daily.dates.map((d) => Number(rows[at.get(d)!]!.split(',')[k]) / 100));
    const e = ct.daily.residual;
    expect(Math.abs(e.reduce((s, v) => s + v, 0))).toBeLessThan(1e-13);
    for (const col of cols) expect(Math.abs(col.reduce((s, v, t) => s + v * e[t]!, 0))).toBeLessThan(1e-14);
    // y = Rp − RF exactly.
    ct.daily.dates.forEach((d, t) => expect(ct.daily.y[t]).toBeCloseTo(ct.daily.ret[t]! - 0.0001, 15));
  });
});
