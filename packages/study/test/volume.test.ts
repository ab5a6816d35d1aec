import { describe, expect, it } from 'vitest';
import { mulberry32, xnysCalendar, type BarSeries } from '@aftershock/core';
import { logVolume, runStudy, studyTables, type StudyConfig } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

const cal = xnysCalendar();
function sessions(from: string, n: number): string[] {
  const out: string[] = [];
  for (let o = cal.ordinal(from); out.length < n; o++) out.push(cal.date(o));
  return out;
}
function withVolume(b: BarSeries, volume: readonly number[]): BarSeries {
  return { ...b, volume: Float64Array.from(volume) };
}
/** A volume whose log(1 + V) is `lv` (to the last bit or so). */
const V = (lv: number) => Math.expm1(lv);

/** Corrado's rank statistic written out: ranks of each firm's values over E ∪ W (ties averaged), as in the README. */
function corrado(av: number[][], day: number): number {
  const K = av.map((row) => {
    const present = row.map((v, r) => [v, r] as const).filter(([v]) => Number.isFinite(v));
    const sorted = [...present].sort((a, b) => a[0] - b[0]);
    const k = new Array<number>(row.length).fill(NaN);
    for (const [v, r] of present) {
      const below = sorted.filter((x) => x[0] < v).length;
      const eq = sorted.filter((x) => x[0] === v).length;
      k[r] = below + (eq + 1) / 2;
    }
    return { k, T: present.length };
  });
  const D = (r: number) => {
    const m = K.filter((f) => Number.isFinite(f.k[r]!));
    return m.length ? m.reduce((s, f) => s + f.k[r]! - (f.T + 1) / 2, 0) / m.length : NaN;
  };
  const rows = av[0]!.length;
  const meanT = K.reduce((s, f) => s + f.T, 0) / K.length;
  let ss = 0;
  for (let r = 0; r < rows; r++) if (Number.isFinite(D(r))) ss += D(r) ** 2;
  return D(day) / Math.sqrt(ss / meanT);
}

describe('abnormal volume, mean-adjusted, by hand', () => {
  // Estimation −6..−2, event −1..1. log(1 + V) of three firms (estimation | event):
  //   A 10 11 12 11 10 | 11 14   12     mean 10.8 → AV 0.2 3.2 1.2
  //   B  8  8  9  9  8 |  8 10    9     mean  8.4 → AV −0.4 1.6 0.6
  //   C 12 13 12 13 12 | 12 12.4 13     mean 12.4 → AV −0.4 0 0.6
  // and D, with three zero-volume estimation days (shell history): excluded with the reason.
  const dates = sessions('2024-03-01', 10);
  const LV: Record<string, number[]> = {
    A: [NaN, 10, 11, 12, 11, 10, 11, 14, 12, 9],
    B: [NaN, 8, 8, 9, 9, 8, 8, 10, 9, 9],
    C: [NaN, 12, 13, 12, 13, 12, 12, 12.4, 13, 9],
    D: [NaN, 0, 0, 12, 0, 12, 12, 13, 12, 9],
  };
  const market = withVolume(barsFromCloses('MKT', dates, dates.map((_, i) => 100 + (i % 3))), dates.map(() => 1e8));
  const firms = Object.entries(LV).map(([s, lv]) => withVolume(barsFromCloses(s, dates, dates.map((_, i) => 50 + ((i * 7) % 5))), lv.map((x) => (x === 0 ? 0 : V(x)))));
  const events = Object.keys(LV).map((s) => customEvent(s, dates[7]!));
  const config: StudyConfig = { estimation: { start: -6, end: -2 }, event: { start: -1, end: 1 }, carWindows: [{ start: -1, end: 1 }, { start: 0, end: 0 }], model: 'market-adjusted', minEstimation: 3, bootstrap: false, volume: 'mean-adjusted' };
  const res = runStudy({ prices: [market, ...firms], market, events }, config);
  const v = res.volume!;

  it('log(1 + V) for positive volume only', () => {
    expect(logVolume(99)).toBeCloseTo(Math.log(100), 15);
    expect(logVolume(0)).toBeNaN();
    expect(logVolume(-1)).toBeNaN();
    expect(logVolume(NaN)).toBeNaN();
  });

  it('AV, AAV, CAAV, the cross-sectional and the crude dependence-adjusted t', () => {
    expect(v.events.map((e) => e.event.symbol)).toEqual(['A', 'B', 'C']);
    expect(v.events[0]!.meanLogVolume).toBeCloseTo(10.8, 12);
    [0.2, 3.2, 1.2].forEach((x, k) => expect(v.events[0]!.abnormal[k]).toBeCloseTo(x, 12));
    const d0 = v.days.find((d) => d.relDay === 0)!;
    expect(d0.nFirms).toBe(3);
    expect(d0.aav).toBeCloseTo(1.6, 12);
    expect(d0.tTest.stat).toBeCloseTo(Math.sqrt(3), 11);
    // Estimation AAV_u: −1.6/3, 0.4/3, 1.4/3, 1.4/3, −1.6/3 (mean 0): S = sqrt(9.2/9/4) = sqrt(9.2)/6.
    expect(d0.crude.stat).toBeCloseTo(9.6 / Math.sqrt(9.2), 11);
    // CAAV at +1 = AAV(−1) + AAV(0) + AAV(+1) = (0.2 − 0.4 − 0.4)/3 + 1.6 + (1.2 + 0.6 + 0.6)/3.
    expect(v.days.find((d) => d.relDay === 1)!.caav).toBeCloseTo(-0.6 / 3 + 1.6 + 2.4 / 3, 11);
    const w = v.windows[0]!;
    // CAV: 4.6, 1.8, 0.2 → CAAV 2.2, sd sqrt(4.96).
    expect(w.caav).toBeCloseTo(2.2, 12);
    expect(w.tTest.stat).toBeCloseTo(2.2 / (Math.sqrt(4.96) / Math.sqrt(3)), 11);
    expect(w.n).toBe(3);
  });

  it("Corrado's rank statistic on abnormal log volume", () => {
    const av = v.events.map((e) => {
      const est = LV[e.event.symbol]!.slice(1, 6);
      const mean = est.reduce((s, x) => s + x, 0) / 5;
      return [...est, ...LV[e.event.symbol]!.slice(6, 9)].map((x) => x - mean);
    });
    for (const [k, d] of v.days.entries()) expect(d.rank.stat).toBeCloseTo(corrado(av, 5 + k), 11);
  });

  it('zero volume is no observation: D is excluded with how many days were zero', () => {
    expect(v.excluded).toEqual([{ event: events[3], code: 'VOLUME_SHORT_ESTIMATION', reason: 'only 2 estimation days with volume in -6:-2 (minimum 3; 3 with zero volume)' }]);
    const t = studyTables(res);
    expect(t['volume_excluded.csv']).toContain('D,2024-03-12,VOLUME_SHORT_ESTIMATION,');
    expect(t['volume_aav.csv']!.split('\n')[0]).toBe('rel_day,n_firms,aav,caav,t_stat,t_signif,crude_stat,crude_signif,rank_stat,rank_signif');
    expect(t['volume_abnormal.csv']!.trim().split('\n')).toHaveLength(1 + 3 * 3);
    expect(t['summary.md']).toContain('## Abnormal volume');
  });
});

describe('abnormal volume, market model, against an independent fit', () => {
  const dates = sessions('2023-01-03', 140);
  const rnd = mulberry32(3);
  const mlv = dates.map(() => 17 + (rnd() - 0.5));
  const market = withVolume(barsFromCloses('MKT', dates, dates.map((_, i) => 100 + Math.sin(i) * 2)), mlv.map(V));
  const day0 = [100, 104, 110, 120, 121, 125];
  const lv = day0.map((d0) => mlv.map((m, i) => 2 + 0.8 * m + (rnd() - 0.5) * 0.3 + (i === d0 ? 1 : 0)));
  const firms = lv.map((l, k) => withVolume(barsFromCloses(`S${k}`, dates, dates.map((_, i) => 40 + Math.cos(i * (k + 1)))), l.map(V)));
  const events = day0.map((d0, k) => customEvent(`S${k}`, dates[d0]!));
  const config: StudyConfig = { estimation: { start: -80, end: -11 }, event: { start: -5, end: 5 }, carWindows: [{ start: 0, end: 1 }], bootstrap: false, volume: 'market-model' };

  it('OLS of log(1 + V) on the market log volume over the estimation window; AV = v − (α̂ + β̂ v_m)', () => {
    const v = runStudy({ prices: [market, ...firms], market, events }, config).volume!;
    expect(v.events).toHaveLength(6);
    const av0: number[] = [];
    const cav: number[] = [];
    day0.forEach((d0, k) => {
      const xs = mlv.slice(d0 - 80, d0 - 10);
      const ys = lv[k]!.slice(d0 - 80, d0 - 10);
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
      const my = ys.reduce((s, x) => s + x, 0) / ys.length;
      const b = xs.reduce((s, x, t) => s + (x - mx) * (ys[t]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
      const a = my - b * mx;
      const e = v.events[k]!;
      expect(e.beta).toBeCloseTo(b, 8);
      expect(e.alpha).toBeCloseTo(a, 7);
      expect(e.estimationLength).toBe(70);
      const ar = (t: number) => lv[k]![t]! - a - b * mlv[t]!;
      expect(e.abnormal[5]).toBeCloseTo(ar(d0), 9);
      av0.push(ar(d0));
      cav.push(ar(d0) + ar(d0 + 1));
    });
    const d0 = v.days.find((d) => d.relDay === 0)!;
    expect(d0.aav).toBeCloseTo(av0.reduce((s, x) => s + x, 0) / 6, 9);
    expect(d0.aav).toBeGreaterThan(0.8);
    expect(d0.tTest.signif).toBe('***');
    expect(v.windows[0]!.caav).toBeCloseTo(cav.reduce((s, x) => s + x, 0) / 6, 9);
  });
});
