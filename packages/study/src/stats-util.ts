/** Small numeric helpers shared by the kernels. NaN means missing everywhere. */

/**
 * Average ranks (1-based, ties averaged, R's `rank(ties = "average")`) of `values[0..len)`, written to `out`.
 * `idx` is scratch space of at least `len` entries.
 */
export function rankAverage(values: Float64Array, len: number, out: Float64Array, idx: Uint32Array): void {
  for (let i = 0; i < len; i++) idx[i] = i;
  const view = idx.subarray(0, len);
  view.sort((a, b) => values[a]! - values[b]!);
  let i = 0;
  while (i < len) {
    let j = i;
    const v = values[view[i]!]!;
    while (j + 1 < len && values[view[j + 1]!]! === v) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[view[k]!] = r;
    i = j + 1;
  }
}

/** Median of `values[0..len)` (R's `median`: mean of the two middle values for even length); sorts a copy. */
export function median(values: Float64Array, len: number, scratch: Float64Array): number {
  if (len === 0) return NaN;
  const s = scratch.subarray(0, len);
  s.set(values.subarray(0, len));
  s.sort();
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

/** A small, fast, seeded PRNG (mulberry32) for reproducible bootstrap draws. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
