import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest$, compareMessages, runBacktest, type BacktestConfig, type EngineMessage, type OrderType } from '../src/index';
import { cal, series, type Row } from './bars';

const DATES = cal.sessionsBetween('2025-06-02', '2025-07-31');

/** A random price path (positive OHLC with open/close inside the range) and occasional dividends. */
const path = fc.array(fc.record({ r: fc.double({ min: -0.08, max: 0.08, noNaN: true }), gap: fc.double({ min: -0.03, max: 0.03, noNaN: true }), span: fc.double({ min: 0, max: 0.05, noNaN: true }), div: fc.constantFrom(0, 0, 0, 0, 0.25) }), { minLength: DATES.length, maxLength: DATES.length });

const order = fc.record({
  day: fc.integer({ min: 0, max: DATES.length - 1 }),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  quantity: fc.integer({ min: 1, max: 40 }),
  type: fc.constantFrom<OrderType>('market-on-open', 'market-on-close', 'limit', 'stop'),
  offset: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  tif: fc.constantFrom('day' as const, 'gtc' as const),
});

function bars(steps: { r: number; gap: number; span: number; div: number }[]): Row[] {
  let c = 50;
  return steps.map((s, i) => {
    const open = c * (1 + s.gap);
    const close = Math.max(1, open * (1 + s.r));
    const high = Math.max(open, close) * (1 + s.span);
    const low = Math.min(open, close) * (1 - s.span);
    c = close;
    return [DATES[i]!, open, high, low, close, s.div] as const;
  });
}

describe('accounting invariants (property)', () => {
  it('equity change = Σ trade gross P&L + Σ itemised costs; the stream is in the one total order; runs repeat exactly', () => {
    fc.assert(
      fc.property(path, fc.array(order, { maxLength: 25 }), fc.boolean(), (steps, orders, margin) => {
        const X = series('X', bars(steps));
        const cfg = (): BacktestConfig => ({
          source: [X],
          initialCash: 5_000,
          ...(margin ? { margin: { maxGrossLeverage: 2 } } : {}),
          costs: { commission: { type: 'per-share' as const, perShare: 0.01, minimum: 1 }, slippage: { type: 'range-fraction' as const, fraction: 0.1 }, borrow: { annualRate: 0.25 } },
          strategy: {
            name: 'random',
            onSessionClose(m, ctx) {
              const v = ctx.series('X');
              const last = v.close(v.closedLength - 1);
              for (const o of orders) {
                if (DATES[o.day] !== m.date) continue;
                const px = last * (1 + o.offset);
                ctx.submit({ symbol: 'X', side: o.side, quantity: o.quantity, type: o.type, tif: o.tif, ...(o.type === 'limit' ? { limitPrice: px } : o.type === 'stop' ? { stopPrice: px } : {}) });
              }
            },
          },
        });
        const r = runBacktest(cfg());
        const gross = r.trades.reduce((s, t) => s + t.grossPnl, 0);
        const net = r.trades.reduce((s, t) => s + t.pnl, 0);
        const change = r.finalEquity - r.initialCash;
        expect(change).toBeCloseTo(gross + r.costTotals.total, 6);
        expect(change).toBeCloseTo(net, 6);
        // Without margin only cash can refuse an order; with margin only the leverage limit.
        for (const j of r.rejections) expect(j.code).toBe(margin ? 'MARGIN_EXCEEDED' : 'INSUFFICIENT_CASH');
        const msgs: EngineMessage[] = [];
        backtest$(cfg()).subscribe((m) => msgs.push(m));
        for (let i = 1; i < msgs.length; i++) expect(compareMessages(msgs[i - 1]!, msgs[i]!)).toBeLessThan(0);
        expect(JSON.stringify(runBacktest(cfg()))).toBe(JSON.stringify(r));
      }),
      { numRuns: 60, seed: 4 },
    );
  });
});
