import { money, num, pct } from './format';
import type { StrategyMetricsRow, StrategyResult } from './result-types';

/** One column of the strategy metrics tables: where the number is, how to print it, and which table it belongs to. */
export interface MetricCol {
  readonly label: string;
  readonly group: 'period' | 'trade' | 'costs';
  readonly value: (m: StrategyMetricsRow) => number | null | undefined;
  readonly text: (x: number | null | undefined) => string;
  /** Key into `metrics.caveats`. */
  readonly caveat?: string;
}

const days = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(0)}`);
const col = (label: string, group: MetricCol['group'], key: keyof StrategyMetricsRow, text: MetricCol['text']): MetricCol => ({
  label,
  group,
  value: (m) => m[key] as number | null | undefined,
  text,
  caveat: key,
});
const cost = (label: string, key: keyof StrategyMetricsRow['costsByKind']): MetricCol => ({ label, group: 'costs', value: (m) => m.costsByKind?.[key], text: (x) => money(x) });

/** Every metric a report shows, per period (the equity curve), per trade, and costs by kind. */
export const METRIC_COLS: readonly MetricCol[] = [
  col('total return', 'period', 'totalReturn', (x) => pct(x)),
  col('CAGR', 'period', 'cagr', (x) => pct(x)),
  col('volatility', 'period', 'volatility', (x) => pct(x)),
  col('Sharpe', 'period', 'sharpe', (x) => num(x)),
  col('Sortino', 'period', 'sortino', (x) => num(x)),
  col('Calmar', 'period', 'calmar', (x) => num(x)),
  col('max drawdown', 'period', 'maxDrawdown', (x) => pct(x)),
  col('max DD duration (sessions)', 'period', 'maxDrawdownDuration', days),
  col('longest drawdown (sessions)', 'period', 'longestDrawdown', days),
  col('exposure', 'period', 'exposure', (x) => pct(x, 1)),
  col('turnover (a year)', 'period', 'turnover', (x) => num(x)),
  col('alpha (a year)', 'period', 'alpha', (x) => pct(x)),
  col('beta', 'period', 'beta', (x) => num(x)),
  col('trades', 'trade', 'trades', (x) => (x === null || x === undefined ? '–' : String(x))),
  col('hit rate', 'trade', 'hitRate', (x) => pct(x, 1)),
  col('avg trade', 'trade', 'avgTradeReturn', (x) => pct(x)),
  col('median trade', 'trade', 'medianTradeReturn', (x) => pct(x)),
  col('profit factor', 'trade', 'profitFactor', (x) => num(x)),
  col('expectancy', 'trade', 'expectancy', (x) => money(x)),
  col('final equity', 'trade', 'finalEquity', (x) => money(x, 0)),
  cost('commission', 'commission'),
  cost('slippage', 'slippage'),
  cost('borrow', 'borrow'),
  cost('dividends', 'dividends'),
  col('total costs', 'costs', 'costs', (x) => money(x)),
];

/** Why a metric of a strategy means little, when it does. */
export function caveatOf(s: StrategyResult, c: MetricCol): string | undefined {
  return c.caveat !== undefined ? s.metrics.caveats?.[c.caveat] : undefined;
}

/** A metric's text with its caveat when it has one: `100.43 (only 2 trades)`, `– (flat equity curve)`. */
export function metricText(s: StrategyResult, c: MetricCol): string {
  const t = c.text(c.value(s.metrics));
  const why = caveatOf(s, c);
  return why ? `${t} (${why})` : t;
}

/** Columns of one group. */
export function metricCols(group: MetricCol['group']): MetricCol[] {
  return METRIC_COLS.filter((c) => c.group === group);
}

export const METRIC_GROUP_TITLES: Readonly<Record<MetricCol['group'], string>> = {
  period: 'Per period: the equity curve at each close, annualised over 252 sessions; alpha and beta against the benchmark’s total return.',
  trade: 'Per trade: net P&L over the money put in.',
  costs: 'Costs by kind: positive = paid; dividends = paid on shorts less received on longs; the total counts dividends only when owed.',
};
