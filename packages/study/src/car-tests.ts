import type { ModelFit } from './models';
import type { Panel, RelWindow } from './panel';
import type { ParametricRow } from './parametric';
import { firmRanks, rowsOf } from './ranks';
import { normalFlag, type Flag } from './significance';

export type CarTestName = 'car_brown_warner_1985' | 'car_lamb' | 'car_rank_test';

/** One multi-day test over one CAR window. `carMean` is the *average* daily AAR over the kept days, not the CAAR. */
export interface CarTestRow {
  readonly window: RelWindow;
  readonly name: CarTestName;
  readonly averagePercentage: number;
  readonly carMean: number;
  readonly statistic: number;
  readonly numberOfDays: number;
  readonly significance: Flag;
}

/**
 * The CAR tests of estudy2 for window C: keep the days of C whose percentage of firms is strictly above
 * `minPercentage`; BW1985 and Lamb sum the daily statistics / sqrt(L); the rank test re-ranks on E ∪ C.
 */
export function carTests(
  p: Panel,
  fit: ModelFit,
  daily: readonly ParametricRow[],
  w: RelWindow,
  minPercentage: number,
): CarTestRow[] {
  const kept = daily.filter((d) => d.relDay >= w.start && d.relDay <= w.end && d.percentage > minPercentage);
  const L = kept.length;
  const avgPct = L > 0 ? kept.reduce((a, d) => a + d.percentage, 0) / L : NaN;
  const carMean = L > 0 ? kept.reduce((a, d) => a + d.mean, 0) / L : NaN;
  const out: CarTestRow[] = [];
  const sum = (f: (d: ParametricRow) => number) => kept.reduce((a, d) => a + f(d), 0) / Math.sqrt(L);
  const row = (name: CarTestName, stat: number, mean: number): CarTestRow => ({
    window: w,
    name,
    averagePercentage: avgPct,
    carMean: mean,
    statistic: L > 0 ? stat : NaN,
    numberOfDays: L,
    significance: L > 0 ? normalFlag(stat) : '',
  });
  out.push(row('car_brown_warner_1985', sum((d) => d.bw1985.stat), carMean));
  if (fit.model === 'market-model') out.push(row('car_lamb', sum((d) => d.lamb?.stat ?? NaN), carMean));
  out.push(row('car_rank_test', carRankStatistic(p, fit, w, kept.map((d) => d.relDay)), NaN));
  return out;
}

/** Cowan (1992)-style CAR rank statistic with ranks on E ∪ C (see EVENT-STUDY.md §5). */
export function carRankStatistic(p: Panel, fit: ModelFit, w: RelWindow, keptRelDays: readonly number[]): number {
  const L = keptRelDays.length;
  if (L === 0) return NaN;
  const set = rowsOf(p, w.start - p.relFirst, w.end - p.relFirst);
  const fr = firmRanks(p, fit.ar, set, false);
  let kb = 0;
  let tSum = 0;
  for (let i = 0; i < p.n; i++) {
    kb += (fr.count[i]! + 1) / 2;
    tSum += fr.count[i]!;
  }
  kb /= p.n;
  const meanT = tSum / p.n;
  let dev = 0;
  for (let k = 0; k < set.length; k++) {
    const r = set[k]!;
    let s = 0;
    let m = 0;
    for (let i = 0; i < p.n; i++) {
      const v = fr.rank[i * p.rows + r]!;
      if (v === v) {
        s += v;
        m++;
      }
    }
    if (m > 0) dev += (s / m - kb) ** 2;
  }
  let ks = 0;
  let km = 0;
  for (const rel of keptRelDays) {
    const r = rel - p.relFirst;
    for (let i = 0; i < p.n; i++) {
      const v = fr.rank[i * p.rows + r]!;
      if (v === v) {
        ks += v;
        km++;
      }
    }
  }
  return (Math.sqrt(L) * (ks / km - kb)) / Math.sqrt(dev / meanT);
}
