import type { AlphaBeta } from './metrics-period';
import {
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
import type { EventMetrics, TradeMetrics } from './metrics-trade';
import { eventMetrics, eventReturns, tradeMetrics } from './metrics-trade';
import type { TradeRecord } from './trade';

/** What the metrics need from a run: a per-session equity curve, the gross exposure per session, the trades. */
export interface MetricsInput {
  /** Equity at each session close, oldest first. */
  readonly equity: ArrayLike<number>;
  /** Gross exposure (|long| + |short| market value) at each session close, same length as equity. */
  readonly grossExposure: ArrayLike<number>;
  readonly trades: readonly TradeRecord[];
  /** Σ |fill price × qty| over every fill (entries and exits). */
  readonly tradedNotional: number;
  /** Benchmark prices on the same sessions as `equity` (the engine records its close), for alpha and beta. */
  readonly benchmark?: ArrayLike<number>;
  /** Annual risk-free rate; 0 unless given. */
  readonly rf?: number;
  readonly periodsPerYear?: number;
}

/** Per-period metrics (from the equity curve, annualised with 252 sessions a year unless told otherwise). */
export interface PeriodMetrics {
  readonly periods: number;
  readonly totalReturn: number;
  readonly cagr: number;
  readonly volatility: number;
  readonly sharpe: number;
  readonly sortino: number;
  readonly calmar: number;
  readonly maxDrawdown: number;
  /** Sessions from the peak before the deepest trough to its recovery (or the end). */
  readonly maxDrawdownDuration: number;
  readonly longestUnderwater: number;
  readonly exposure: number;
  readonly turnover: number;
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Every metric of a strategy, with per-period, per-trade and per-event numbers kept apart: mixing a trade
 * return with a daily one is a classic source of wrong numbers.
 */
export interface StrategyMetrics {
  readonly period: PeriodMetrics;
  readonly trade: TradeMetrics;
  readonly event: EventMetrics;
}

/** Computes every metric of one run. */
export function computeMetrics(input: MetricsInput): StrategyMetrics {
  const ppy = input.periodsPerYear ?? PERIODS_PER_YEAR;
  const rf = input.rf ?? 0;
  const eq = input.equity;
  const r = periodReturns(eq);
  const dd = maxDrawdown(eq);
  let ab: AlphaBeta = { beta: NaN, alphaPerPeriod: NaN, alphaAnnual: NaN, n: 0 };
  if (input.benchmark) ab = alphaBeta(r, periodReturns(input.benchmark), rf, ppy);
  return {
    period: {
      periods: r.length,
      totalReturn: totalReturn(eq),
      cagr: cagr(eq, ppy),
      volatility: annualVolatility(r, ppy),
      sharpe: sharpe(r, rf, ppy),
      sortino: sortino(r, rf, ppy),
      calmar: calmar(eq, ppy),
      maxDrawdown: dd.maxDrawdown,
      maxDrawdownDuration: dd.duration,
      longestUnderwater: dd.longestUnderwater,
      exposure: exposure(input.grossExposure),
      turnover: turnover(input.tradedNotional, eq, ppy),
      alpha: ab.alphaAnnual,
      beta: ab.beta,
    },
    trade: tradeMetrics(input.trades),
    event: eventMetrics(eventReturns(input.trades)),
  };
}
