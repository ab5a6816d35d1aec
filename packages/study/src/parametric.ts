import { leverage, type ModelFit } from './models';
import { isRegressionModel } from './profile';
import type { Panel } from './panel';
import type { StudyProfile } from './profile';
import { normalFlag, tFlag, tv, type TestValue } from './significance';

/** One event-window day of the parametric tests. Patell, BMP, Lamb and Kolari–Pynnönen exist only for the market model. */
export interface ParametricRow {
  readonly relDay: number;
  readonly percentage: number;
  readonly nFirms: number;
  /** AAR_t over the available firms. */
  readonly mean: number;
  readonly bw1980: TestValue;
  readonly bw1985: TestValue;
  readonly tTest: TestValue;
  readonly patell?: TestValue;
  readonly bmp?: TestValue;
  readonly lamb?: TestValue;
  /** Kolari–Pynnönen (2010) BMP adjusted for cross-correlation of abnormal returns (event-date clustering). */
  readonly kolariPynnonen?: TestValue;
}

/** Brown–Warner 1985's S_A: sd over estimation rows u of the cross-sectional mean AR (rows without firms skipped). */
export function portfolioSd(p: Panel, ar: Float64Array): number {
  const E = p.estEnd - p.estStart + 1;
  const sum = new Float64Array(E);
  const cnt = new Float64Array(E);
  for (let i = 0; i < p.n; i++) {
    const o = i * p.rows + p.estStart;
    for (let u = 0; u < E; u++) {
      const v = ar[o + u]!;
      if (v === v) {
        sum[u]! += v;
        cnt[u]!++;
      }
    }
  }
  let k = 0;
  let tot = 0;
  for (let u = 0; u < E; u++) {
    if (cnt[u]! === 0) continue;
    sum[u] = sum[u]! / cnt[u]!;
    tot += sum[u]!;
    k++;
  }
  if (k < 2) return NaN;
  const mean = tot / k;
  let ss = 0;
  for (let u = 0; u < E; u++) if (cnt[u]! > 0) ss += (sum[u]! - mean) * (sum[u]! - mean);
  return Math.sqrt(ss / (k - 1));
}

/** Patell's standardized AR with the out-of-sample forecast correction; NaN where AR or the market is missing. */
export function standardizedAr(p: Panel, fit: ModelFit, i: number, r: number): number {
  return fit.ar[i * p.rows + r]! / (fit.sd[i]! * Math.sqrt(leverage(p, fit, i, r)));
}

/**
 * Average pairwise correlation r̄ of the firms' standardized estimation ARs (z = (AR − mean)/sd with divisor T),
 * aligned by relative day, from the variance of their row sums: Σ_u (S_u² − Σ_i z_iu²) / Σ_u M_u(M_u − 1) —
 * exactly the mean pairwise correlation when no AR is missing. O(n·T) instead of O(n²·T).
 */
export function averageCrossCorrelation(p: Panel, fit: ModelFit): number {
  const E = p.estEnd - p.estStart + 1;
  const S = new Float64Array(E);
  const Q = new Float64Array(E);
  const M = new Float64Array(E);
  for (let i = 0; i < p.n; i++) {
    // Population sd (divisor T), so that Σ_u z_iu z_ju / T is the sample correlation of firms i and j.
    const T = fit.T[i]!;
    const sdi = fit.sdN1[i]! * Math.sqrt((T - 1) / T);
    if (!(sdi > 0)) continue;
    const mi = fit.arMean[i]!;
    const o = i * p.rows + p.estStart;
    for (let u = 0; u < E; u++) {
      const v = fit.ar[o + u]!;
      if (v !== v) continue;
      const z = (v - mi) / sdi;
      S[u]! += z;
      Q[u]! += z * z;
      M[u]!++;
    }
  }
  let num = 0;
  let den = 0;
  for (let u = 0; u < E; u++) {
    num += S[u]! * S[u]! - Q[u]!;
    den += M[u]! * (M[u]! - 1);
  }
  return den > 0 ? num / den : NaN;
}

/**
 * The daily parametric tests (BW1980, BW1985, cross-sectional t, Patell, BMP, Lamb, Kolari–Pynnönen) on event rows.
 * `lambFirm`: under estudy2, the firm whose market term Lamb uses — estudy2 takes the first event of the events
 * file in input order (default: the panel's firm 0).
 */
export function parametricTests(p: Panel, fit: ModelFit, profile: StudyProfile, crossCorrelation?: number, lambFirm = 0): ParametricRow[] {
  const { n, rows } = p;
  const ar = fit.ar;
  const mm = isRegressionModel(fit.model);
  const df = fit.nParams;
  const estudy2 = profile === 'estudy2';
  let sumS2 = 0;
  let sumT = 0;
  let patellVar = 0;
  for (let i = 0; i < n; i++) {
    sumS2 += fit.sd[i]! * fit.sd[i]!;
    sumT += fit.T[i]!;
    patellVar += (fit.T[i]! - df) / (fit.T[i]! - df - 2);
  }
  const meanT = sumT / n;
  const dfEst = meanT - 1;
  const sA = portfolioSd(p, ar);
  const rBar = mm ? (crossCorrelation ?? averageCrossCorrelation(p, fit)) : NaN;
  const out: ParametricRow[] = [];
  for (let r = p.evtStart; r <= p.evtEnd; r++) {
    let N = 0;
    let s = 0;
    let s2avail = 0;
    for (let i = 0; i < n; i++) {
      const v = ar[i * rows + r]!;
      if (v !== v) continue;
      N++;
      s += v;
      s2avail += fit.sd[i]! * fit.sd[i]!;
    }
    const aar = N > 0 ? s / N : NaN;
    let css = 0;
    for (let i = 0; i < n; i++) {
      const v = ar[i * rows + r]!;
      if (v === v) css += (v - aar) * (v - aar);
    }
    const sdCross = N > 1 ? Math.sqrt(css / (N - 1)) : NaN;
    const bw80 = estudy2 ? aar / (Math.sqrt(sumS2) / n) : aar / (Math.sqrt(s2avail) / N);
    const bw85 = aar / sA;
    const tt = (aar / sdCross) * Math.sqrt(N);
    const row: {
      -readonly [K in keyof ParametricRow]: ParametricRow[K];
    } = {
      relDay: p.relFirst + r,
      percentage: (100 * N) / n,
      nFirms: N,
      mean: aar,
      bw1980: tv(bw80, tFlag(bw80, dfEst)),
      bw1985: tv(bw85, tFlag(bw85, dfEst)),
      tTest: tv(tt, tFlag(tt, N - 1)),
    };
    if (mm) {
      let ns = 0;
      let ss = 0;
      let pv = 0;
      let lambTerm = 0;
      let lambN = 0;
      for (let i = 0; i < n; i++) {
        const z = standardizedAr(p, fit, i, r);
        const x = p.mkt[i * rows + r]!;
        if (!estudy2 && x === x && ar[i * rows + r]! === ar[i * rows + r]!) {
          lambTerm += leverage(p, fit, i, r);
          lambN++;
        }
        if (z !== z) continue;
        ns++;
        ss += z;
        pv += (fit.T[i]! - df) / (fit.T[i]! - df - 2);
      }
      const mz = ns > 0 ? ss / ns : NaN;
      let zss = 0;
      for (let i = 0; i < n; i++) {
        const z = standardizedAr(p, fit, i, r);
        if (z === z) zss += (z - mz) * (z - mz);
      }
      const zsd = ns > 1 ? Math.sqrt(zss / (ns - 1)) : NaN;
      const pt = estudy2 ? (n * mz) / Math.sqrt(patellVar) : ss / Math.sqrt(pv);
      const bmp = (mz / zsd) * Math.sqrt(ns);
      let lambC: number;
      if (estudy2 && !fit.factors) {
        const d = p.mkt[lambFirm * rows + r]! - fit.mktMean[lambFirm]!;
        lambC = 1 + 1 / meanT + (d * d) / fit.mktSs[lambFirm]!;
      } else if (estudy2) lambC = leverage(p, fit, lambFirm, r) - 1 / fit.T[lambFirm]! + 1 / meanT;
      else lambC = lambN > 0 ? lambTerm / lambN : NaN;
      const lamb = aar / (sA * Math.sqrt(lambC));
      const kp = bmp * Math.sqrt((1 - rBar) / (1 + (ns - 1) * rBar));
      row.patell = tv(pt, normalFlag(pt));
      row.bmp = tv(bmp, tFlag(bmp, ns - 1));
      row.lamb = tv(lamb, normalFlag(lamb));
      row.kolariPynnonen = tv(kp, tFlag(kp, ns - 1));
    }
    out.push(row);
  }
  return out;
}
