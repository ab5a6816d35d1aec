import { isRegressionModel } from './profile';
import type { ModelFit } from './models';
import type { Panel, RelWindow } from './panel';
import type { ParametricRow } from './parametric';
import type { FirmRanks } from './ranks';
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
  full: FirmRanks,
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
  if (isRegressionModel(fit.model)) out.push(row('car_lamb', sum((d) => d.lamb?.stat ?? NaN), carMean));
  out.push(row('car_rank_test', carRankStatistic(p, fit, w, kept.map((d) => d.relDay), full), NaN));
  return out;
}

/**
 * Cowan (1992)-style CAR rank statistic with ranks on E ∪ C (see EVENT-STUDY.md §5). The E ∪ C ranks are derived
 * from the E ∪ W ranks `full` (`firmRanks` over E ∪ W): a value's rank drops by the number of event-window values
 * outside C below it (ties count one half), which is exact and avoids re-sorting every firm per window.
 */
export function carRankStatistic(p: Panel, fit: ModelFit, w: RelWindow, keptRelDays: readonly number[], full: FirmRanks): number {
  const L = keptRelDays.length;
  if (L === 0) return NaN;
  const { n, rows } = p;
  const c1 = w.start - p.relFirst;
  const c2 = w.end - p.relFirst;
  const kept = new Uint8Array(rows);
  for (const rel of keptRelDays) kept[rel - p.relFirst] = 1;
  const rowSum = new Float64Array(rows);
  const rowCnt = new Float64Array(rows);
  const outside = new Float64Array(p.evtEnd - p.evtStart + 1);
  let kb = 0;
  let tSum = 0;
  let ks = 0;
  let km = 0;
  for (let i = 0; i < n; i++) {
    const o = i * rows;
    let no = 0;
    for (let r = p.evtStart; r <= p.evtEnd; r++) {
      if (r >= c1 && r <= c2) continue;
      const v = fit.ar[o + r]!;
      if (v !== v) continue;
      // Insertion into ascending order (at most the event window's length).
      let k = no++;
      while (k > 0 && outside[k - 1]! > v) {
        outside[k] = outside[k - 1]!;
        k--;
      }
      outside[k] = v;
    }
    const T = full.count[i]! - no;
    kb += (T + 1) / 2;
    tSum += T;
    for (let r = 0; r <= c2; r++) {
      if (r > p.estEnd && r < c1) continue;
      const x = fit.ar[o + r]!;
      if (x !== x) continue;
      let K = full.rank[o + r]!;
      for (let k = 0; k < no; k++) {
        const v = outside[k]!;
        if (v < x) K -= 1;
        else if (v === x) K -= 0.5;
        else break; // ascending: nothing further is below or equal
      }
      rowSum[r]! += K;
      rowCnt[r]!++;
      if (kept[r]) {
        ks += K;
        km++;
      }
    }
  }
  kb /= n;
  const meanT = tSum / n;
  let dev = 0;
  for (let r = 0; r <= c2; r++) {
    if (r > p.estEnd && r < c1) continue;
    if (rowCnt[r]! > 0) dev += (rowSum[r]! / rowCnt[r]! - kb) ** 2;
  }
  return (Math.sqrt(L) * (ks / km - kb)) / Math.sqrt(dev / meanT);
}
