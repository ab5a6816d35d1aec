/** How a return is measured from two closes. */
export type ReturnKind = 'simple' | 'log';

/**
 * Close-to-close returns of one series, dated at the later close (estudy2's `quote = "Close"`). A missing close
 * (NaN or ≤ 0) gives NaN, and the next valid close then carries a return from the last valid close, spanning the
 * gap (`multi_day = TRUE`). The first valid close has no return.
 */
export function closeReturns(close: Float64Array, kind: ReturnKind, out: Float64Array = new Float64Array(close.length)): Float64Array {
  let prev = NaN;
  const log = kind === 'log';
  for (let i = 0; i < close.length; i++) {
    const c = close[i]!;
    if (!(c > 0)) {
      out[i] = NaN;
      continue;
    }
    out[i] = prev > 0 ? (log ? Math.log(c / prev) : c / prev - 1) : NaN;
    prev = c;
  }
  return out;
}

/** Converts a return of `kind` to a simple (gross − 1) return, for buy-and-hold compounding. */
export function toSimple(r: number, kind: ReturnKind): number {
  return kind === 'log' ? Math.expm1(r) : r;
}
