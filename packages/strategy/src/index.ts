export { mean, median, quantileSorted, sampleSd, sum } from './stats';
export { mulberry32 } from '@aftershock/core';
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
export { FEW_TRADES, MIN_MOVING_SESSIONS, metricCaveats, movingSessions } from './metric-caveats';
export { totalReturnBenchmark } from './benchmark-series';
export type { MetricsInput, PeriodMetrics, StrategyMetrics } from './metrics';
export { atrSeries, bollingerSeries, emaSeries, padLeft, rsiSeries, smaSeries } from './indicators';
export type { Bands } from './indicators';
export { INDICATOR_NAMES, filtersPass, indicatorSeries, parseFilters } from './filters';
export type { FilterOp, IndicatorFilter, IndicatorName } from './filters';
export { pairedBootstrap } from './bootstrap';
export type { PairedBootstrap } from './bootstrap';
export { checkParams, decimal, describeParams, flag, oneOf, paramNames, percent, resolveParams, text, whole } from './params';
export type { ParamDoc, ParamIssue, ParamValue, ParamsSchema, RawParams, StandardParams } from './params';
export { show } from './show';
export { eventStrategy } from './event-strategy';
export type { EventStrategy, ExecutionOptions, Planner, SkippedPlan, TradePlan } from './event-strategy';
export { visibleBars } from './visible-bars';
export { eventIndex } from './strategy-env';
export type { StrategyEnv } from './strategy-env';
export { COMMON_PARAMS, executionOptions, filtersParam } from './common-params';
export type { CommonParams } from './common-params';
export { LOCKUP_SHORT_PARAMS, lockupShort } from './lockup-short';
export { EARNINGS_REACTION_PARAMS, earningsReaction } from './earnings-reaction';
export { SURPRISE_DRIFT_PARAMS, surpriseDrift } from './surprise-drift';
export { PRE_EVENT_RUNUP_PARAMS, preEventRunup } from './pre-event-runup';
export { HOLD_THROUGH_PARAMS, holdThrough } from './hold-through';
export { BUY_AND_HOLD_PARAMS, buyAndHold } from './buy-and-hold';
export { STRATEGIES, createStrategy, strategyDefinition } from './registry';
export type { StrategyDefinition } from './registry';
export { DEFAULT_COSTS } from './costs-default';
export { exposureFlags, toTradeRecord, tradedNotional } from './trade-records';
export { definitionOf, listingDatesOf, runEnd, runStrategy } from './run';
export { loadStrategyModule, loadedStrategyModule, tsxApiUrl } from './user-module';
export type { StrategyFactory } from './user-module';
export type { RunInputs, StrategyRun, StrategySpec } from './run';
export { jsonSafe } from './json-safe';
export type { JsonSafe } from './json-safe';
export { METRIC_COLUMNS, compareStrategies, eventRows } from './compare';
export type { CompareOptions, ComparisonResult, EventRow, MetricColumn } from './compare';
export { comparePair, dailyReturns, pairedDifference } from './pair-compare';
export type { ComparableRun, PairBasis, PairComparison, PairedDifference, PairOptions } from './pair-compare';
export { checkGrid, expandGrid, range } from './grid';
export type { ParamGrid } from './grid';
export { eventSession, walkForwardFolds, walkForwardText } from './walk-forward';
export type { Fold, WalkForward } from './walk-forward';
export { scoreFold, trainingEvents } from './fold-score';
export type { FoldScore } from './fold-score';
export { OBJECTIVES, argBest, scoreOn } from './sweep-score';
export type { Objective, ScoreSummary } from './sweep-score';
export { evaluatePoint, runInputsOf } from './sweep-core';
export type { PointOutcome, SweepCalendar, SweepInputs, SweepStrategy } from './sweep-core';
export { ttyProgress } from './progress';
export type { ProgressSink, ProgressStream } from './progress';
export { runSweep } from './sweep';
export type { FoldResult, SweepOptions, SweepPoint, SweepResult, SweepSpec } from './sweep';
export type { WorkerLoader } from './worker-pool';
export { QUEUE_NAME, parseQueueUrl, probeQueue } from './queue-connection';
export type { QueueTarget } from './queue-connection';
export { QueueClient } from './queue-client';
export type { QueueClientOptions, QueueJob, QueueProgress } from './queue-client';
export { serveQueue } from './queue-worker';
export type { QueueHandler, QueueWorker, QueueWorkerOptions } from './queue-worker';
export { decodeJson, encodeJson } from './queue-codec';
export { SWEEP_POINT_JOB, queueEvaluator } from './queue-sweep';
export type { SweepPointJob } from './queue-sweep';
