import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xnysCalendar } from '@aftershock/core';
import {
  bootstrapCaar,
  carRankStatistic,
  firmCar,
  fitModels,
  parametricTests,
  runStudy,
  type Panel,
} from '../src/index';
import { firmRanks, rowsOf } from '../src/ranks';
import { rankAverage } from '../src/stats-util';
import { barsFromCloses, customEvent } from './bars-helper';

function panel(est: number, gap: number, evt: number, ret: number[][], mkt: number[][]): Panel {
  const rows = est + gap + evt;
  return { n: ret.length, rows, relFirst: -(est + gap), estStart: 0, estEnd: est - 1, evtStart: est + gap, evtEnd: rows - 1, ret: Float64Array.from(ret.flat()), mkt: Float64Array.from(mkt.flat()) };
}

describe('ranks', () => {
  it('average ranks equal the naive count definition, ties included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 80 }), (xs) => {
        const v = Float64Array.from(xs);
        const out = new Float64Array(xs.length);
        rankAverage(v, xs.length, out, new Float64Array(xs.length), new Int32Array(xs.length));
        xs.forEach((x, k) => {
          const lt = xs.filter((y) => y < x).length;
          const eq = xs.filter((y) => y === x).length;
          expect(out[k]).toBe(lt + (eq + 1) / 2);
        });
      }),
    );
  });

  it('the CAR rank test derived from E ∪ W ranks equals re-ranking on E ∪ C (property, with missing values)', () => {
    const cell = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -4, max: 4 }).map((k) => k / 100) }, { weight: 1, arbitrary: fc.constant(NaN) });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 14, maxLength: 14 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (firms, a, b) => {
        // 8 estimation rows, 1 gap row, 5 event rows; market-adjusted with a zero market so AR = R.
        const p = panel(8, 1, 5, firms, firms.map((f) => f.map(() => 0)));
        const fit = fitModels(p, 'market-adjusted', 'textbook');
        const w = { start: Math.min(a, b), end: Math.max(a, b) };
        const kept = Array.from({ length: w.end - w.start + 1 }, (_, k) => w.start + k);
        const full = firmRanks(p, fit.ar, rowsOf(p, p.evtStart, p.evtEnd), false);
        const got = carRankStatistic(p, fit, w, kept, full);
        // Direct: ranks on E ∪ C.
        const ec = firmRanks(p, fit.ar, rowsOf(p, w.start - p.relFirst, w.end - p.relFirst), false);
        let kb = 0;
        let tSum = 0;
        for (let i = 0; i < p.n; i++) {
          kb += (ec.count[i]! + 1) / 2;
          tSum += ec.count[i]!;
        }
        kb /= p.n;
        let dev = 0;
        let ks = 0;
        let km = 0;
        for (const r of rowsOf(p, w.start - p.relFirst, w.end - p.relFirst)) {
          const vals = firms.map((_, i) => ec.rank[i * p.rows + r]!).filter((v) => v === v);
          if (vals.length > 0) dev += (vals.reduce((x, y) => x + y, 0) / vals.length - kb) ** 2;
          if (r >= w.start - p.relFirst) {
            for (const v of vals) ks += v;
            km += vals.length;
          }
        }
        const want = (Math.sqrt(kept.length) * (ks / km - kb)) / Math.sqrt(dev / (tSum / p.n));
        if (want === want) expect(got).toBeCloseTo(want, 10);
        else expect(got).toBeNaN();
      }),
      { numRuns: 300 },
    );
  });
});

describe('Kolari–Pynnönen, BHAR, bootstrap', () => {
  it('KP shrinks BMP by sqrt((1 − r̄)/(1 + (N − 1) r̄)); firms with identical estimation residuals have r̄ = 1', () => {
    const x = [-0.02, -0.01, 0, 0.01, 0.02, 0.015];
    const y = [-0.01, -0.02, 0.01, 0.02, 0.0, 0.01];
    const y2 = [0.01, -0.005, 0.0, -0.01, 0.02, 0.02];
    const p = panel(5, 0, 1, [y, y2, y], [x, x, x]);
    const fit = fitModels(p, 'market-model', 'textbook');
    const row = parametricTests(p, fit, 'textbook')[0]!;
    // r̄ by hand: standardized residuals z_i over the 5 estimation days; pairs (1,2), (1,3), (2,3), both orders.
    const z = [0, 1, 2].map((i) => {
      const e = [0, 1, 2, 3, 4].map((u) => fit.ar[i * p.rows + u]!);
      const m = e.reduce((a, b) => a + b, 0) / 5;
      const sd = Math.sqrt(e.reduce((a, b) => a + (b - m) ** 2, 0) / 5);
      return e.map((v) => (v - m) / sd);
    });
    let num = 0;
    for (let u = 0; u < 5; u++) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) num += z[i]![u]! * z[j]![u]!;
    const rBar = num / (5 * 3 * 2); // = the mean of the three pairwise correlations
    expect(row.kolariPynnonen!.stat).toBeCloseTo(row.bmp!.stat * Math.sqrt((1 - rBar) / (1 + 2 * rBar)), 12);
    const same = panel(5, 0, 1, [y, [...y.slice(0, 5), 0.05]], [x, x]); // same estimation residuals, different day 0
    const f2 = fitModels(same, 'market-model', 'textbook');
    const r2 = parametricTests(same, f2, 'textbook')[0]!;
    expect(r2.kolariPynnonen!.stat).toBeCloseTo(0, 12);
  });

  it('BHAR = Π(1 + R) − Π(1 + Rm) over the window; CAR = Σ AR (hand-computed)', () => {
    const p = panel(5, 0, 2, [[0.01, -0.01, 0.02, 0, 0.01, 0.1, -0.05]], [[0, 0, 0, 0, 0, 0.02, 0.01]]);
    const fit = fitModels(p, 'market-adjusted', 'textbook');
    const c = firmCar(p, fit, 0, { start: 0, end: 1 }, 'simple');
    expect(c.car).toBeCloseTo(0.1 - 0.02 + (-0.05 - 0.01), 15);
    expect(c.nDays).toBe(2);
    expect(c.bhar).toBeCloseTo(1.1 * 0.95 - 1.02 * 1.01, 15);
    const l = firmCar(p, fit, 0, { start: 0, end: 1 }, 'log');
    expect(l.bhar).toBeCloseTo(Math.exp(0.1 - 0.05) - Math.exp(0.03), 15);
  });

  it('the bootstrap CI is seeded: same seed, same interval; it brackets the mean', () => {
    const cars = Float64Array.from({ length: 50 }, (_, k) => Math.sin(k) / 10);
    const a = bootstrapCaar(cars, 2000, 7, 0.95);
    const b = bootstrapCaar(cars, 2000, 7, 0.95);
    const c = bootstrapCaar(cars, 2000, 8, 0.95);
    expect(a).toEqual(b);
    expect(c.lower).not.toBe(a.lower);
    expect(a.lower).toBeLessThan(a.caar);
    expect(a.upper).toBeGreaterThan(a.caar);
    // The percentile CI of a mean is about ±1.96 standard errors wide.
    const m = a.caar;
    const se = Math.sqrt(cars.reduce((s, v) => s + (v - m) ** 2, 0) / 49 / 50);
    expect(a.upper - a.lower).toBeGreaterThan(2 * 1.6 * se);
    expect(a.upper - a.lower).toBeLessThan(2 * 2.4 * se);
  });
});

describe('runStudy on hand-built series', () => {
  const cal = xnysCalendar();
  const dates = cal.sessionsBetween('2024-01-02', '2024-12-31');
  const mk = (f: (k: number) => number) => dates.map((_, k) => 100 * Math.exp(f(k)));
  const market = barsFromCloses('MKT', dates, mk((k) => 0.01 * Math.sin(k / 3)));
  const a = barsFromCloses('AAA', dates, mk((k) => 0.012 * Math.sin(k / 3) + 0.004 * Math.cos(k * 1.7)));
  // BBB misses three sessions before day 0: the next return spans the gap.
  const bDates = dates.filter((_, k) => k < 150 || k > 152);
  const bb = mk((k) => 0.008 * Math.sin(k / 3) + 0.005 * Math.sin(k * 2.3));
  const b = barsFromCloses('BBB', bDates, bb.filter((_, k) => k < 150 || k > 152));

  it('day 0 follows the timing; windows count market sessions; gaps give multi-day returns', () => {
    const res = runStudy(
      { prices: [a, b], market, events: [customEvent('AAA', dates[160]!, 'after-close'), customEvent('BBB', dates[160]!, 'before-open', { side: 'x' })] },
      { estimation: { start: -100, end: -11 }, event: { start: -5, end: 5 }, carWindows: [{ start: 0, end: 1 }], groupBy: 'side' },
    );
    expect(res.events.map((e) => e.day0)).toEqual([dates[161], dates[160]]);
    const eb = res.events[1]!;
    // Row of rel day −7 for BBB is dates[153]: its return spans from dates[149].
    const r = res.relDays.indexOf(-7);
    expect(eb.dates[r]).toBe(dates[153]);
    expect(eb.ret[r]).toBeCloseTo(bb[153]! / bb[149]! - 1, 14);
    expect(eb.ret[r - 1]).toBeNaN();
    expect(res.rowWindow[r]).toBe('gap');
    expect(eb.model.estimationLength).toBe(90);
    expect(res.groups.map((g) => [g.key, g.stats.n])).toEqual([['n/a', 1], ['x', 1]]);
  });

  it('calendar-time windows (dates) resolve to the same sessions as relative windows', () => {
    const ev = [customEvent('AAA', dates[160]!), customEvent('BBB', dates[160]!)];
    const rel = runStudy({ prices: [a, b], market, events: ev }, { estimation: { start: -120, end: -1 }, event: { start: 0, end: 4 }, profile: 'estudy2' });
    const cal2 = runStudy(
      { prices: [a, b], market, events: ev },
      { estimation: { startDate: dates[40]!, endDate: dates[159]! }, event: { startDate: dates[160]!, endDate: dates[164]! }, profile: 'estudy2' },
    );
    expect(cal2.estimation).toEqual({ start: -120, end: -1 });
    expect(cal2.stats.parametric).toEqual(rel.stats.parametric);
  });

  it('excludes unusable events with a coded reason and runs the rest', () => {
    const res = runStudy(
      { prices: [a, b], market, events: [customEvent('AAA', dates[160]!), customEvent('ZZZ', dates[160]!), customEvent('AAA', dates[20]!), customEvent('AAA', '2024-12-30'), customEvent('BBB', '2024-07-06')] },
      { estimation: { start: -100, end: -11 }, event: { start: -5, end: 5 }, nonSession: 'skip' },
    );
    expect(res.events.length).toBe(1);
    expect(res.excluded.map((x) => x.code).sort()).toEqual(['DAY0_SKIPPED', 'NO_PRICES', 'SHORT_HISTORY', 'SHORT_HISTORY']);
    expect(res.excluded.find((x) => x.code === 'DAY0_SKIPPED')!.reason).toContain('not a session');
  });
});
