import { pt } from './distributions';
import { invert } from './factor-fit';

/** One coefficient of a time-series regression with its OLS and Newey–West standard errors. */
export interface OlsTerm {
  readonly estimate: number;
  readonly seOls: number;
  readonly tOls: number;
  /** Two-sided p of tOls against t(T − p). */
  readonly pOls: number;
  readonly seNw: number;
  readonly tNw: number;
  /** Two-sided p of tNw against t(T − p) (as for OLS; NW is asymptotically normal, and t is the more cautious). */
  readonly pNw: number;
}

export interface OlsHacFit {
  /** Observations used. */
  readonly n: number;
  /** Parameters (the constant and one per regressor). */
  readonly p: number;
  /** Constant first, then the regressors in order. */
  readonly terms: readonly OlsTerm[];
  readonly residuals: Float64Array;
  readonly r2: number;
  /** The Newey–West lag used (in `position` units). */
  readonly lag: number;
}

/** Newey & West (1994)'s rule of thumb for the Bartlett kernel: floor(4 · (T/100)^(2/9)). */
export function neweyWestLag(T: number): number {
  return T > 0 ? Math.floor(4 * Math.pow(T / 100, 2 / 9)) : 0;
}

/**
 * OLS of y on [1, X₁ … X_k] with the classical and the Newey–West (1987) HAC covariance, Bartlett weights
 * w_l = 1 − l/(L+1), no small-sample scaling:
 *   V_ols = s² (Z'Z)⁻¹, s² = e'e / (T − p);
 *   V_nw  = (Z'Z)⁻¹ [Σ_t e_t² z_t z_t' + Σ_{l=1..L} w_l Σ_{pos_t − pos_s = l} e_t e_s (z_t z_s' + z_s z_t')] (Z'Z)⁻¹.
 * `position` (ascending, e.g. market session indices) defines the lag between two observations, so a gap in the
 * series is never taken for adjacency; without it observation t is at position t. Null when T ≤ p or Z'Z is singular.
 *
 * @example olsNeweyWest(Float64Array.of(1, 2, 4), [], 0).terms[0].estimate // 7/3: the mean, t = mean / (s/√T)
 */
export function olsNeweyWest(y: Float64Array, X: readonly Float64Array[], lag: number, position?: Int32Array): OlsHacFit | null {
  const T = y.length;
  const p = X.length + 1;
  if (T <= p) return null;
  const z = (t: number, a: number) => (a === 0 ? 1 : X[a - 1]![t]!);
  const ZZ = new Float64Array(p * p);
  const Zy = new Float64Array(p);
  for (let t = 0; t < T; t++) {
    for (let a = 0; a < p; a++) {
      const za = z(t, a);
      Zy[a]! += za * y[t]!;
      for (let b = 0; b < p; b++) ZZ[a * p + b]! += za * z(t, b);
    }
  }
  const inv = invert(ZZ, p);
  if (!inv) return null;
  const coef = new Float64Array(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) coef[a]! += inv[a * p + b]! * Zy[b]!;
  const e = new Float64Array(T);
  let ssr = 0;
  let my = 0;
  for (let t = 0; t < T; t++) my += y[t]!;
  my /= T;
  let sst = 0;
  for (let t = 0; t < T; t++) {
    let fit = 0;
    for (let a = 0; a < p; a++) fit += coef[a]! * z(t, a);
    e[t] = y[t]! - fit;
    ssr += e[t]! * e[t]!;
    sst += (y[t]! - my) * (y[t]! - my);
  }
  const s2 = ssr / (T - p);
  const pos = (t: number) => (position ? position[t]! : t);
  const S = new Float64Array(p * p);
  for (let t = 0; t < T; t++) {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) S[a * p + b]! += e[t]! * e[t]! * z(t, a) * z(t, b);
    for (let s = t - 1; s >= 0 && pos(t) - pos(s) <= lag; s--) {
      const w = 1 - (pos(t) - pos(s)) / (lag + 1);
      const ee = w * e[t]! * e[s]!;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) S[a * p + b]! += ee * (z(t, a) * z(s, b) + z(s, a) * z(t, b));
    }
  }
  const df = T - p;
  const terms: OlsTerm[] = [];
  for (let a = 0; a < p; a++) {
    // (inv S inv)[a][a]
    let vnw = 0;
    for (let b = 0; b < p; b++) for (let c = 0; c < p; c++) vnw += inv[a * p + b]! * S[b * p + c]! * inv[c * p + a]!;
    const seOls = Math.sqrt(s2 * inv[a * p + a]!);
    const seNw = Math.sqrt(vnw);
    const tOls = coef[a]! / seOls;
    const tNw = coef[a]! / seNw;
    terms.push({ estimate: coef[a]!, seOls, tOls, pOls: twoSided(tOls, df), seNw, tNw, pNw: twoSided(tNw, df) });
  }
  return { n: T, p, terms, residuals: e, r2: sst > 0 ? 1 - ssr / sst : NaN, lag };
}

function twoSided(t: number, df: number): number {
  return t === t ? 2 * pt(-Math.abs(t), df) : NaN;
}
