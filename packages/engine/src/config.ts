import type { BarSeries, Day0Options, IsoDate, MarketEvent, TradingCalendar } from '@aftershock/core';
import type { CostConfig } from './costs';
import type { BarSource, StreamingSource } from './source';
import type { Strategy } from './strategy';

/** What the replay needs: bars, events, a calendar and a range. */
export interface ReplayConfig {
  /**
   * The universe: series in memory, a source that loads each symbol when the clock reaches its listing, or a
   * streaming source read bar by bar as the clock advances (without `end`, the run ends with the streams).
   */
  readonly source: BarSource | StreamingSource | readonly BarSeries[];
  readonly events?: readonly MarketEvent[];
  /** Default: core's xnysCalendar(). */
  readonly calendar?: TradingCalendar;
  /** First session replayed (default: the first bar of the universe). Bars before it are warm-up history. */
  readonly start?: IsoDate;
  /** Last session replayed (default: the last bar of the universe). */
  readonly end?: IsoDate;
  /**
   * When an earnings date becomes public: a number of sessions before release (core's `scheduledInstant`, e.g.
   * DEFAULT_EARNINGS_LEAD_SESSIONS = 14), or `'tsKnown'` (default) to use each event's own `tsKnown`.
   */
  readonly earningsLead?: number | 'tsKnown';
  readonly day0?: Day0Options;
  /** A benchmark: a symbol of the universe or a separate series; its close is recorded per session. */
  readonly benchmark?: string | BarSeries;
}

/** Margin: gross exposure may reach `maxGrossLeverage` × equity and cash may go negative. */
export interface MarginConfig {
  readonly maxGrossLeverage: number;
}

export interface BacktestConfig extends ReplayConfig {
  readonly strategy: Strategy;
  readonly initialCash: number;
  readonly costs?: CostConfig;
  /** Without margin, cash never goes negative and gross exposure stays within equity. */
  readonly margin?: MarginConfig;
  /** Allow short sales (default true). */
  readonly allowShort?: boolean;
  /** Listing dates for the hard-to-borrow rule (default: IPO events, else a first bar later than the universe's). */
  readonly listingDates?: Readonly<Record<string, IsoDate>>;
}
