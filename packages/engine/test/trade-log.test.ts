import { describe, expect, it } from 'vitest';
import { runBacktest, type Strategy } from '../src/index';
import { TradeLog } from '../src/trade-log';
import { series } from './bars';

const dates = { date: (s: number): string => `2025-08-${String(s).padStart(2, '0')}` };

describe('the trade log (round trips as columns, Trade objects when read)', () => {
  it('sums entries, exits and costs as the round trip runs and writes the Trade from them', () => {
    const log = new TradeLog(['AAA', 'BBB'], dates);
    const j = log.open(1, false, 4, 'in', 'e1');
    log.entered(j, 10, 100, 10, 1, 0.5); // buy 10 @ 100, commission 1, slippage 0.5
    log.entered(j, 5, 106, 15, 1, 0.25); // add 5 @ 106
    log.charged(j, 'dividend', 3);
    log.exited(j, 15, 110, 15 * (110 - 102), 2, 0.75); // sell 15 @ 110 against an average of 102
    log.closed(j, 7, 'out');
    const k = log.open(0, true, 8, undefined, undefined);
    log.entered(k, 4, 50, 4, 0, 0);
    log.charged(k, 'borrow', -0.2);
    expect(log.trade(j, 0, 11)).toStrictEqual({
      id: 1, symbol: 'BBB', direction: 'long', quantity: 15, entryDate: '2025-08-04', entrySession: 4, entryPrice: (1000 + 530) / 15,
      grossPnl: 120 - 4 + 3 - (-4 - 1.5 + 0 + 3), pnl: 120 - 4 + 0 + 3, costs: { commission: -4, slippage: -1.5, borrow: 0, dividend: 3 },
      returnPct: (120 - 4 + 3) / 1530, sessionsHeld: 4, open: false, exitDate: '2025-08-07', exitSession: 7, exitPrice: 110, entryReason: 'in', exitReason: 'out', eventId: 'e1',
    });
    // An open trade is marked by the unrealized P&L given and held to the last session.
    expect(log.trade(k, -6, 11)).toStrictEqual({
      id: 2, symbol: 'AAA', direction: 'short', quantity: 4, entryDate: '2025-08-08', entrySession: 8, entryPrice: 50,
      grossPnl: -6.2 - (0 + 0 - 0.2 + 0), pnl: -6 + 0 - 0.2 + 0, costs: { commission: 0, slippage: 0, borrow: -0.2, dividend: 0 },
      returnPct: (-6 - 0.2) / 200, sessionsHeld: 4, open: true,
    });
  });

  it('through a run: a flip closes one round trip and opens the next, costs attributed, Σ gross P&L + costs = equity change', () => {
    const X = series('X', [
      ['2025-08-04', 100, 105, 95, 102],
      ['2025-08-05', 101, 103, 97, 98],
      ['2025-08-06', 95, 99, 90, 96],
      ['2025-08-07', 97, 110, 96, 108],
      ['2025-08-08', 108, 109, 100, 101, 0.5],
      ['2025-08-11', 100, 102, 99, 100],
    ]);
    const plan: Record<string, [('buy' | 'sell'), number][]> = { '2025-08-04': [['buy', 10]], '2025-08-05': [['sell', 4]], '2025-08-06': [['sell', 16]], '2025-08-08': [['buy', 6]] };
    const strategy: Strategy = {
      name: 'flip',
      onPreOpen(m, ctx) {
        for (const [side, quantity] of plan[m.date] ?? []) ctx.submit({ symbol: 'X', side, quantity, type: 'market-on-open', reason: `${side}-${m.date}` });
      },
    };
    const r = runBacktest({ source: [X], initialCash: 100_000, strategy, costs: { commission: { type: 'per-share', perShare: 0.01, minimum: 1 }, slippage: { type: 'bps', bps: 10 }, borrow: { annualRate: 0.05 } } });
    expect(r.trades.map((t) => [t.id, t.direction, t.quantity, t.entryDate, t.exitDate, t.open, t.entryReason, t.exitReason])).toEqual([
      [1, 'long', 10, '2025-08-04', '2025-08-06', false, 'buy-2025-08-04', 'sell-2025-08-06'],
      [2, 'short', 10, '2025-08-06', undefined, true, 'sell-2025-08-06', undefined],
    ]);
    const gross = r.trades.reduce((s, t) => s + t.grossPnl, 0);
    expect(gross + r.costTotals.total).toBeCloseTo(r.finalEquity - r.initialCash, 9);
    expect(r.trades[1]!.costs.borrow).toBeLessThan(0);
    // Short 10 at the pre-open of the ex-date (the buy of 6 fills at that open, after it): owes 0.50 × 10.
    expect(r.trades[1]!.costs.dividend).toBeCloseTo(-0.5 * 10, 9);
  });
});
