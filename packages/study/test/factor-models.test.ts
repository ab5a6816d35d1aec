import { describe, expect, it } from 'vitest';
import { mulberry32, xnysCalendar } from '@aftershock/core';
import { invert, parseFrenchFactors, runStudy, studyTables, type StudyConfig } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

// 80 sessions from 2024-01-02. Factors (percent in the file) are seeded; the stock's excess return is built exactly
// as 0.0004 + 1.2·MKT + 0.5·SMB − 0.3·HML (+ 0.2·RMW − 0.1·CMA for FF5) plus seeded noise, and a +5% shock on day 0.
const cal = xnysCalendar();
const dates: string[] = [];
for (let o = cal.ordinal('2024-01-02'); dates.length < 80; o++) dates.push(cal.date(o));
const rnd = mulberry32(7);
const pctRound = (x: number) => Math.round(x * 1e4) / 100; // French's two decimals, in percent
const F = dates.map(() => ({ mkt: pctRound((rnd() - 0.5) * 0.04), smb: pctRound((rnd() - 0.5) * 0.02), hml: pctRound((rnd() - 0.5) * 0.02), rmw: pctRound((rnd() - 0.5) * 0.01), cma: pctRound((rnd() - 0.5) * 0.01), rf: 0.02 }));
const ff5Text = [
  'This file was created by using the 202604 CRSP database.',
  '',
  ',Mkt-RF,SMB,HML,RMW,CMA,RF',
  ...dates.map((d, i) => `${d.replaceAll('-', '')},${[F[i]!.mkt, F[i]!.smb, F[i]!.hml, F[i]!.rmw, F[i]!.cma, F[i]!.rf].map((v) => v.toFixed(2).padStart(8)).join(',')}`),
  '',
  'Copyright 2026 Eugene F. Fama and Kenneth R. French',
  '',
].join('\n');
const factors = parseFrenchFactors(ff5Text, 'ff5.csv');
const noise = dates.map(() => (rnd() - 0.5) * 0.002);
const DAY0 = 70;
function stock(five: boolean): number[] {
  const c = [50];
  for (let i = 1; i < dates.length; i++) {
    const f = F[i]!;
    let ex = 0.0004 + (1.2 * f.mkt + 0.5 * f.smb - 0.3 * f.hml + (five ? 0.2 * f.rmw - 0.1 * f.cma : 0)) / 100 + noise[i]!;
    if (i === DAY0) ex += 0.05;
    c.push(c[i - 1]! * (1 + f.rf / 100 + ex));
  }
  return c;
}
const market = barsFromCloses('MKT', dates, dates.map((_, i) => 100 + i));
const config: StudyConfig = { estimation: { start: -60, end: -6 }, event: { start: -2, end: 2 }, minEstimation: 20, bootstrap: false };

/** Plain OLS of y on [1, X] by the normal equations over the rows given (the test's own, independent). */
function ols(y: number[], X: number[][]): number[] {
  const k = X[0]!.length + 1;
  const A = new Float64Array(k * k);
  const b = new Float64Array(k);
  y.forEach((yi, t) => {
    const row = [1, ...X[t]!];
    for (let a = 0; a < k; a++) {
      b[a]! += row[a]! * yi;
      for (let c = 0; c < k; c++) A[a * k + c]! += row[a]! * row[c]!;
    }
  });
  const inv = invert(A, k)!;
  return Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, c) => inv[a * k + c]! * b[c]!).reduce((s, v) => s + v, 0));
}

describe('factor models on built series', () => {
  it('reads French files: header with an empty first cell, YYYYMMDD dates, percent, the copyright line', () => {
    expect(factors.dates[0]).toBe(dates[0]);
    expect(factors.dates).toHaveLength(80);
    expect([...factors.columns.keys()]).toEqual(['Mkt-RF', 'SMB', 'HML', 'RMW', 'CMA', 'RF']);
    expect(factors.columns.get('RF')![3]).toBeCloseTo(0.0002, 15);
    expect(() => parseFrenchFactors(ff5Text.replace('\n20240104,', '\n2024014,'), 'bad.csv')).toThrow(/bad\.csv:6: date: expected YYYYMMDD/);
  });

  for (const [model, five] of [['ff3', false], ['ff5', true]] as const) {
    it(`${model}: OLS recovers the betas; AR = R − RF − (α̂ + Σβ̂F); day 0 carries the shock`, () => {
      const bars = barsFromCloses('S', dates, stock(five));
      const r = runStudy({ prices: [market, bars], market, events: [customEvent('S', dates[DAY0]!)], factors }, { ...config, model });
      const e = r.events[0]!;
      const names = five ? ['Mkt-RF', 'SMB', 'HML', 'RMW', 'CMA'] : ['Mkt-RF', 'SMB', 'HML'];
      // Independent OLS over the estimation rows (sessions DAY0−60 .. DAY0−6).
      const rows = Array.from({ length: 55 }, (_, k) => DAY0 - 60 + k);
      const close = stock(five);
      const y = rows.map((i) => close[i]! / close[i - 1]! - 1 - F[i]!.rf / 100);
      const col = (i: number) => [F[i]!.mkt, F[i]!.smb, F[i]!.hml, F[i]!.rmw, F[i]!.cma].slice(0, names.length).map((v) => v / 100);
      const coef = ols(y, rows.map(col));
      expect(e.model.alpha).toBeCloseTo(coef[0]!, 12);
      names.forEach((n, k) => expect(e.model.factorBetas![n]).toBeCloseTo(coef[k + 1]!, 10));
      expect(e.model.factorBetas!['Mkt-RF']).toBeCloseTo(1.2, 1);
      const rel0 = r.relDays.indexOf(0);
      const ar0 = close[DAY0]! / close[DAY0 - 1]! - 1 - F[DAY0]!.rf / 100 - coef[0]! - col(DAY0).reduce((s, v, k) => s + v * coef[k + 1]!, 0);
      expect(e.ar[rel0]).toBeCloseTo(ar0, 12);
      expect(e.ar[rel0]).toBeGreaterThan(0.04);
      expect(e.predicted[rel0]! + e.ar[rel0]!).toBeCloseTo(e.ret[rel0]!, 14);
      // s_i = sqrt(RSS / (T − K − 1)); Patell's SAR uses the full leverage 1 + x0'(X'X)⁻¹x0.
      const res = rows.map((i, t) => y[t]! - coef[0]! - col(i).reduce((s, v, k) => s + v * coef[k + 1]!, 0));
      const s2 = res.reduce((s, v) => s + v * v, 0) / (55 - names.length - 1);
      expect(e.model.sd).toBeCloseTo(Math.sqrt(s2), 12);
      const k = names.length + 1;
      const XtX = new Float64Array(k * k);
      for (const i of rows) {
        const row = [1, ...col(i)];
        for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) XtX[a * k + c]! += row[a]! * row[c]!;
      }
      const inv = invert(XtX, k)!;
      const x0 = [1, ...col(DAY0)];
      let h = 0;
      for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) h += x0[a]! * inv[a * k + c]! * x0[c]!;
      const sar = ar0 / Math.sqrt(s2 * (1 + h));
      // One firm: Patell = SAR / sqrt((T−k)/(T−k−2)).
      const day0 = r.stats.parametric.find((p) => p.relDay === 0)!;
      expect(day0.patell!.stat).toBeCloseTo(sar / Math.sqrt((55 - k) / (55 - k - 2)), 9);
      expect(studyTables(r)['factor_betas.csv']!.split('\n')[0]).toBe(`symbol,event_date,alpha,${names.map((n) => `beta_${n}`).join(',')},est_ar_sd,estimation_length`);
    });
  }

  it('carhart without a momentum column, and an estimation window past the factor file, are errors with reasons', () => {
    const bars = barsFromCloses('S', dates, stock(false));
    expect(() => runStudy({ prices: [market, bars], market, events: [customEvent('S', dates[DAY0]!)], factors }, { ...config, model: 'carhart' })).toThrow(/Mom.*momentum file/);
    const short = parseFrenchFactors(ff5Text.split('\n').slice(0, 3 + 60).join('\n') + '\n', 'short.csv');
    expect(() => runStudy({ prices: [market, bars], market, events: [customEvent('S', dates[DAY0]!)], factors: short }, { ...config, model: 'ff3' })).toThrow(/run past the factor file\(s\) short\.csv.*FACTORS_SHORT/s);
  });
});
