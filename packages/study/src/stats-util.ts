/** Small numeric helpers shared by the kernels. NaN means missing everywhere. */

/**
 * Sorts `v[0..len)` ascending in place and applies the same permutation to `idx` (introsort-free quicksort with
 * median-of-three pivots and insertion sort below 16 elements; hand-written because V8's typed-array sort is slow
 * on short arrays and a comparator sort is slower still).
 */
export function sortWithIndex(v: Float64Array, idx: Int32Array, len: number): void {
  const stack: number[] = [0, len - 1];
  while (stack.length > 0) {
    let hi = stack.pop()!;
    let lo = stack.pop()!;
    while (hi - lo >= 16) {
      const mid = (lo + hi) >>> 1;
      // Median of three into v[mid].
      if (v[mid]! < v[lo]!) swap(v, idx, mid, lo);
      if (v[hi]! < v[lo]!) swap(v, idx, hi, lo);
      if (v[hi]! < v[mid]!) swap(v, idx, hi, mid);
      const pivot = v[mid]!;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (v[i]! < pivot) i++;
        while (v[j]! > pivot) j--;
        if (i <= j) {
          swap(v, idx, i, j);
          i++;
          j--;
        }
      }
      // Recurse into the smaller side first (bounded stack), loop on the larger.
      if (j - lo < hi - i) {
        if (i < hi) stack.push(i, hi);
        hi = j;
      } else {
        if (lo < j) stack.push(lo, j);
        lo = i;
      }
    }
    for (let k = lo + 1; k <= hi; k++) {
      const x = v[k]!;
      const xi = idx[k]!;
      let m = k - 1;
      while (m >= lo && v[m]! > x) {
        v[m + 1] = v[m]!;
        idx[m + 1] = idx[m]!;
        m--;
      }
      v[m + 1] = x;
      idx[m + 1] = xi;
    }
  }
}

function swap(v: Float64Array, idx: Int32Array, a: number, b: number): void {
  const t = v[a]!;
  v[a] = v[b]!;
  v[b] = t;
  const u = idx[a]!;
  idx[a] = idx[b]!;
  idx[b] = u;
}

/**
 * Average ranks (1-based, ties averaged, R's `rank(ties = "average")`) of `values[0..len)`, written to `out`.
 * `sorted` (values) and `order` (positions) are scratch of at least `len` entries; on return `sorted` holds the
 * values in ascending order.
 */
export function rankAverage(values: Float64Array, len: number, out: Float64Array, sorted: Float64Array, order: Int32Array): void {
  for (let k = 0; k < len; k++) {
    sorted[k] = values[k]!;
    order[k] = k;
  }
  sortWithIndex(sorted, order, len);
  let i = 0;
  while (i < len) {
    let j = i;
    const x = sorted[i]!;
    while (j + 1 < len && sorted[j + 1]! === x) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = r;
    i = j + 1;
  }
}

/** Median of the first `len` entries of an ascending array. */
export function sortedMedian(s: Float64Array, len: number): number {
  if (len === 0) return NaN;
  const h = len >> 1;
  return len % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Sample standard deviation (divisor count − 1) of the non-NaN entries of `x[from..to]` with stride. */
export function sdOf(x: Float64Array, from: number, to: number, stride = 1): number {
  let n = 0;
  let sum = 0;
  for (let i = from; i <= to; i += stride) {
    const v = x[i]!;
    if (v === v) {
      n++;
      sum += v;
    }
  }
  if (n < 2) return NaN;
  const m = sum / n;
  let ss = 0;
  for (let i = from; i <= to; i += stride) {
    const v = x[i]!;
    if (v === v) ss += (v - m) * (v - m);
  }
  return Math.sqrt(ss / (n - 1));
}
