import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../src/index';
import {
  alphaBeta,
  annualVolatility,
  cagr,
  calmar,
  computeMetrics,
  eventMetrics,
  eventReturns,
  exposure,
  maxDrawdown,
  median,
  periodReturns,
  sampleSd,
  sharpe,
  sortino,
  totalReturn,
  tradeMetrics,
  turnover,
} from '../src/index';

// Equity moves +10%, −10%, +10%, +10%: returns 0.1, −0.1, 0.1, 0.1.
const EQ = [100, 110, 99, 108.9, 119.79];
// Benchmark moves 0.045, −0.055, 0.045, 0.045, so strategy = 0.01 + 2 × benchmark exactly.
const BM = [100, 104.5, 98.7525, 98.7525 * 1.045, 98.7525 * 1.045 * 1.045];

function trade(eventId: string | null, netPnl: number, costs = { commission: 1, slippage: 2, borrow: 0.5, dividends: 0 }): TradeRecord {
  const total = costs.commission + costs.slippage + costs.borrow + costs.dividends;
  return {
    eventId, symbol: 'X', side: 'short', qty: 10, entryDate: '2025-01-02', entryPrice: 100,
    exitDate: '2025-01-06', exitPrice: 100 - (netPnl + total) / 10, sessionsHeld: 2,
    grossPnl: netPnl + total, costs, netPnl, notional: 1000, ret: netPnl / 1000, exitReason: 'exit',
  };
}

describe('per-period metrics (hand-computed)', () => {
  const r = periodReturns(EQ);
  it('returns, total return and CAGR', () => {
    expect(Array.from(r).map((x) => +x.toFixed(12))).toEqual([0.1, -0.1, 0.1, 0.1]);
    expect(totalReturn(EQ)).toBeCloseTo(0.1979, 12);
    // 4 periods with 4 periods a year = exactly one year: CAGR = total return.
    expect(cagr(EQ, 4)).toBeCloseTo(0.1979, 12);
    // With 252 a year the 4 periods are 4/252 of a year: 1.1979^(63) − 1.
    expect(cagr(EQ)).toBeCloseTo(Math.pow(1.1979, 63) - 1, 6);
  });
  it('volatility, Sharpe and Sortino use the sample sd, 252 periods and rf = 0', () => {
    // mean 0.05; deviations 0.05, −0.15, 0.05, 0.05 → Σd² = 0.03 → sample var 0.01 → sd 0.1.
    expect(sampleSd(r)).toBeCloseTo(0.1, 12);
    expect(annualVolatility(r)).toBeCloseTo(0.1 * Math.sqrt(252), 12);
    expect(sharpe(r)).toBeCloseTo((0.05 / 0.1) * Math.sqrt(252), 10);
    // Downside deviation √((0.1²)/4) = 0.05 → Sortino = 0.05 / 0.05 × √252.
    expect(sortino(r)).toBeCloseTo(Math.sqrt(252), 10);
    // rf = 2.52% a year = 0.0001 a period.
    expect(sharpe(r, 0.0252)).toBeCloseTo((0.0499 / 0.1) * Math.sqrt(252), 10);
  });
  it('max drawdown, its duration and Calmar', () => {
    const dd = maxDrawdown(EQ);
    // Peak 110 (index 1), trough 99 (index 2): −10%; first close ≥ 110 is 119.79 (index 4) → 3 periods.
    expect(dd.maxDrawdown).toBeCloseTo(0.1, 12);
    expect([dd.peak, dd.trough, dd.recovery, dd.duration, dd.longestUnderwater]).toEqual([1, 2, 4, 3, 3]);
    expect(calmar(EQ, 4)).toBeCloseTo(1.979, 10);
    const never = maxDrawdown([100, 75, 95]);
    expect([never.maxDrawdown, never.recovery, never.duration]).toEqual([0.25, -1, 2]);
    expect(maxDrawdown([1, 2, 3]).maxDrawdown).toBe(0);
  });
  it('exposure and turnover', () => {
    expect(exposure([0, 50, 60, 0, 0])).toBe(0.4);
    // 200 traded / mean equity 107.538, over 4 periods with 4 a year.
    expect(turnover(200, EQ, 4)).toBeCloseTo(200 / 107.538, 10);
  });
  it('alpha and beta against the benchmark', () => {
    const ab = alphaBeta(r, periodReturns(BM), 0, 4);
    expect(ab.beta).toBeCloseTo(2, 10);
    expect(ab.alphaPerPeriod).toBeCloseTo(0.01, 10);
    expect(ab.alphaAnnual).toBeCloseTo(0.04, 10);
  });
});

describe('per-trade and per-event metrics (hand-computed)', () => {
  // Net P&L +30, −10 (event e1), +20 (e2), −20 (e3) on 1,000 notional each.
  const trades = [trade('e1', 30), trade('e1', -10), trade('e2', 20), trade('e3', -20)];
  it('hit rate, averages, profit factor, expectancy, best and worst', () => {
    const m = tradeMetrics(trades);
    expect(m.trades).toBe(4);
    expect(m.hitRate).toBe(0.5);
    expect(m.avgReturn).toBeCloseTo(0.005, 12); // (0.03 − 0.01 + 0.02 − 0.02) / 4
    expect(m.medianReturn).toBeCloseTo(0.005, 12); // sorted −0.02, −0.01, 0.02, 0.03 → (−0.01 + 0.02) / 2
    expect(m.profitFactor).toBeCloseTo(50 / 30, 12);
    expect(m.expectancy).toBe(5); // 20 / 4
    expect([m.bestReturn, m.worstReturn]).toEqual([0.03, -0.02]);
    expect(m.costs).toEqual({ commission: 4, slippage: 8, borrow: 2, dividends: 0 });
    expect(m.totalCosts).toBe(14);
    expect(m.grossPnl).toBe(34);
  });
  it('profit factor edge cases', () => {
    expect(tradeMetrics([trade('a', 5)]).profitFactor).toBe(Infinity);
    expect(tradeMetrics([]).profitFactor).toBeNaN();
    expect(tradeMetrics([]).hitRate).toBeNaN();
  });
  it('event returns pool trades of one event; t-stat = mean / (sd / √n)', () => {
    const ev = eventReturns([...trades, trade(null, 99)]);
    expect(ev.map((e) => [e.eventId, +e.ret.toFixed(12), e.trades])).toEqual([['e1', 0.01, 2], ['e2', 0.02, 1], ['e3', -0.02, 1]]);
    const m = eventMetrics(ev);
    // mean 0.01/3; deviations 0.02/3, 0.05/3, −0.07/3 → Σd² = 0.0078/9 → var 0.0039/9 → sd = √0.0039 / 3.
    const sd = Math.sqrt(0.0039) / 3;
    expect(m.meanReturn).toBeCloseTo(0.01 / 3, 12);
    expect(m.sd).toBeCloseTo(sd, 12);
    expect(m.tStat).toBeCloseTo(0.01 / 3 / (sd / Math.sqrt(3)), 10);
  });
  it('computeMetrics keeps per-period, per-trade and per-event numbers apart', () => {
    const m = computeMetrics({ equity: EQ, grossExposure: [0, 1, 1, 0, 0], trades, tradedNotional: 200, benchmark: BM, periodsPerYear: 4 });
    expect(m.period.totalReturn).toBeCloseTo(0.1979, 12);
    expect(m.period.beta).toBeCloseTo(2, 10);
    expect(m.period.maxDrawdownDuration).toBe(3);
    expect(m.trade.trades).toBe(4);
    expect(m.event.events).toBe(3);
  });
  it('median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
