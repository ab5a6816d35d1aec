import type { BarSeries, MarketEvent } from '@aftershock/core';
import { loadUniverse, resolveDataRoot, type DataRoot } from '@aftershock/data';

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

/** The study figures' inputs: the 360-ticker universe, SPY as the market and `n` events drawn with the figures' seed. */
export function universeStudyInputs(n: number): { root: DataRoot; universe: Map<string, BarSeries>; market: BarSeries; events: MarketEvent[] } {
  const root = resolveDataRoot();
  const universe = loadUniverse(root);
  const market = universe.get('SPY');
  if (!market) throw new Error('SPY is not in the universe');
  return { root, universe, market, events: drawEvents(universe, market, n, 20250813) };
}
