/**
 * Quantile functions for significance flags: the normal quantile (Wichura's AS 241, ~1e-16), Student's t
 * quantile for any positive (also non-integer) degrees of freedom (Newton on the regularized incomplete beta),
 * and the exact Wilcoxon signed-rank quantile with R's `qsignrank` conventions.
 */

/** Standard normal quantile (AS 241 PPND16). */
export function qnorm(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-09 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) * r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.0103343992922881e-07 + 2.7115555687434876e-05) * r + 0.0012426609473880784) * r + 0.026532189526576124) * r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-07) * r + 1.8463183175100548e-05) * r + 0.0007868691311456133) * r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

/** Standard normal CDF: power series for |x| < 3, Laplace continued fraction beyond (~1e-15). */
export function pnorm(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  let erfcZ: number;
  if (z < 2.2) {
    // erf(z) = 2/sqrt(pi) * sum (-1)^n z^(2n+1) / (n! (2n+1))
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (-z * z) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    erfcZ = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc(z) = exp(-z^2)/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated bottom-up.
    let f = z;
    for (let k = 60; k >= 1; k--) f = z + k / 2 / f;
    erfcZ = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? 1 - erfcZ / 2 : erfcZ / 2;
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative). */
export function lgamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
    -0.13857109526572012, 9.984369578019572e-06, 1.5056327351493116e-07,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const xx = x - 1;
  let a = c[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta (modified Lentz). */
function betacf(a: number, b: number, x: number): number {
  const FPMIN = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const bt = Math.exp(lbt);
  if (x < (a + 1) / (a + b + 2)) return (bt * betacf(a, b, x)) / a;
  return 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Student t CDF with `df` > 0 degrees of freedom (df may be non-integer). */
export function pt(t: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e7) return pnorm(t);
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Student t density. */
function dt(t: number, df: number): number {
  return Math.exp(lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Student t quantile: Newton iterations on `pt`, started from the Cornish–Fisher expansion around qnorm. */
export function qt(p: number, df: number): number {
  if (!(df > 0) || !(p > 0 && p < 1)) return NaN;
  if (df > 1e7) return qnorm(p);
  if (p === 0.5) return 0;
  // Work in the upper tail for accuracy, then mirror.
  const upper = p > 0.5;
  const pp = upper ? p : 1 - p;
  const z = qnorm(pp);
  const g1 = (z * z * z + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  let x = z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
  if (df < 3 || !Number.isFinite(x)) x = df === 1 ? Math.tan(Math.PI * (pp - 0.5)) : z * 1.5;
  for (let i = 0; i < 100; i++) {
    const f = 0.5 * incompleteBeta(df / (df + x * x), df / 2, 0.5); // upper tail P(T > x), x > 0
    const target = 1 - pp;
    let nx = x + (f - target) / dt(x, df);
    if (!Number.isFinite(nx) || nx <= 0) nx = x / 2;
    if (Math.abs(nx - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
      x = nx;
      break;
    }
    x = nx;
  }
  return upper ? x : -x;
}

const SIGNRANK_EXACT_MAX = 400;
const signrankCache = new Map<number, Float64Array>();

/** P(V = k), k = 0..n(n+1)/2, for the signed-rank statistic V with n non-zero differences (exact DP). */
function signrankPmf(n: number): Float64Array {
  const hit = signrankCache.get(n);
  if (hit) return hit;
  const top = (n * (n + 1)) / 2;
  const w = new Float64Array(top + 1);
  w[0] = 1;
  let cur = 0;
  for (let j = 1; j <= n; j++) {
    cur += j;
    for (let k = cur; k >= j; k--) w[k] = (w[k]! + w[k - j]!) / 2;
    for (let k = j - 1; k >= 0; k--) w[k] = w[k]! / 2;
  }
  signrankCache.set(n, w);
  return w;
}

/**
 * Two-sided p-value of a Wilcoxon signed-rank statistic W+ with n non-zero differences:
 * min(1, 2·min(P(V ≤ w), P(V ≥ w))), exact up to n = 400 (W+ with average ranks may be fractional: the lower tail
 * takes ⌊w⌋, the upper ⌈w⌉), then the normal approximation with continuity correction.
 */
export function signrankTwoSidedP(w: number, n: number): number {
  n = Math.floor(n + 0.5);
  if (!(w === w) || !(n > 0)) return NaN;
  const top = (n * (n + 1)) / 2;
  if (n > SIGNRANK_EXACT_MAX) {
    const mu = top / 2;
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
    const z = (Math.abs(w - mu) - 0.5) / sd;
    return Math.min(1, 2 * (1 - pnorm(Math.max(0, z))));
  }
  const pmf = signrankPmf(n);
  let lower = 0;
  for (let k = 0; k <= Math.min(top, Math.floor(w)); k++) lower += pmf[k]!;
  let upper = 0;
  for (let k = Math.max(0, Math.ceil(w)); k <= top; k++) upper += pmf[k]!;
  return Math.min(1, 2 * Math.min(lower, upper));
}

/**
 * Quantile of the Wilcoxon signed-rank statistic, R's `qsignrank(x, n)`: the smallest q with P(V ≤ q) ≥ x, with
 * R's 10·DBL_EPSILON fuzz and its upper-tail accumulation for x > 0.5. Exact up to n = 400, then the normal
 * approximation with continuity correction (R would need O(n³) work there).
 */
export function qsignrank(x: number, n: number): number {
  n = Math.floor(n + 0.5);
  if (!(x >= 0 && x <= 1) || !(n > 0)) return NaN;
  const top = (n * (n + 1)) / 2;
  if (x === 0) return 0;
  if (x === 1) return top;
  if (n > SIGNRANK_EXACT_MAX) {
    const mu = top / 2;
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
    return Math.min(top, Math.max(0, Math.ceil(mu + sd * qnorm(x) - 0.5)));
  }
  const w = signrankPmf(n);
  const eps = 2.220446049250313e-16;
  let p = 0;
  let q = 0;
  if (x <= 0.5) {
    const xx = x - 10 * eps;
    for (;;) {
      p += w[q]!;
      if (p >= xx) break;
      q++;
    }
    return q;
  }
  const xx = 1 - x + 10 * eps;
  for (;;) {
    p += w[q]!;
    if (p > xx) return top - q;
    q++;
  }
}
