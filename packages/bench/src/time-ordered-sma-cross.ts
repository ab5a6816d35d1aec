import type { BarSeries } from '@aftershock/core';
import { FAST, NOTIONAL, SLOW } from './plain-sma-cross.mjs';

/**
 * The crossover of plainSmaCross with the bars taken in time order, as an event-driven engine must take them:
 * session by session, every symbol with a bar there, its state in per-symbol arrays. No engine: no slices, views,
 * orders or portfolio. The floor of any time-ordered loop over this universe, against which the engine's own cost
 * can be read (engine.sma-cross.universe prints it beside the plain per-symbol loop).
 */
export function timeOrderedSmaCross(universe: readonly BarSeries[]): { entries: number; pnl: number } {
  const n = universe.length;
  let first = Infinity;
  let last = -Infinity;
  for (const s of universe) {
    if (s.length === 0) continue;
    first = Math.min(first, s.session[0]!);
    last = Math.max(last, s.session[s.length - 1]!);
  }
  const next = new Int32Array(n);
  const sumFast = new Float64Array(n);
  const sumSlow = new Float64Array(n);
  const above = new Int8Array(n);
  const held = new Float64Array(n);
  const entry = new Float64Array(n);
  let entries = 0;
  let pnl = 0;
  for (let s = first; s <= last; s++) {
    for (let k = 0; k < n; k++) {
      const ser = universe[k]!;
      const i = next[k]!;
      if (i >= ser.length || ser.session[i] !== s) continue;
      next[k] = i + 1;
      const c = ser.close;
      const x = c[i]!;
      sumSlow[k] = sumSlow[k]! + x - (i >= SLOW ? c[i - SLOW]! : 0);
      sumFast[k] = sumFast[k]! + x - (i >= FAST ? c[i - FAST]! : 0);
      if (i + 1 < SLOW) continue;
      const now = sumFast[k]! / FAST > sumSlow[k]! / SLOW ? 1 : -1;
      const before = above[k]!;
      if (before === -1 && now === 1 && held[k] === 0) {
        const q = Math.floor(NOTIONAL / x);
        held[k] = q;
        entry[k] = x;
        if (q > 0) entries++;
      } else if (before === 1 && now === -1 && held[k]! > 0) {
        pnl += held[k]! * (x - entry[k]!);
        held[k] = 0;
      }
      above[k] = now;
    }
  }
  return { entries, pnl };
}
