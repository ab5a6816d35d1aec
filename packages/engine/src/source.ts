import { AftershockError, type BarSeries, type IsoDate } from '@aftershock/core';
import type { BarRow } from './growing-series';

/**
 * Where bars come from. The engine loads a symbol when the clock first reaches `listing(symbol)` (or at the
 * start when the source cannot tell), so bars of symbols that list mid-run are read as the clock reaches them.
 */
export interface BarSource {
  readonly symbols: readonly string[];
  /** The first session date of a symbol, when known without loading it (e.g. from a manifest). */
  listing?(symbol: string): IsoDate | undefined;
  /** The last bar's date of a symbol, when known without loading it (sets the default end of a run). */
  lastDate?(symbol: string): IsoDate | undefined;
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
    lastDate: (symbol) => {
      const s = bySymbol.get(symbol);
      return s === undefined || s.length === 0 ? undefined : s.dates[s.length - 1];
    },
    load: (symbol) => {
      const s = bySymbol.get(symbol);
      if (s === undefined) throw new AftershockError('UNKNOWN_SYMBOL', `no series for ${symbol} in this source`, { field: 'symbol' });
      return s;
    },
  };
}

/**
 * A source that yields each symbol's bars one at a time, oldest first. The engine reads a bar only when the clock
 * reaches its session (keeping one row of lookahead inside the engine, never visible), so no bar after the clock
 * is ever materialised: memory holds the history so far, not the future.
 */
export interface StreamingSource {
  readonly symbols: readonly string[];
  stream(symbol: string): Iterator<BarRow>;
}

export function isStreamingSource(s: unknown): s is StreamingSource {
  return typeof s === 'object' && s !== null && typeof (s as { stream?: unknown }).stream === 'function';
}

/**
 * A streaming source over series in memory (for tests and for adapting loaders): rows are produced on demand.
 * @example
 * runBacktest({ source: streamingSource([crwv]), strategy, initialCash: 10_000 });
 */
export function streamingSource(series: readonly BarSeries[]): StreamingSource {
  const bySymbol = new Map(series.map((s) => [s.symbol, s]));
  return {
    symbols: series.map((s) => s.symbol),
    stream: (symbol) => {
      const s = bySymbol.get(symbol);
      if (s === undefined) throw new AftershockError('UNKNOWN_SYMBOL', `no series for ${symbol} in this source`, { field: 'symbol' });
      return new SeriesRows(s);
    },
  };
}

/** Rows of an in-memory series, one object per `next()` (a plain iterator: cheaper than a generator). */
class SeriesRows implements Iterator<BarRow> {
  private i = 0;
  constructor(private readonly s: BarSeries) {}
  next(): IteratorResult<BarRow> {
    const s = this.s;
    const i = this.i;
    if (i >= s.length) return { done: true, value: undefined };
    this.i = i + 1;
    return { done: false, value: { date: s.dates[i]!, open: s.open[i]!, high: s.high[i]!, low: s.low[i]!, close: s.close[i]!, volume: s.volume[i]!, dividend: s.dividend[i]! } };
  }
}
