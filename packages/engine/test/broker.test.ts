import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestConfig, type Rejection, type Strategy, type StrategyContext } from '../src/index';
import { series } from './bars';

// Hand-worked bars (o, h, l, c, dividend):
const X = series('X', [
  ['2025-08-04', 100, 105, 95, 102],
  ['2025-08-05', 101, 103, 97, 98],
  ['2025-08-06', 95, 99, 90, 96], // gaps down
  ['2025-08-07', 97, 110, 96, 108],
  ['2025-08-08', 108, 109, 100, 101, 0.5], // ex-dividend 0.50
  ['2025-08-11', 100, 102, 99, 100],
]);

/** Runs actions at `date phase` keys ('2025-08-05 pre-open', '… close' (onSessionClose) …). */
function script(actions: Record<string, (ctx: StrategyContext) => void>, rejects: Rejection[] = []): Strategy {
  const at = (key: string, ctx: StrategyContext): void => actions[key]?.(ctx);
  return {
    name: 'script',
    init: (ctx) => at('init', ctx),
    onPreOpen: (m, ctx) => at(`${m.date} pre-open`, ctx),
    onOpen: (m, ctx) => at(`${m.date} open`, ctx),
    onSessionClose: (m, ctx) => at(`${m.date} close`, ctx),
    onPostClose: (m, ctx) => at(`${m.date} post-close`, ctx),
    onReject: (r) => rejects.push(r),
  };
}

const run = (strategy: Strategy, extra: Partial<BacktestConfig> = {}): ReturnType<typeof runBacktest> =>
  runBacktest({ source: [X], initialCash: 100_000, strategy, ...extra });

describe('order types on daily bars', () => {
  it('a buy limit below the open fills at the limit when the low reaches it (inside the bar)', () => {
    const r = run(script({ '2025-08-05 pre-open': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'limit', limitPrice: 98 }) }));
    expect(r.fills.map((f) => [f.date, f.at, f.price])).toEqual([['2025-08-05', 'intraday', 98]]);
  });

  it('a buy limit fills at a better open (gap down through the limit)', () => {
    const r = run(script({ '2025-08-05 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'limit', limitPrice: 98 }) }));
    expect(r.fills.map((f) => [f.date, f.at, f.price])).toEqual([['2025-08-06', 'open', 95]]);
  });

  it('a sell stop fills at the stop inside the bar, or at a worse open on a gap', () => {
    const inside = run(script({
      '2025-08-05 pre-open': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-open' }),
      '2025-08-05 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'stop', stopPrice: 92 }),
    }));
    expect(inside.fills.map((f) => [f.date, f.at, f.price])).toEqual([['2025-08-05', 'open', 101], ['2025-08-06', 'intraday', 92]]);
    const gap = run(script({
      '2025-08-05 pre-open': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-open' }),
      '2025-08-05 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'stop', stopPrice: 97 }),
    }));
    expect(gap.fills.map((f) => [f.date, f.at, f.price])).toEqual([['2025-08-05', 'open', 101], ['2025-08-06', 'open', 95]]);
  });

  it('a buy stop triggers when the high reaches it', () => {
    const r = run(script({ '2025-08-06 post-close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'stop', stopPrice: 105, tif: 'gtc' }) }));
    expect(r.fills.map((f) => [f.date, f.at, f.price])).toEqual([['2025-08-07', 'intraday', 105]]);
  });

  it('a day order expires at the end of its session; a GTC order keeps working; cancel stops it', () => {
    let gtc = 0;
    let cancelled = 0;
    const r = run(script({
      '2025-08-05 pre-open': (c) => {
        c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'limit', limitPrice: 91 });
        gtc = c.submit({ symbol: 'X', side: 'buy', quantity: 2, type: 'limit', limitPrice: 91, tif: 'gtc' });
        cancelled = c.submit({ symbol: 'X', side: 'buy', quantity: 3, type: 'limit', limitPrice: 50, tif: 'gtc' });
      },
      '2025-08-05 post-close': (c) => {
        expect(c.openOrders('X').map((o) => o.id)).toEqual([gtc, cancelled]);
        expect(c.cancel(cancelled)).toBe(true);
        expect(c.cancel(cancelled)).toBe(false);
      },
    }));
    expect(r.orders.map((o) => o.status)).toEqual(['expired', 'filled', 'cancelled']);
    expect(r.fills.map((f) => [f.orderId, f.date, f.price])).toEqual([[gtc, '2025-08-06', 91]]);
  });

  it('market-on-open placed after the open waits for the next open; market-on-close placed at the close fills at that close', () => {
    const r = run(script({
      '2025-08-05 open': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'market-on-open' }),
      '2025-08-06 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 1, type: 'market-on-close' }),
      '2025-08-07 post-close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'market-on-close' }),
    }));
    expect(r.fills.map((f) => [f.date, f.at, f.price])).toEqual([['2025-08-06', 'open', 95], ['2025-08-06', 'close', 96], ['2025-08-08', 'close', 101]]);
  });
});

describe('costs', () => {
  const buy = (q: number): Strategy => script({ '2025-08-05 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: q, type: 'market-on-close' }) });

  it('commission per share with a minimum, or in bps of notional', () => {
    const perShare = { commission: { type: 'per-share', perShare: 0.01, minimum: 1 } } as const;
    expect(run(buy(10), { costs: perShare }).fills[0]!.commission).toBe(1); // 10 × 0.01 = 0.10 → minimum 1.00
    expect(run(buy(500), { costs: perShare }).fills[0]!.commission).toBeCloseTo(5, 12); // 500 × 0.01
    expect(run(buy(100), { costs: { commission: { type: 'bps', bps: 10 } } }).fills[0]!.commission).toBeCloseTo(9.8, 12); // 0.001 × 100 × 98
  });

  it('slippage in bps or as a share of the bar range, itemised', () => {
    const bps = run(buy(100), { costs: { slippage: { type: 'bps', bps: 50 } } });
    expect(bps.fills[0]!.price).toBeCloseTo(98.49, 12); // 98 × 1.005
    expect(bps.costs.filter((c) => c.kind !== 'dividend')).toEqual([expect.objectContaining({ kind: 'slippage', amount: expect.closeTo(-49, 9) })]); // 100 × 0.49
    const range = run(script({ '2025-08-06 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-open' }) }), { costs: { slippage: { type: 'range-fraction', fraction: 0.1 } } });
    expect(range.fills[0]!.price).toBeCloseTo(98.4, 12); // open 97 + 0.1 × (110 − 96)
    expect(range.fills[0]!.slippage).toBeCloseTo(14, 12);
  });

  it('limit fills carry no slippage', () => {
    const r = run(script({ '2025-08-05 pre-open': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'limit', limitPrice: 98 }) }), { costs: { slippage: { type: 'bps', bps: 50 } } });
    expect(r.fills[0]!.price).toBe(98);
    expect(r.costs.map((c) => c.kind)).toEqual(['dividend']); // the 0.50 ex-dividend on 08-08, no slippage line
  });

  it('dividends: received by a long and paid by a short on the ex-date', () => {
    const long = run(script({ '2025-08-07 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-close' }) }));
    expect(long.costs).toEqual([expect.objectContaining({ kind: 'dividend', amount: 5, date: '2025-08-08' })]);
    const short = run(script({ '2025-08-07 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'market-on-close' }) }));
    expect(short.costs).toEqual([expect.objectContaining({ kind: 'dividend', amount: -5, date: '2025-08-08' })]);
    // Equity after the ex-date: 100,000 + 10 × (101 − 108) + 5 for the long.
    expect(long.equity.find((p) => p.date === '2025-08-08')!.equity).toBeCloseTo(100_000 - 70 + 5, 9);
  });

  it('borrow accrues per calendar day (a weekend is 3), with per-symbol and hard-to-borrow rates', () => {
    const shortFri = script({ '2025-08-08 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 10, type: 'market-on-close' }) });
    const fee = (cfg: Partial<BacktestConfig>): number => run(shortFri, cfg).costs.filter((c) => c.kind === 'borrow').reduce((s, c) => s + c.amount, 0);
    // 10 × 101 = 1,010 short value; 3 days (Fri → Mon).
    expect(fee({ costs: { borrow: { annualRate: 0.365 } } })).toBeCloseTo(-3.03, 12); // 1,010 × 0.365 × 3 / 365
    expect(fee({ costs: { borrow: { annualRate: 0.365, perSymbol: { X: 0.73 } } } })).toBeCloseTo(-6.06, 12);
    expect(fee({ costs: { borrow: { annualRate: 0.365, dayCount: 360 } } })).toBeCloseTo(-(1010 * 0.365 * 3) / 360, 12);
    const htb = { costs: { borrow: { annualRate: 0.365, hardToBorrow: { rate: 1.095, listedWithinDays: 30 } } }, listingDates: { X: '2025-08-04' } };
    expect(fee(htb)).toBeCloseTo(-9.09, 12); // listed 7 days before: 1,010 × 1.095 × 3 / 365
    expect(fee({ ...htb, listingDates: { X: '2025-01-02' } })).toBeCloseTo(-3.03, 12); // listed long ago
    // Without listingDates: an IPO event gives the listing; else a first bar later than the universe's first bar.
    const htbOnly = { costs: htb.costs };
    const ipo = { id: 'X-ipo', symbol: 'X', kind: 'ipo' as const, date: '2025-08-04', timing: 'before-open' as const, tsEvent: 0, tsKnown: 0, tags: {} };
    expect(fee({ ...htbOnly, events: [ipo] })).toBeCloseTo(-9.09, 12);
    expect(fee(htbOnly)).toBeCloseTo(-3.03, 12); // X starts with the data: not a new listing
    const older = series('OLD', [['2025-07-31', 1, 1, 1, 1], ['2025-08-11', 1, 1, 1, 1]]);
    expect(fee({ ...htbOnly, source: [older, X] })).toBeCloseTo(-9.09, 12); // X's first bar is later than OLD's
  });
});

describe('cash, margin and rejections', () => {
  it('an unaffordable order is rejected with a reason that reaches the strategy', () => {
    const rejects: Rejection[] = [];
    const r = runBacktest({ source: [X], initialCash: 1000, strategy: script({ '2025-08-04 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 20, type: 'market-on-close' }) }, rejects) });
    expect(r.fills).toEqual([]);
    expect(rejects.map((x) => [x.code, x.date])).toEqual([['INSUFFICIENT_CASH', '2025-08-04']]);
    expect(rejects[0]!.message).toMatch(/needs 2040\.00 but cash is 1000\.00/);
    expect(r.equity.every((p) => p.cash >= 0)).toBe(true);
  });

  it('with margin, cash may go negative within the leverage limit', () => {
    const rejects: Rejection[] = [];
    const s = script({ '2025-08-04 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 20, type: 'market-on-close' }) }, rejects);
    const r = runBacktest({ source: [X], initialCash: 1000, margin: { maxGrossLeverage: 2.5 }, strategy: s });
    expect(r.fills).toHaveLength(1);
    expect(r.equity[0]!.cash).toBeCloseTo(-1040, 9);
    const tight = runBacktest({ source: [X], initialCash: 1000, margin: { maxGrossLeverage: 2 }, strategy: s });
    expect(tight.rejections.map((x) => x.code)).toEqual(['MARGIN_EXCEEDED']);
  });

  it('invalid orders, unknown symbols and forbidden shorts are rejected, never thrown', () => {
    const rejects: Rejection[] = [];
    runBacktest({
      source: [X],
      initialCash: 1000,
      allowShort: false,
      strategy: script({
        '2025-08-04 pre-open': (c) => {
          c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'limit' });
          c.submit({ symbol: 'Y', side: 'buy', quantity: 1, type: 'market-on-open' });
          c.submit({ symbol: 'X', side: 'buy', quantity: -3, type: 'market-on-open' });
          c.submit({ symbol: 'X', side: 'sell', quantity: 1, type: 'market-on-open' });
        },
      }, rejects),
    });
    expect(rejects.map((x) => x.code)).toEqual(['INVALID_ORDER', 'UNKNOWN_SYMBOL', 'INVALID_ORDER', 'SHORT_NOT_ALLOWED']);
  });

  it('orders placed after the last message are rejected (RUN_ENDED); working orders stay working', () => {
    const rejects: Rejection[] = [];
    const r = runBacktest({
      source: [X],
      initialCash: 1000,
      strategy: {
        ...script({ '2025-08-11 post-close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'limit', limitPrice: 1, tif: 'gtc' }) }, rejects),
        onEnd: (c) => void c.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'market-on-open' }),
      },
    });
    expect(rejects.map((x) => [x.code, x.date])).toEqual([['RUN_ENDED', '2025-08-11']]);
    expect(r.orders.map((o) => o.status)).toEqual(['working', 'rejected']);
  });
});

describe('portfolio', () => {
  it('the portfolio view is marked at the open during the open phase and at the close from the close phase on', () => {
    const seen: string[] = [];
    const look = (tag: string) => (c: StrategyContext): void => void seen.push(`${tag}:${c.portfolio.equity}:${c.portfolio.position('X')?.lastPrice}`);
    run(script({
      '2025-08-04 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-close' }),
      '2025-08-05 pre-open': look('pre'),
      '2025-08-05 open': look('open'),
      '2025-08-05 close': look('close'),
      '2025-08-05 post-close': look('post'),
    }));
    // Bought 10 at 102 (cash 98,980): equity = 98,980 + 10 × (102 | open 101 | close 98).
    expect(seen).toEqual(['pre:100000:102', 'open:99990:101', 'close:99960:98', 'post:99960:98']);
  });

  it('average cost, realised and unrealised P&L, round trips with reasons, a flip opens a new trade', () => {
    let mid: { avg: number; realized: number; unrealized: number } | undefined;
    const r = run(script({
      '2025-08-04 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-close', reason: 'entry-a', eventId: 'E1' }),
      '2025-08-05 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-close', reason: 'add' }),
      '2025-08-06 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 5, type: 'market-on-close', reason: 'trim' }),
      '2025-08-06 post-close': (c) => {
        const p = c.portfolio.position('X')!;
        mid = { avg: p.avgCost, realized: p.realizedPnl, unrealized: p.unrealizedPnl };
      },
      '2025-08-07 close': (c) => c.submit({ symbol: 'X', side: 'sell', quantity: 25, type: 'market-on-close', reason: 'flip' }),
      '2025-08-11 close': (c) => c.submit({ symbol: 'X', side: 'buy', quantity: 10, type: 'market-on-close', reason: 'cover' }),
    }));
    // avg (10 × 102 + 10 × 98) / 20 = 100; trim 5 at 96 → realised −20; 15 left marked at 96 → unrealised −60.
    expect(mid).toEqual({ avg: 100, realized: -20, unrealized: -60 });
    expect(r.trades.map((t) => [t.id, t.direction, t.quantity, t.entryPrice, t.exitPrice, t.entryReason, t.exitReason, t.eventId, t.grossPnl, t.open])).toEqual([
      // long: 20 @ 100, exits 5 @ 96 and 15 @ 108 → −20 + 120 = 100
      [1, 'long', 20, 100, 105, 'entry-a', 'flip', 'E1', 100, false],
      // short 10 @ 108 covered at 100 on 08-11 → +80, minus a 0.5 dividend × 10 on 08-08 → pnl 75
      [2, 'short', 10, 108, 100, 'flip', 'cover', undefined, 80, false],
    ]);
    expect(r.trades[1]!.pnl).toBeCloseTo(75, 12);
    expect(r.finalEquity - 100_000).toBeCloseTo(175, 9);
    expect(r.positions).toEqual([]);
  });
});
