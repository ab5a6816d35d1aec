import type { BarSeries, MarketEvent } from '@aftershock/core';

/**
 * Deterministic event draws: symbol × session, seeded (LCG), each with a full window of the symbol's own bars and
 * at most one event per symbol and session (an events file may not repeat one).
 */
export function drawEvents(universe: ReadonlyMap<string, BarSeries>, market: BarSeries, n: number, seed: number): MarketEvent[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const symbols = [...universe.keys()].filter((k) => k !== market.symbol && universe.get(k)!.length > 300).sort();
  const out: MarketEvent[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const sym = symbols[Math.floor(rnd() * symbols.length)]!;
    const b = universe.get(sym)!;
    const i = 260 + Math.floor(rnd() * (b.length - 270));
    const date = b.dates[i]!;
    const id = `${sym}:${date}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, symbol: sym, kind: 'custom', date, timing: 'before-open', tsEvent: 0, tsKnown: 0, tags: {} });
  }
  return out;
}
