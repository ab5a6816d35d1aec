/**
 * Least squares by Householder QR, for the tests' independent checks of the study's regressions: no normal equations,
 * so it shares no arithmetic with the code under test (which inverts XᵀX).
 */

/** Householder QR of X (m × k): R (k × k, upper triangular) and Qᵀy. */
export function householderQr(X: number[][], y: number[]): { R: number[][]; qty: number[] } {
  const m = X.length;
  const k = X[0]!.length;
  const A = X.map((r) => [...r]);
  const b = [...y];
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += A[i]![j]! ** 2;
    norm = Math.sqrt(norm);
    const alpha = A[j]![j]! > 0 ? -norm : norm;
    const v = A.map((r, i) => (i < j ? 0 : r[j]!));
    v[j] = v[j]! - alpha;
    const vv = v.reduce((s, x) => s + x * x, 0);
    for (let c = j; c < k; c++) {
      const dot = v.reduce((s, x, i) => s + x * A[i]![c]!, 0);
      for (let i = j; i < m; i++) A[i]![c] = A[i]![c]! - (2 * dot * v[i]!) / vv;
    }
    const dot = v.reduce((s, x, i) => s + x * b[i]!, 0);
    for (let i = j; i < m; i++) b[i] = b[i]! - (2 * dot * v[i]!) / vv;
  }
  return { R: A.slice(0, k).map((r) => r.slice(0, k)), qty: b };
}

/** Solves R b = c for upper-triangular R by back substitution. */
export function backSolve(R: number[][], c: number[]): number[] {
  const k = R.length;
  const out = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = c[j]!;
    for (let l = j + 1; l < k; l++) s -= R[j]![l]! * out[l]!;
    out[j] = s / R[j]![j]!;
  }
  return out;
}

/** min ‖y − Xb‖ by QR. */
export function lstsq(X: number[][], y: number[]): number[] {
  const { R, qty } = householderQr(X, y);
  return backSolve(R, qty);
}
