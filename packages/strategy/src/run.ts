import type { BarSeries, IsoDate, MarketEvent, TradingCalendar } from '@aftershock/core';
import type { BacktestResult, CostConfig, MarginConfig } from '@aftershock/engine';
import { runBacktest } from '@aftershock/engine';
import { totalReturnBenchmark } from './benchmark-series';
import { DEFAULT_COSTS } from './costs-default';
import { metricCaveats, movingSessions } from './metric-caveats';
import type { EventStrategy, SkippedPlan } from './event-strategy';
import type { StrategyMetrics } from './metrics';
import { computeMetrics } from './metrics';
import type { EventReturn } from './metrics-trade';
import { eventReturns } from './metrics-trade';
import type { RawParams } from './params';
import type { StrategyDefinition } from './registry';
import { strategyDefinition } from './registry';
import { loadedStrategyModule } from './user-module';
import type { TradeRecord } from './trade';
import { exposureFlags, toTradeRecord, tradedNotional } from './trade-records';

/** A strategy as a scenario names it: a built-in by name, or a module (loaded first by loadStrategyModule). */
export interface StrategySpec {
  /** The built-in's name, or the module's display name. */
  readonly name: string;
  /** Absolute path of a strategy module; when set, `name` only labels it. */
  readonly module?: string;
  /** Tells two configurations of one strategy apart; defaults to the name. */
  readonly label?: string;
  readonly params?: RawParams;
}

/** The shared inputs of a run: the same bars, events and costs for every strategy compared. */
export interface RunInputs {
  /** Every series traded, and the benchmark's. */
  readonly bars: readonly BarSeries[];
  readonly events: readonly MarketEvent[];
  readonly benchmark?: string;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** Default DEFAULT_COSTS. */
  readonly costs?: CostConfig;
  /** Default 100,000. */
  readonly initialCash?: number;
  readonly margin?: MarginConfig;
  readonly calendar?: TradingCalendar;
  /** Annual risk-free rate for Sharpe, Sortino and alpha (0 unless given). */
  readonly rf?: number;
  /**
   * Listing dates for the engine's hard-to-borrow rule. Lock-up events give their IPO date already; these add to
   * (and override) them.
   */
  readonly listingDates?: Readonly<Record<string, IsoDate>>;
}

/** Listing dates known from the events (a lock-up's IPO date), then the explicit ones. */
export function listingDatesOf(inputs: RunInputs): Record<string, IsoDate> {
  const out: Record<string, IsoDate> = {};
  for (const e of inputs.events) if (e.kind === 'lockup-expiry' && !(e.symbol in out)) out[e.symbol] = e.ipoDate;
  return { ...out, ...inputs.listingDates };
}

/** One strategy's run, serialisable to JSON (non-finite numbers become null in JSON). */
export interface StrategyRun {
  readonly label: string;
  readonly name: string;
  readonly params: RawParams;
  readonly metrics: StrategyMetrics;
  readonly trades: readonly TradeRecord[];
  readonly perEvent: readonly EventReturn[];
  readonly skipped: readonly SkippedPlan[];
  /** Equity at each session close. */
  readonly equity: readonly { readonly date: IsoDate; readonly equity: number }[];
  /** The benchmark's total-return close on the same sessions (NaN without one): the basis of alpha and beta. */
  readonly benchmark: readonly number[];
  /** Metrics that are not meaningful for this run, with why (see metricCaveats). */
  readonly caveats: Readonly<Record<string, string>>;
}

/** The last session of the run: `end`, else the last bar of any series. */
export function runEnd(inputs: RunInputs): IsoDate {
  if (inputs.end !== undefined) return inputs.end;
  let last = '';
  for (const b of inputs.bars) {
    const d = b.dates[b.length - 1];
    if (d !== undefined && d > last) last = d;
  }
  return last;
}

/** The definition behind a spec: the module's (already loaded) or the built-in's. */
export function definitionOf(spec: Pick<StrategySpec, 'name' | 'module'>): StrategyDefinition {
  return spec.module !== undefined ? loadedStrategyModule(spec.module) : strategyDefinition(spec.name);
}

/** Runs one strategy on the engine and computes its metrics. */
export function runStrategy(spec: StrategySpec, inputs: RunInputs): { run: StrategyRun; result: BacktestResult } {
  const label = spec.label ?? spec.name;
  const end = runEnd(inputs);
  const strategy = definitionOf(spec).create(spec.params ?? {}, { events: inputs.events, end, ...(inputs.benchmark !== undefined ? { benchmark: inputs.benchmark } : {}) }, label);
  const result = runBacktest({
    source: inputs.bars,
    events: inputs.events,
    strategy,
    initialCash: inputs.initialCash ?? 100_000,
    costs: inputs.costs ?? DEFAULT_COSTS,
    end,
    listingDates: listingDatesOf(inputs),
    ...(inputs.start !== undefined ? { start: inputs.start } : {}),
    ...(inputs.benchmark !== undefined ? { benchmark: inputs.benchmark } : {}),
    ...(inputs.margin !== undefined ? { margin: inputs.margin } : {}),
    ...(inputs.calendar !== undefined ? { calendar: inputs.calendar } : {}),
  });
  const trades = result.trades.map(toTradeRecord);
  const equity = result.equity.map((p) => p.equity);
  const benchSeries = inputs.benchmark !== undefined ? inputs.bars.find((b) => b.symbol === inputs.benchmark) : undefined;
  const benchmark = totalReturnBenchmark(benchSeries, result.equity.map((p) => p.date));
  const bench = benchSeries !== undefined ? benchmark : undefined;
  const metrics = computeMetrics({
    equity,
    grossExposure: exposureFlags(result),
    trades,
    tradedNotional: tradedNotional(result),
    ...(bench !== undefined && bench.every(Number.isFinite) ? { benchmark: bench } : {}),
    ...(inputs.rf !== undefined ? { rf: inputs.rf } : {}),
  });
  const skipped = (strategy as Partial<EventStrategy>).skipped ?? [];
  return {
    run: {
      label,
      name: spec.name,
      params: spec.params ?? {},
      metrics,
      trades,
      perEvent: eventReturns(trades),
      skipped: [...skipped],
      equity: result.equity.map((p) => ({ date: p.date, equity: p.equity })),
      benchmark,
      caveats: metricCaveats(metrics, movingSessions(equity)),
    },
    result,
  };
}
