import type { ModelFit } from './models';
import type { Panel } from './panel';
import type { StudyProfile } from './profile';
import { firmRanks, rowsOf, type FirmRanks } from './ranks';
import { normalFlag, tv, wilcoxonExactFlag, wilcoxonFlag, type TestValue } from './significance';
import { rankAverage } from './stats-util';

/** One event-window day of the nonparametric tests. */
export interface NonparametricRow {
  readonly relDay: number;
  readonly percentage: number;
  readonly nFirms: number;
  readonly sign: TestValue;
  readonly gsign: TestValue;
  readonly csign: TestValue;
  readonly rank: TestValue;
  readonly mrank: TestValue;
  /** Wilcoxon W+ (n×mean-scaled under estudy2 when firms are missing). */
  readonly wilcoxon: TestValue;
  /** N′: non-zero, non-missing ARs of the day (the Wilcoxon sample size). */
  readonly wilcoxonN: number;
}

/** Share of positive estimation ARs: pooled over all (firm, day) pairs (estudy2) or the mean of per-firm shares (Cowan). */
export function positiveShare(p: Panel, ar: Float64Array, estudy2: boolean): number {
  let pos = 0;
  let all = 0;
  let fracSum = 0;
  let firms = 0;
  for (let i = 0; i < p.n; i++) {
    let fp = 0;
    let fa = 0;
    for (let r = p.estStart; r <= p.estEnd; r++) {
      const v = ar[i * p.rows + r]!;
      if (v !== v) continue;
      fa++;
      if (v > 0) fp++;
    }
    pos += fp;
    all += fa;
    if (fa > 0) {
      fracSum += fp / fa;
      firms++;
    }
  }
  return estudy2 ? pos / all : fracSum / firms;
}

/** The daily nonparametric tests: sign, generalized sign, Corrado–Zivney sign, Corrado rank, modified rank, Wilcoxon. */
export function nonparametricTests(p: Panel, fit: ModelFit, profile: StudyProfile, fullRanks?: FirmRanks): NonparametricRow[] {
  const { n, rows } = p;
  const ar = fit.ar;
  const estudy2 = profile === 'estudy2';
  const full = rowsOf(p, p.evtStart, p.evtEnd);
  const fr = fullRanks ?? firmRanks(p, ar, full, true);
  let tf = 0;
  for (let i = 0; i < n; i++) tf += fr.count[i]!;
  const meanTF = tf / n;
  // Per-row sums of G = sign(AR − median), D = K − (T+1)/2 and U = K/(T+1) − 0.5, firm-major in one pass.
  const count = new Float64Array(rows);
  const sumG = new Float64Array(rows);
  const sumD = new Float64Array(rows);
  const sumU = new Float64Array(rows);
  for (let i = 0; i < n; i++) {
    const c = fr.count[i]!;
    const o = i * rows;
    for (let k = 0; k < full.length; k++) {
      const r = full[k]!;
      const K = fr.rank[o + r]!;
      if (K !== K) continue;
      count[r]!++;
      sumG[r]! += fr.signVsMedian[o + r]!;
      sumD[r]! += K - (c + 1) / 2;
      sumU[r]! += K / (c + 1) - 0.5;
    }
  }
  for (let r = 0; r < rows; r++) {
    const m = count[r]!;
    const f = m === 0 ? NaN : estudy2 ? n / m : 1;
    sumG[r] = sumG[r]! * f;
    sumD[r] = sumD[r]! * f;
    sumU[r] = sumU[r]! * f;
  }
  const rs = { count };
  let sG = 0;
  let sK = 0;
  let sU = 0;
  for (let k = 0; k < full.length; k++) {
    const r = full[k]!;
    const m = rs.count[r]!;
    if (m === 0) continue;
    const g = sumG[r]!;
    const d = sumD[r]!;
    const u = sumU[r]!;
    sG += (g / Math.sqrt(m)) ** 2;
    sK += (d / m) ** 2;
    sU += (u / Math.sqrt(m)) ** 2;
  }
  const SG = Math.sqrt(sG / meanTF);
  const SK = Math.sqrt(sK / meanTF);
  const SU = Math.sqrt(sU / meanTF);
  const pHat = positiveShare(p, ar, estudy2);
  const absv = new Float64Array(n);
  const pos = new Uint8Array(n);
  const rk = new Float64Array(n);
  const sortedAbs = new Float64Array(n);
  const order = new Int32Array(n);
  const out: NonparametricRow[] = [];
  for (let r = p.evtStart; r <= p.evtEnd; r++) {
    let N = 0;
    let bs = 0;
    let nz = 0;
    for (let i = 0; i < n; i++) {
      const v = ar[i * rows + r]!;
      if (v !== v) continue;
      N++;
      if (v > 0) bs++;
      if (v !== 0) {
        absv[nz] = Math.abs(v);
        pos[nz] = v > 0 ? 1 : 0;
        nz++;
      }
    }
    const bSum = N > 0 ? (estudy2 ? (n * bs) / N : bs) : NaN;
    const sign = (bSum - 0.5 * N) / Math.sqrt(0.25 * N);
    const gsign = (bSum - N * pHat) / Math.sqrt(N * pHat * (1 - pHat));
    const g = sumG[r]!;
    const d = sumD[r]!;
    const u = sumU[r]!;
    const csign = g / Math.sqrt(N) / SG;
    const rank = d / N / SK;
    const mrank = u / Math.sqrt(N) / SU;
    let w = NaN;
    if (nz > 0) {
      rankAverage(absv, nz, rk, sortedAbs, order);
      let wp = 0;
      for (let k = 0; k < nz; k++) if (pos[k]) wp += rk[k]!;
      w = estudy2 ? (n * wp) / nz : wp;
    }
    const nn = N > 0 ? 1 : NaN;
    out.push({
      relDay: p.relFirst + r,
      percentage: (100 * N) / n,
      nFirms: N,
      sign: tv(sign * nn, normalFlag(sign * nn)),
      gsign: tv(gsign * nn, normalFlag(gsign * nn)),
      csign: tv(csign, normalFlag(csign)),
      rank: tv(rank, normalFlag(rank)),
      mrank: tv(mrank, normalFlag(mrank)),
      wilcoxon: tv(w, estudy2 ? wilcoxonFlag(w, nz) : wilcoxonExactFlag(w, nz)),
      wilcoxonN: nz,
    });
  }
  return out;
}
