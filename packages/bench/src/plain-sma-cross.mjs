// The SMA(20)/SMA(50) crossover as a plain loop over each symbol's closes: the baseline of both SMA figures, in
// plain JavaScript so the fresh plain-Node process of e2e.sma-cross.universe runs it as is.
export const FAST = 20;
export const SLOW = 50;
/** Money per entry. */
export const NOTIONAL = 10_000;

/** Long-only crossover per symbol: entries (as many shares as NOTIONAL buys), exits and P&L at closes. */
export function plainSmaCross(universe) {
  let entries = 0;
  let pnl = 0;
  for (const s of universe) {
    const c = s.close;
    let sf = 0;
    let ss = 0;
    let above = 0;
    let q = 0;
    let entry = 0;
    for (let i = 0; i < s.length; i++) {
      const x = c[i];
      ss += x - (i >= SLOW ? c[i - SLOW] : 0);
      sf += x - (i >= FAST ? c[i - FAST] : 0);
      if (i + 1 < SLOW) continue;
      const now = sf / FAST > ss / SLOW ? 1 : -1;
      if (above === -1 && now === 1 && q === 0) {
        q = Math.floor(NOTIONAL / x);
        entry = x;
        if (q > 0) entries++;
      } else if (above === 1 && now === -1 && q > 0) {
        pnl += q * (x - entry);
        q = 0;
      }
      above = now;
    }
  }
  return { entries, pnl };
}
