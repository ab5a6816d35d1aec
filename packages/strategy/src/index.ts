export { mean, median, quantileSorted, sampleSd, sum } from './stats';
export { mulberry32 } from './prng';
export { NO_COSTS, addCosts, totalCost } from './trade';
export type { CostsByKind, FillAt, Side, TradeRecord } from './trade';
export {
  PERIODS_PER_YEAR,
  alphaBeta,
  annualVolatility,
  cagr,
  calmar,
  exposure,
  maxDrawdown,
  periodReturns,
  sharpe,
  sortino,
  totalReturn,
  turnover,
} from './metrics-period';
export type { AlphaBeta, Drawdown } from './metrics-period';
export { eventMetrics, eventReturns, tradeMetrics } from './metrics-trade';
export type { EventMetrics, EventReturn, TradeMetrics } from './metrics-trade';
export { computeMetrics } from './metrics';
export type { MetricsInput, PeriodMetrics, StrategyMetrics } from './metrics';
export { atrSeries, bollingerSeries, emaSeries, padLeft, rsiSeries, smaSeries } from './indicators';
export type { Bands } from './indicators';
export { INDICATOR_NAMES, filtersPass, indicatorSeries, parseFilters } from './filters';
export type { FilterOp, IndicatorFilter, IndicatorName } from './filters';
export { pairedBootstrap } from './bootstrap';
export type { PairedBootstrap } from './bootstrap';
