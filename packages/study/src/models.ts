import { fitFactorModels } from './factor-fit';
import { perFirmFitArrays } from './fit-arrays';
import type { Panel } from './panel';
import { isFactorModel, type ModelKind, type StudyProfile } from './profile';
export type { FactorPanel } from './panel';

/** Per-firm model parameters (struct of arrays, one entry per firm) and AR / predicted for every row. */
export interface ModelFit {
  readonly model: ModelKind;
  readonly n: number;
  /** Parameters estimated per firm (2 for the market model, K + 1 for K factors): Patell's variance uses T − this. */
  readonly nParams: number;
  /** Estimation length T_i: complete cases in the estimation window. */
  readonly T: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** Estimation-window mean return (constant-mean model). */
  readonly meanReturn: Float64Array;
  readonly arMean: Float64Array;
  /** s_i used by the tests: sd of estimation ARs (T−1), or sqrt(RSS/(T−2)) for the textbook market model. */
  readonly sd: Float64Array;
  /** sd of estimation ARs with divisor T−1 (estudy2's s_i). */
  readonly sdN1: Float64Array;
  /** Σ (AR − mean AR)² over the estimation days. */
  readonly rss: Float64Array;
  /** Market mean, sum of squared deviations and count used by Patell/BMP/Lamb (NaN for constant-mean). */
  readonly mktMean: Float64Array;
  readonly mktSs: Float64Array;
  readonly mktN: Float64Array;
  /** First and last estimation row actually used (−1 when none). */
  readonly estFirstRow: Int32Array;
  readonly estLastRow: Int32Array;
  /** AR of every row; the predicted return is not stored (`predictedRow` derives it: a panel's worth less memory). */
  readonly ar: Float64Array;
  /** Factor models: per firm the K betas, the factor means over E_i and S⁻¹ (K×K), firm-major. */
  readonly factors?: { readonly k: number; readonly betas: Float64Array; readonly means: Float64Array; readonly sInv: Float64Array };
}

/**
 * The out-of-sample prediction-error factor 1 + 1/T + x̃' S⁻¹ x̃ of firm i on row r (x̃ the regressors' deviation
 * from their estimation means): the full regression's leverage, 1 + 1/T + (Rm − m̄)²/SS for the market model.
 */
export function leverage(p: Panel, fit: ModelFit, i: number, r: number): number {
  const T = fit.T[i]!;
  const fx = fit.factors;
  if (!fx || !p.factors) {
    const d = p.mkt[i * p.rows + r]! - fit.mktMean[i]!;
    return 1 + 1 / T + (d * d) / fit.mktSs[i]!;
  }
  const K = fx.k;
  const m = p.factors.start[i]! + r;
  let q = 0;
  for (let a = 0; a < K; a++) {
    const da = p.factors.series[a]![m]! - fx.means[i * K + a]!;
    let row = 0;
    for (let b = 0; b < K; b++) row += fx.sInv[(i * K + a) * K + b]! * (p.factors.series[b]![m]! - fx.means[i * K + b]!);
    q += da * row;
  }
  return 1 + 1 / T + q;
}

/**
 * The normal return the model predicts for rows from.. of firm i (the same expression `fitModels` subtracts); entry
 * k is row from + k. Into `into` (a view of its first entries) when it is long enough, else a new array.
 */
export function predictedRow(p: Panel, fit: ModelFit, i: number, from = 0, into?: Float64Array): Float64Array {
  const n = Math.max(0, p.rows - from);
  const out = into === undefined || into.length < n ? new Float64Array(n) : into.length === n ? into : into.subarray(0, n);
  const fx = fit.factors;
  if (fx && p.factors) {
    // R − AR = RF + α + Σ β_k F_k (NaN where a factor is missing).
    for (let r = from; r < p.rows; r++) {
      const m = p.factors.start[i]! + r;
      let pr = p.factors.rf[m]! + fit.alpha[i]!;
      for (let k = 0; k < fx.k; k++) pr += fx.betas[i * fx.k + k]! * p.factors.series[k]![m]!;
      out[r - from] = pr;
    }
    return out;
  }
  const o = i * p.rows;
  const a = fit.alpha[i]!;
  const b = fit.beta[i]!;
  const mean = fit.meanReturn[i]!;
  for (let r = from; r < p.rows; r++) {
    const x = p.mkt[o + r]!;
    out[r - from] = fit.model === 'market-model' ? a + b * x : fit.model === 'market-adjusted' ? x : mean;
  }
  return out;
}

/**
 * Fits the normal-return model of every firm on its estimation rows and computes AR for every row.
 * - market model: OLS of R on Rm over the complete cases E_i; AR = R − α − β·Rm;
 * - market-adjusted: AR = R − Rm (T_i still counts complete cases);
 * - constant mean: AR = R − mean_{E_i}(R), E_i using R only.
 */
export function fitModels(p: Panel, model: ModelKind, profile: StudyProfile): ModelFit {
  if (isFactorModel(model)) {
    if (!p.factors) throw new Error(`model ${model} needs a panel with factors`);
    return fitFactorModels(p, p.factors, model, profile);
  }
  const { n, rows, estStart, estEnd, ret, mkt } = p;
  const { T, alpha, beta, meanReturn, arMean, sd, sdN1, rss, mktMean, mktSs, mktN, estFirstRow, estLastRow } = perFirmFitArrays(n);
  const ar = new Float64Array(n * rows);
  const useMkt = model !== 'constant-mean';
  for (let i = 0; i < n; i++) {
    const o = i * rows;
    // Complete cases in the estimation window.
    let t = 0;
    let sx = 0;
    let sy = 0;
    let first = -1;
    let last = -1;
    for (let r = estStart; r <= estEnd; r++) {
      const y = ret[o + r]!;
      const x = mkt[o + r]!;
      if (y !== y || (useMkt && x !== x)) continue;
      t++;
      sy += y;
      if (useMkt) sx += x;
      if (first < 0) first = r;
      last = r;
    }
    T[i] = t;
    estFirstRow[i] = first;
    estLastRow[i] = last;
    let a = NaN;
    let b = NaN;
    if (model === 'market-model' && t > 0) {
      const mx = sx / t;
      const my = sy / t;
      let sxx = 0;
      let sxy = 0;
      for (let r = estStart; r <= estEnd; r++) {
        const y = ret[o + r]!;
        const x = mkt[o + r]!;
        if (y !== y || x !== x) continue;
        sxx += (x - mx) * (x - mx);
        sxy += (x - mx) * (y - my);
      }
      b = sxx > 0 ? sxy / sxx : NaN;
      a = my - b * mx;
      alpha[i] = a;
      beta[i] = b;
    }
    const mean = t > 0 ? sy / t : NaN;
    if (model === 'constant-mean') meanReturn[i] = mean;
    for (let r = 0; r < rows; r++) {
      const y = ret[o + r]!;
      const x = mkt[o + r]!;
      const pr = model === 'market-model' ? a + b * x : model === 'market-adjusted' ? x : mean;
      ar[o + r] = y - pr;
    }
    // Estimation AR moments over E_i (AR is present exactly on the complete cases).
    let s = 0;
    for (let r = estStart; r <= estEnd; r++) {
      const v = ar[o + r]!;
      if (v === v) s += v;
    }
    const am = t > 0 ? s / t : NaN;
    let ss = 0;
    for (let r = estStart; r <= estEnd; r++) {
      const v = ar[o + r]!;
      if (v === v) ss += (v - am) * (v - am);
    }
    arMean[i] = am;
    rss[i] = t > 0 ? ss : NaN;
    sdN1[i] = t > 1 ? Math.sqrt(ss / (t - 1)) : NaN;
    sd[i] = model === 'market-model' && profile === 'textbook' ? (t > 2 ? Math.sqrt(ss / (t - 2)) : NaN) : sdN1[i]!;
    if (useMkt) {
      // estudy2: every estimation day where the market is present; textbook: the regression's own days E_i.
      let cnt = 0;
      let sm = 0;
      for (let r = estStart; r <= estEnd; r++) {
        const x = mkt[o + r]!;
        if (x !== x) continue;
        if (profile === 'textbook' && ret[o + r]! !== ret[o + r]!) continue;
        cnt++;
        sm += x;
      }
      const mm = cnt > 0 ? sm / cnt : NaN;
      let sq = 0;
      for (let r = estStart; r <= estEnd; r++) {
        const x = mkt[o + r]!;
        if (x !== x) continue;
        if (profile === 'textbook' && ret[o + r]! !== ret[o + r]!) continue;
        sq += (x - mm) * (x - mm);
      }
      mktMean[i] = mm;
      mktSs[i] = cnt > 0 ? sq : NaN;
      mktN[i] = cnt;
    }
  }
  return { model, n, nParams: model === 'market-model' ? 2 : model === 'constant-mean' ? 1 : 0, T, alpha, beta, meanReturn, arMean, sd, sdN1, rss, mktMean, mktSs, mktN, estFirstRow, estLastRow, ar };
}
