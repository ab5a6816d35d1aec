import { describe, expect, it } from 'vitest';
import { loadSymbol, resolveDataRoot } from '@aftershock/data';
import { runBacktest, streamingSource, type BacktestConfig, type OrderRequest, type Strategy } from '@aftershock/engine';

// Real-data cross-checks of the engine on CoreWeave (CRWV) around its Q2-2025 report (after the close on 2025-08-12).
const root = resolveDataRoot();
const crwv = loadSymbol(root, 'CRWV');
const spy = loadSymbol(root, 'SPY');

/** Submits a market-on-close order in the close phase of each listed date. */
function atCloses(orders: Record<string, OrderRequest>): Strategy {
  return {
    name: 'at-closes',
    onSessionClose(msg, ctx) {
      const o = orders[msg.date];
      if (o !== undefined) ctx.submit(o);
    },
  };
}

describe('engine on real CRWV bars', () => {
  it('buy at the close of 2025-08-12, sell at the close of 2025-08-13, no costs: exactly the close-to-close return', () => {
    const c0 = crwv.close[crwv.dates.indexOf('2025-08-12')]!;
    const c1 = crwv.close[crwv.dates.indexOf('2025-08-13')]!;
    expect(c0).toBeCloseTo(148.75, 6);
    expect(c1).toBeCloseTo(117.76, 4);
    const r = runBacktest({
      source: [crwv, spy],
      benchmark: 'SPY',
      start: '2025-08-11',
      end: '2025-08-15',
      initialCash: 148.75 * 100,
      strategy: atCloses({
        '2025-08-12': { symbol: 'CRWV', side: 'buy', quantity: 100, type: 'market-on-close', reason: 'before-report', eventId: 'CRWV-2025Q2' },
        '2025-08-13': { symbol: 'CRWV', side: 'sell', quantity: 100, type: 'market-on-close', reason: 'day0-close' },
      }),
    });
    expect(r.fills.map((f) => [f.date, f.side, f.price])).toEqual([
      ['2025-08-12', 'buy', c0],
      ['2025-08-13', 'sell', c1],
    ]);
    expect(r.trades).toHaveLength(1);
    const t = r.trades[0]!;
    // (100·c1 − 100·c0) / (100·c0) equals c1/c0 − 1 up to floating rounding (one ulp).
    expect(Math.abs(t.returnPct - (c1 / c0 - 1))).toBeLessThan(1e-15);
    expect(t.returnPct).toBeCloseTo(117.76 / 148.75 - 1, 6); // −20.8 %
    expect(Math.round(t.returnPct * 1000) / 10).toBe(-20.8);
    expect([t.entryReason, t.exitReason, t.eventId]).toEqual(['before-report', 'day0-close', 'CRWV-2025Q2']);
    const e12 = r.equity.find((p) => p.date === '2025-08-12')!;
    const e13 = r.equity.find((p) => p.date === '2025-08-13')!;
    expect(e13.equity / e12.equity - 1).toBeCloseTo(c1 / c0 - 1, 12);
    expect(r.costs).toEqual([]);
    expect(e12.benchmark).toBeCloseTo(642.69, 2);
  });

  it('short at the close of 2025-08-13, cover at the close of 2025-08-15: every cost line, summing to the equity change to the cent', () => {
    const q = 100;
    const cash0 = 100_000;
    const r = runBacktest({
      source: [crwv],
      start: '2025-08-12',
      end: '2025-08-18',
      initialCash: cash0,
      costs: {
        slippage: { type: 'bps', bps: 50 },
        commission: { type: 'bps', bps: 1 },
        borrow: { annualRate: 0.3 },
      },
      strategy: atCloses({
        '2025-08-13': { symbol: 'CRWV', side: 'sell', quantity: q, type: 'market-on-close', reason: 'short-day0' },
        '2025-08-15': { symbol: 'CRWV', side: 'buy', quantity: q, type: 'market-on-close', reason: 'cover-lockup-day0' },
      }),
    });
    // Hand computation (closes from focus/CRWV.csv): C13 = 117.76000213623047, C14 = 99.50499725341797, C15 = 99.97000122070312.
    const close = (d: string): number => crwv.close[crwv.dates.indexOf(d)]!;
    const C13 = close('2025-08-13');
    const C14 = close('2025-08-14');
    const C15 = close('2025-08-15');
    expect([C13, C14, C15].map((c) => c.toFixed(3))).toEqual(['117.760', '99.505', '99.970']);
    // Short fill: 117.76 × (1 − 0.005) = 117.1712; cover fill: 99.97 × 1.005 = 100.46985.
    const pShort = C13 * (1 - 0.005);
    const pCover = C15 * (1 + 0.005);
    // Slippage: 100 × 117.76 × 0.005 = 58.88 and 100 × 99.97 × 0.005 = 49.985 → 108.865.
    const slippage = q * C13 * 0.005 + q * C15 * 0.005;
    // Commission 1 bp of notional: 0.0001 × 11,717.12 = 1.171712 and 0.0001 × 10,046.985 = 1.0046985 → 2.1764105.
    const commission = 0.0001 * q * pShort + 0.0001 * q * pCover;
    // Borrow, per calendar day on the previous close's market value, at 30 %/365:
    // night 13→14: 11,776.00 × 0.30 / 365 = 9.6789; night 14→15: 9,950.50 × 0.30 / 365 = 8.1785 → 17.8574.
    const borrow = (q * C13 * 0.3) / 365 + (q * C14 * 0.3) / 365;
    // Gross P&L at reference closes: 100 × (117.76 − 99.97) = 1,779.00.
    const gross = q * (C13 - C15);
    // Equity change = 1,779.00 − 108.865 − 2.1764 − 17.8574 = 1,650.10.
    const expected = gross - slippage - commission - borrow;
    expect(expected).toBeCloseTo(1650.1, 1);

    const byKind = (k: string): number => r.costs.filter((c) => c.kind === k).reduce((s, c) => s + c.amount, 0);
    expect(r.costs.filter((c) => c.kind === 'slippage')).toHaveLength(2);
    expect(r.costs.filter((c) => c.kind === 'commission')).toHaveLength(2);
    expect(r.costs.filter((c) => c.kind === 'borrow').map((c) => c.date)).toEqual(['2025-08-14', '2025-08-15']);
    expect(byKind('slippage')).toBeCloseTo(-slippage, 9);
    expect(byKind('commission')).toBeCloseTo(-commission, 9);
    expect(byKind('borrow')).toBeCloseTo(-borrow, 9);
    expect(byKind('dividend')).toBe(0);
    const change = r.finalEquity - cash0;
    expect(Math.round(change * 100)).toBe(Math.round(expected * 100));
    const t = r.trades[0]!;
    expect(t.direction).toBe('short');
    expect(Math.round((t.grossPnl + r.costTotals.total) * 100)).toBe(Math.round(change * 100));
    expect(Math.round(t.grossPnl * 100)).toBe(Math.round(gross * 100));
    expect(Math.round(t.pnl * 100)).toBe(Math.round(change * 100));
    expect(r.costTotals.total).toBeCloseTo(-(slippage + commission + borrow), 9);
  });

  it('dividends from the dividend file: SPY ex 2025-06-20 ($1.761) paid to a long held over it, charged to a short', () => {
    const hold = (side: 'buy' | 'sell'): ReturnType<typeof runBacktest> =>
      runBacktest({
        source: [spy],
        start: '2025-06-16',
        end: '2025-06-24',
        initialCash: 100_000,
        strategy: atCloses({ '2025-06-18': { symbol: 'SPY', side, quantity: 100, type: 'market-on-close' } }),
      });
    const long = hold('buy');
    const short = hold('sell');
    expect(long.costs.map((c) => [c.kind, c.date, c.amount])).toEqual([['dividend', '2025-06-20', expect.closeTo(176.1, 9)]]);
    expect(short.costs.map((c) => [c.kind, c.date, c.amount])).toEqual([['dividend', '2025-06-20', expect.closeTo(-176.1, 9)]]);
    // Equity change of the long over the ex-date = price change + the dividend in cash:
    // 100 × (606.78 − 597.44) + 100 × 1.761 = 934.00 + 176.10 = 1,110.10.
    const i0 = spy.dates.indexOf('2025-06-18');
    const i1 = spy.dates.indexOf('2025-06-24');
    const e = (d: string): number => long.equity.find((p) => p.date === d)!.equity;
    expect(e('2025-06-24') - e('2025-06-18')).toBeCloseTo(100 * (spy.close[i1]! - spy.close[i0]!) + 176.1, 6);
    expect(e('2025-06-24') - e('2025-06-18')).toBeCloseTo(1110.1, 1);
    // …close to the dividend-adjusted (reinvested) return, which differs only by the dividend's own return.
    expect((e('2025-06-24') - e('2025-06-18')) / (100 * spy.close[i0]!)).toBeCloseTo(spy.adjClose[i1]! / spy.adjClose[i0]! - 1, 3);
  });

  it('is deterministic: the same scenario twice gives identical fills and equity (identical JSON)', () => {
    const make = (source: BacktestConfig['source'] = [crwv, spy]): BacktestConfig => ({
      source,
      benchmark: 'SPY',
      start: '2025-06-02',
      end: '2025-09-30',
      initialCash: 50_000,
      costs: { slippage: { type: 'range-fraction', fraction: 0.1 }, commission: { type: 'per-share', perShare: 0.005, minimum: 1 }, borrow: { annualRate: 0.05, hardToBorrow: { rate: 0.4, listedWithinDays: 365 } } },
      strategy: {
        name: 'flip',
        onSessionClose(msg, ctx) {
          const v = ctx.series('CRWV');
          const n = v.closedLength;
          if (n < 6) return;
          const up = v.close(n - 1) > v.close(n - 6);
          const q = ctx.portfolio.position('CRWV')?.quantity ?? 0;
          if (up && q <= 0) ctx.submit({ symbol: 'CRWV', side: 'buy', quantity: 50 - q, type: 'market-on-open', reason: 'momentum-up' });
          if (!up && q >= 0) ctx.submit({ symbol: 'CRWV', side: 'sell', quantity: 50 + q, type: 'market-on-open', reason: 'momentum-down' });
        },
      },
    });
    const a = runBacktest(make());
    const b = runBacktest(make());
    expect(a.fills.length).toBeGreaterThan(5);
    expect(a.costs.some((c) => c.kind === 'borrow')).toBe(true);
    expect(JSON.stringify(a.fills)).toBe(JSON.stringify(b.fills));
    expect(JSON.stringify(a.equity)).toBe(JSON.stringify(b.equity));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // Streaming the same files bar by bar gives the same run.
    const c = runBacktest(make(streamingSource([crwv, spy])));
    expect(JSON.stringify(c.fills)).toBe(JSON.stringify(a.fills));
    expect(JSON.stringify(c.equity)).toBe(JSON.stringify(a.equity));
    // Every equity change is explained by gross P&L plus the itemised costs.
    const gross = a.trades.reduce((s, t) => s + t.grossPnl, 0);
    expect(a.finalEquity - a.initialCash).toBeCloseTo(gross + a.costTotals.total, 6);
  });
});
