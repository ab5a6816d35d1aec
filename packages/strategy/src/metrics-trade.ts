import { mean, median, sampleSd } from './stats';
import type { CostsByKind, TradeRecord } from './trade';
import { NO_COSTS, addCosts } from './trade';

/**
 * Per-trade metrics. Every return here is a **trade** return (net P&L over the trade's entry notional), never a
 * period return; they are not annualised and must not be compared with the per-period Sharpe or volatility.
 */
export interface TradeMetrics {
  readonly trades: number;
  /** Share of trades with net P&L > 0. */
  readonly hitRate: number;
  readonly avgReturn: number;
  readonly medianReturn: number;
  /** Gross profit / gross loss of net P&L: Σ wins / |Σ losses|; Infinity with wins and no losses, NaN with neither. */
  readonly profitFactor: number;
  /** Mean net P&L per trade, in currency (= hit rate × mean win − loss rate × mean |loss|). */
  readonly expectancy: number;
  readonly bestReturn: number;
  readonly worstReturn: number;
  readonly netPnl: number;
  readonly grossPnl: number;
  /** Mean sessions held. */
  readonly avgSessionsHeld: number;
  /** Costs summed over every trade, by kind (positive = paid). */
  readonly costs: CostsByKind;
  readonly totalCosts: number;
}

/** Per-trade metrics of a list of closed trades. */
export function tradeMetrics(trades: readonly TradeRecord[]): TradeMetrics {
  const n = trades.length;
  const rets = trades.map((t) => t.ret);
  let wins = 0;
  let winSum = 0;
  let lossSum = 0;
  let net = 0;
  let gross = 0;
  let held = 0;
  let costs = NO_COSTS;
  for (const t of trades) {
    if (t.netPnl > 0) {
      wins++;
      winSum += t.netPnl;
    } else if (t.netPnl < 0) lossSum += -t.netPnl;
    net += t.netPnl;
    gross += t.grossPnl;
    held += t.sessionsHeld;
    costs = addCosts(costs, t.costs);
  }
  const pf = lossSum > 0 ? winSum / lossSum : winSum > 0 ? Infinity : NaN;
  return {
    trades: n,
    hitRate: n ? wins / n : NaN,
    avgReturn: mean(rets),
    medianReturn: median(rets),
    profitFactor: pf,
    expectancy: n ? net / n : NaN,
    bestReturn: n ? Math.max(...rets) : NaN,
    worstReturn: n ? Math.min(...rets) : NaN,
    netPnl: net,
    grossPnl: gross,
    avgSessionsHeld: n ? held / n : NaN,
    costs,
    totalCosts: costs.commission + costs.slippage + costs.borrow + costs.dividends,
  };
}

/** One event's return: the net P&L of its trades over their summed entry notional. */
export interface EventReturn {
  readonly eventId: string;
  readonly ret: number;
  readonly trades: number;
}

/**
 * Per-event returns, in first-seen order: trades without an event are left out. When an event caused several
 * trades, its return is Σ netPnl / Σ notional.
 */
export function eventReturns(trades: readonly TradeRecord[]): EventReturn[] {
  const by = new Map<string, { pnl: number; notional: number; trades: number }>();
  for (const t of trades) {
    if (t.eventId === null) continue;
    const g = by.get(t.eventId) ?? { pnl: 0, notional: 0, trades: 0 };
    g.pnl += t.netPnl;
    g.notional += t.notional;
    g.trades++;
    by.set(t.eventId, g);
  }
  return [...by].map(([eventId, g]) => ({ eventId, ret: g.notional > 0 ? g.pnl / g.notional : 0, trades: g.trades }));
}

/** The event-level view: mean return per event, its sample sd and its t-statistic mean / (sd / √n). */
export interface EventMetrics {
  readonly events: number;
  readonly meanReturn: number;
  readonly sd: number;
  readonly tStat: number;
}

export function eventMetrics(perEvent: readonly EventReturn[]): EventMetrics {
  const r = perEvent.map((e) => e.ret);
  const m = mean(r);
  const sd = sampleSd(r);
  return { events: r.length, meanReturn: m, sd, tStat: sd > 0 ? m / (sd / Math.sqrt(r.length)) : NaN };
}
