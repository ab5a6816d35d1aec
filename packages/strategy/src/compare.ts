import type { IsoDate, MarketEvent } from '@aftershock/core';
import { AftershockError } from '@aftershock/core';
import type { JsonSafe } from './json-safe';
import { jsonSafe } from './json-safe';
import type { StrategyMetrics } from './metrics';
import type { RunInputs, StrategyRun, StrategySpec } from './run';
import { runStrategy } from './run';
import { comparePair, type ComparableRun, type PairComparison, type PairOptions } from './pair-compare';

/** One column of the side-by-side table: where the number comes from and how to show it. */
export interface MetricColumn {
  /** Path into StrategyMetrics, e.g. `period.sharpe`. */
  readonly key: string;
  readonly label: string;
  /** `period`, `trade` and `event` numbers are never mixed: the report groups columns by this. */
  readonly group: 'period' | 'trade' | 'event' | 'costs';
  readonly unit: 'fraction' | 'ratio' | 'count' | 'money' | 'sessions';
}

export const METRIC_COLUMNS: readonly MetricColumn[] = [
  { key: 'period.totalReturn', label: 'Total return', group: 'period', unit: 'fraction' },
  { key: 'period.cagr', label: 'CAGR', group: 'period', unit: 'fraction' },
  { key: 'period.volatility', label: 'Volatility (ann.)', group: 'period', unit: 'fraction' },
  { key: 'period.sharpe', label: 'Sharpe', group: 'period', unit: 'ratio' },
  { key: 'period.sortino', label: 'Sortino', group: 'period', unit: 'ratio' },
  { key: 'period.calmar', label: 'Calmar', group: 'period', unit: 'ratio' },
  { key: 'period.maxDrawdown', label: 'Max drawdown', group: 'period', unit: 'fraction' },
  { key: 'period.maxDrawdownDuration', label: 'Max DD duration', group: 'period', unit: 'sessions' },
  { key: 'period.exposure', label: 'Exposure', group: 'period', unit: 'fraction' },
  { key: 'period.turnover', label: 'Turnover (ann.)', group: 'period', unit: 'ratio' },
  { key: 'period.alpha', label: 'Alpha (ann.)', group: 'period', unit: 'fraction' },
  { key: 'period.beta', label: 'Beta', group: 'period', unit: 'ratio' },
  { key: 'trade.trades', label: 'Trades', group: 'trade', unit: 'count' },
  { key: 'trade.hitRate', label: 'Hit rate', group: 'trade', unit: 'fraction' },
  { key: 'trade.avgReturn', label: 'Avg trade return', group: 'trade', unit: 'fraction' },
  { key: 'trade.medianReturn', label: 'Median trade return', group: 'trade', unit: 'fraction' },
  { key: 'trade.profitFactor', label: 'Profit factor', group: 'trade', unit: 'ratio' },
  { key: 'trade.expectancy', label: 'Expectancy', group: 'trade', unit: 'money' },
  { key: 'trade.bestReturn', label: 'Best trade', group: 'trade', unit: 'fraction' },
  { key: 'trade.worstReturn', label: 'Worst trade', group: 'trade', unit: 'fraction' },
  { key: 'trade.netPnl', label: 'Net P&L', group: 'trade', unit: 'money' },
  { key: 'trade.costs.commission', label: 'Commission', group: 'costs', unit: 'money' },
  { key: 'trade.costs.slippage', label: 'Slippage', group: 'costs', unit: 'money' },
  { key: 'trade.costs.borrow', label: 'Borrow', group: 'costs', unit: 'money' },
  { key: 'trade.costs.dividends', label: 'Dividends', group: 'costs', unit: 'money' },
  { key: 'event.events', label: 'Events', group: 'event', unit: 'count' },
  { key: 'event.meanReturn', label: 'Mean return per event', group: 'event', unit: 'fraction' },
  { key: 'event.tStat', label: 't (per event)', group: 'event', unit: 'ratio' },
];

function pick(m: StrategyMetrics, key: string): number {
  let v: unknown = m;
  for (const k of key.split('.')) v = (v as Record<string, unknown>)[k];
  return typeof v === 'number' ? v : NaN;
}

/** One event of the comparison and each strategy's return on it (null: the strategy did not trade it). */
export interface EventRow {
  readonly eventId: string;
  readonly symbol: string;
  readonly date: IsoDate | null;
  readonly kind: string | null;
  readonly returns: Readonly<Record<string, number | null>>;
}

/** The result of a comparison, JSON-ready (non-finite numbers are null). */
export interface ComparisonResult {
  readonly strategies: readonly { readonly label: string; readonly name: string; readonly params: Readonly<Record<string, unknown>> }[];
  readonly columns: readonly MetricColumn[];
  /** One row per strategy, values in `columns` order. */
  readonly table: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  readonly events: readonly EventRow[];
  /** Every pair, on true pairs (see comparePair). */
  readonly pairs: readonly JsonSafe<PairComparison>[];
  readonly runs: readonly JsonSafe<StrategyRun>[];
}

export type CompareOptions = PairOptions;

/** Each event any run traded, in date order (then id), with every run's return on it (null: not traded). */
export function eventRows(runs: readonly ComparableRun[], events: readonly MarketEvent[]): EventRow[] {
  const byEvent = new Map(events.map((e) => [e.id, e]));
  const ids = [...new Set(runs.flatMap((r) => r.perEvent.map((e) => e.eventId)))];
  ids.sort((x, y) => (byEvent.get(x)?.date ?? '').localeCompare(byEvent.get(y)?.date ?? '') || x.localeCompare(y));
  const maps = runs.map((r) => new Map(r.perEvent.map((e) => [e.eventId, e.ret])));
  return ids.map((id) => {
    const e = byEvent.get(id);
    const returns: Record<string, number | null> = {};
    runs.forEach((r, k) => (returns[r.label] = maps[k]!.get(id) ?? null));
    return { eventId: id, symbol: e?.symbol ?? '', date: e?.date ?? null, kind: e?.kind ?? null, returns };
  });
}

/**
 * Runs several strategies on the same events, data and costs, and puts them side by side: a metrics table, every
 * event's return under each strategy, and for each pair the mean difference on true pairs — the events both traded,
 * or the daily returns when no event was traded by both — with its t and a seeded paired bootstrap interval.
 */
export function compareStrategies(specs: readonly StrategySpec[], inputs: RunInputs, opts: CompareOptions = {}): ComparisonResult {
  const labels = specs.map((s) => s.label ?? s.name);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) throw new AftershockError('STRATEGY_DUPLICATE_LABEL', `two strategies share the label "${dup}": give each a distinct label`, { field: 'label' });
  const runs = specs.map((s) => runStrategy(s, inputs).run);
  const events = eventRows(runs, inputs.events);
  const order = events.map((e) => e.eventId);
  const pairs: JsonSafe<PairComparison>[] = [];
  for (let i = 0; i < runs.length; i++) for (let j = i + 1; j < runs.length; j++) pairs.push(jsonSafe(comparePair(runs[i]!, runs[j]!, order, opts)));
  return {
    strategies: runs.map((r) => ({ label: r.label, name: r.name, params: r.params })),
    columns: METRIC_COLUMNS,
    table: runs.map((r) => ({ label: r.label, values: METRIC_COLUMNS.map((c) => jsonSafe(pick(r.metrics, c.key))) })),
    events,
    pairs,
    runs: runs.map((r) => jsonSafe(r)),
  };
}
