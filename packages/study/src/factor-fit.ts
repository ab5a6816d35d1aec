import type { FactorPanel, ModelFit } from './models';
import type { Panel } from './panel';
import { perFirmFitArrays } from './fit-arrays';
import type { StudyProfile } from './profile';

/**
 * Fits a factor model per firm by OLS over the estimation rows where the stock and every factor (and RF) are
 * present: R − RF = α + Σ_k β_k F_k + ε. Centred normal equations (S β = s_xy, S the K×K centred cross products),
 * solved by Gauss–Jordan, which also gives S⁻¹ for the prediction-error leverage 1 + 1/T + (f − f̄)' S⁻¹ (f − f̄).
 * AR = R − RF − (α̂ + Σ β̂_k F_kt) on every row; s_i = sqrt(RSS/(T − K − 1)) under textbook (T − 1 under estudy2).
 */
export function fitFactorModels(p: Panel, f: FactorPanel, model: ModelFit['model'], profile: StudyProfile): ModelFit {
  const { n, rows, estStart, estEnd, ret } = p;
  const K = f.series.length;
  const { T, alpha, beta, meanReturn, arMean, sd, sdN1, rss, mktMean, mktSs, mktN, estFirstRow, estLastRow } = perFirmFitArrays(n);
  const ar = new Float64Array(n * rows).fill(NaN);
  const betas = new Float64Array(n * K).fill(NaN);
  const means = new Float64Array(n * K).fill(NaN);
  const sInv = new Float64Array(n * K * K).fill(NaN);
  const x = new Float64Array(K);
  const mx = new Float64Array(K);
  const S = new Float64Array(K * K);
  const sxy = new Float64Array(K);
  /** Row r of firm i: the factors into x and y = R − RF, or NaN when any is missing. */
  const load = (i: number, r: number): number => {
    const m = f.start[i]! + r;
    const rf = f.rf[m]!;
    let y = ret[i * rows + r]! - rf;
    for (let k = 0; k < K; k++) {
      x[k] = f.series[k]![m]!;
      if (x[k] !== x[k]) y = NaN;
    }
    return y;
  };
  for (let i = 0; i < n; i++) {
    let t = 0;
    let sy = 0;
    mx.fill(0);
    for (let r = estStart; r <= estEnd; r++) {
      const y = load(i, r);
      if (y !== y) continue;
      t++;
      sy += y;
      for (let k = 0; k < K; k++) mx[k]! += x[k]!;
      if (estFirstRow[i]! < 0) estFirstRow[i] = r;
      estLastRow[i] = r;
    }
    T[i] = t;
    if (t <= K + 1) continue;
    const my = sy / t;
    for (let k = 0; k < K; k++) mx[k] = mx[k]! / t;
    S.fill(0);
    sxy.fill(0);
    for (let r = estStart; r <= estEnd; r++) {
      const y = load(i, r);
      if (y !== y) continue;
      for (let a = 0; a < K; a++) {
        const da = x[a]! - mx[a]!;
        sxy[a]! += da * (y - my);
        for (let b = 0; b <= a; b++) S[a * K + b]! += da * (x[b]! - mx[b]!);
      }
    }
    for (let a = 0; a < K; a++) for (let b = 0; b < a; b++) S[b * K + a] = S[a * K + b]!;
    const inv = invert(S, K);
    if (!inv) continue;
    let a0 = my;
    for (let a = 0; a < K; a++) {
      let b = 0;
      for (let c = 0; c < K; c++) b += inv[a * K + c]! * sxy[c]!;
      betas[i * K + a] = b;
      means[i * K + a] = mx[a]!;
      a0 -= b * mx[a]!;
    }
    sInv.set(inv, i * K * K);
    alpha[i] = a0;
    beta[i] = betas[i * K]!;
    for (let r = 0; r < rows; r++) {
      const y = load(i, r);
      let pr = a0;
      for (let k = 0; k < K; k++) pr += betas[i * K + k]! * x[k]!;
      ar[i * rows + r] = y - pr;
    }
    let s = 0;
    for (let r = estStart; r <= estEnd; r++) {
      const v = ar[i * rows + r]!;
      if (v === v) s += v;
    }
    const am = s / t;
    let ss = 0;
    let sm = 0;
    for (let r = estStart; r <= estEnd; r++) {
      const v = ar[i * rows + r]!;
      if (v === v) ss += (v - am) * (v - am);
    }
    arMean[i] = am;
    rss[i] = ss;
    sdN1[i] = Math.sqrt(ss / (t - 1));
    sd[i] = profile === 'textbook' ? Math.sqrt(ss / (t - K - 1)) : sdN1[i]!;
    // The first factor (Mkt-RF) over E_i, for the model table.
    for (let r = estStart; r <= estEnd; r++) if (ar[i * rows + r]! === ar[i * rows + r]!) sm += f.series[0]![f.start[i]! + r]!;
    const mm = sm / t;
    let sq = 0;
    for (let r = estStart; r <= estEnd; r++) {
      if (ar[i * rows + r]! !== ar[i * rows + r]!) continue;
      const d = f.series[0]![f.start[i]! + r]! - mm;
      sq += d * d;
    }
    mktMean[i] = mm;
    mktSs[i] = sq;
    mktN[i] = t;
  }
  return {
    model,
    n,
    nParams: K + 1,
    T,
    alpha,
    beta,
    meanReturn,
    arMean,
    sd,
    sdN1,
    rss,
    mktMean,
    mktSs,
    mktN,
    estFirstRow,
    estLastRow,
    ar,
    factors: { k: K, betas, means, sInv },
  };
}

/** The inverse of the symmetric K×K matrix `S` by Gauss–Jordan with partial pivoting; null when singular. */
export function invert(S: Float64Array, K: number): Float64Array | null {
  const a = Float64Array.from(S);
  const inv = new Float64Array(K * K);
  for (let k = 0; k < K; k++) inv[k * K + k] = 1;
  let scale = 0;
  for (let k = 0; k < K; k++) scale = Math.max(scale, Math.abs(a[k * K + k]!));
  for (let c = 0; c < K; c++) {
    let piv = c;
    for (let r = c + 1; r < K; r++) if (Math.abs(a[r * K + c]!) > Math.abs(a[piv * K + c]!)) piv = r;
    const pv = a[piv * K + c]!;
    if (!(Math.abs(pv) > 1e-14 * scale)) return null;
    if (piv !== c) {
      for (let j = 0; j < K; j++) {
        [a[c * K + j], a[piv * K + j]] = [a[piv * K + j]!, a[c * K + j]!];
        [inv[c * K + j], inv[piv * K + j]] = [inv[piv * K + j]!, inv[c * K + j]!];
      }
    }
    for (let j = 0; j < K; j++) {
      a[c * K + j] = a[c * K + j]! / pv;
      inv[c * K + j] = inv[c * K + j]! / pv;
    }
    for (let r = 0; r < K; r++) {
      if (r === c) continue;
      const m = a[r * K + c]!;
      if (m === 0) continue;
      for (let j = 0; j < K; j++) {
        a[r * K + j] = a[r * K + j]! - m * a[c * K + j]!;
        inv[r * K + j] = inv[r * K + j]! - m * inv[c * K + j]!;
      }
    }
  }
  return inv;
}
