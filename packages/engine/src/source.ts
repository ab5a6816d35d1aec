import { AftershockError, type BarSeries, type IsoDate } from '@aftershock/core';

/**
 * Where bars come from. The engine loads a symbol when the clock first reaches `listing(symbol)` (or at the
 * start when the source cannot tell), so bars of symbols that list mid-run are read as the clock reaches them.
 */
export interface BarSource {
  readonly symbols: readonly string[];
  /** The first session date of a symbol, when known without loading it (e.g. from a manifest). */
  listing?(symbol: string): IsoDate | undefined;
  /** Loads a symbol's bars (synchronously: the replay is synchronous). */
  load(symbol: string): BarSeries;
}

/**
 * A source over series already in memory.
 * @example
 * const source = inMemorySource([crwv, spy]);
 */
export function inMemorySource(series: readonly BarSeries[]): BarSource {
  const bySymbol = new Map(series.map((s) => [s.symbol, s]));
  return {
    symbols: series.map((s) => s.symbol),
    listing: (symbol) => bySymbol.get(symbol)?.dates[0],
    load: (symbol) => {
      const s = bySymbol.get(symbol);
      if (s === undefined) throw new AftershockError('UNKNOWN_SYMBOL', `no series for ${symbol} in this source`, { field: 'symbol' });
      return s;
    },
  };
}
