/**
 * Largest-triangle-three-buckets downsampling: keeps the first and last point and, per bucket, the point that
 * spans the largest triangle with its neighbours, so peaks and troughs survive. Returns indices into the input.
 * Deterministic; a series of at most `max` points is returned whole.
 * @example lttbIndices([0, 5, 1, 6, 2, 7], 4) // [0, 1 or 3, …, 5]
 */
export function lttbIndices(y: ArrayLike<number>, max: number): number[] {
  const n = y.length;
  if (n <= max || max < 3) return Array.from({ length: n }, (_, i) => i);
  const out = [0];
  const every = (n - 2) / (max - 2);
  let a = 0;
  for (let i = 0; i < max - 2; i++) {
    const s = Math.floor(i * every) + 1;
    const e = Math.min(Math.floor((i + 1) * every) + 1, n - 1);
    const ns = e;
    const ne = Math.min(Math.floor((i + 2) * every) + 1, n);
    let ax = 0;
    let ay = 0;
    for (let j = ns; j < ne; j++) {
      ax += j;
      ay += y[j]!;
    }
    const cnt = Math.max(1, ne - ns);
    ax /= cnt;
    ay /= cnt;
    let best = s;
    let bestArea = -1;
    for (let j = s; j < e; j++) {
      const area = Math.abs((a - ax) * (y[j]! - y[a]!) - (a - j) * (ay - y[a]!));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}
