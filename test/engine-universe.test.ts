import { describe, expect, it } from 'vitest';
import { loadUniverse, resolveDataRoot } from '@aftershock/data';
import { runBacktest, streamingSource, type BacktestConfig, type Strategy } from '@aftershock/engine';

// A long/short rule on 24 real symbols, 2019–2026, with every cost line switched on (dividend payers KO, PG, JNJ,
// XOM, SPY…, 2019–2025 listings ARM, CRWV, KRMN, ALAB). The accounting must close to the cent.
const SYMBOLS = ['AAPL', 'ABNB', 'ALAB', 'ARM', 'CRWV', 'CVX', 'DIS', 'JNJ', 'JPM', 'KO', 'KRMN', 'MSFT', 'NVDA', 'PFE', 'PG', 'PLTR', 'SNOW', 'SPY', 'T', 'TSLA', 'UBER', 'VZ', 'WMT', 'XOM'];
const universe = [...loadUniverse(resolveDataRoot(), { symbols: SYMBOLS }).values()];

/** 5-day reversal: buy the biggest 5-day loser, short the biggest winner, hold until the next rebalance (weekly). */
function reversal(): Strategy {
  return {
    name: 'reversal',
    onSessionClose(msg, ctx) {
      if (msg.session % 5 !== 0) return;
      let best = -Infinity;
      let worst = Infinity;
      let up = -1;
      let down = -1;
      for (let k = msg.slice.start; k < msg.slice.end; k++) {
        const sym = msg.slice.symbols[k]!;
        const i = msg.slice.bars[k]!;
        if (i < 5 || ctx.symbols[sym] === 'SPY') continue;
        const v = ctx.series(sym);
        const r = v.close(i) / v.close(i - 5) - 1;
        if (r > best) [best, up] = [r, sym];
        if (r < worst) [worst, down] = [r, sym];
      }
      for (const p of ctx.portfolio.positions()) {
        ctx.submit({ symbol: p.symbol, side: p.quantity > 0 ? 'sell' : 'buy', quantity: Math.abs(p.quantity), type: 'market-on-close', reason: 'rebalance' });
      }
      const budget = ctx.portfolio.equity * 0.3;
      for (const [sym, side] of [[down, 'buy'], [up, 'sell']] as const) {
        if (sym < 0) continue;
        const v = ctx.series(sym);
        const q = Math.floor(budget / v.close(v.closedLength - 1));
        if (q > 0) ctx.submit({ symbol: ctx.symbols[sym]!, side, quantity: q, type: 'market-on-close', reason: side === 'buy' ? 'loser' : 'winner' });
      }
    },
  };
}

const config = (source: BacktestConfig['source']): BacktestConfig => ({
  source,
  benchmark: 'SPY',
  initialCash: 1_000_000,
  costs: {
    commission: { type: 'per-share', perShare: 0.005, minimum: 1 },
    slippage: { type: 'bps', bps: 5 },
    borrow: { annualRate: 0.02, hardToBorrow: { rate: 0.3, listedWithinDays: 180 } },
  },
  strategy: reversal(),
});

describe('engine over 24 real symbols, 2019–2026, with every cost', () => {
  const r = runBacktest(config(universe));

  it('trades, and itemises commission, slippage, borrow (incl. hard-to-borrow) and dividends of both signs', () => {
    expect(r.fills.length).toBeGreaterThan(500);
    expect(r.rejections).toEqual([]);
    const kinds = new Set(r.costs.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['commission', 'slippage', 'borrow', 'dividend']));
    expect(r.costs.some((c) => c.kind === 'dividend' && c.amount > 0)).toBe(true);
    expect(r.costs.some((c) => c.kind === 'dividend' && c.amount < 0)).toBe(true);
    expect(r.costs.some((c) => c.kind === 'borrow' && c.note?.includes('30.00%'))).toBe(true);
    expect(r.equity).toHaveLength(r.stats.sessions);
    expect(r.stats.bars).toBe(universe.reduce((n, s) => n + s.length, 0));
  });

  it('equity change = Σ trade gross P&L + Σ cost lines, to the cent', () => {
    const gross = r.trades.reduce((s, t) => s + t.grossPnl, 0);
    const change = r.finalEquity - r.initialCash;
    expect(Math.round((gross + r.costTotals.total) * 100)).toBe(Math.round(change * 100));
    expect(Math.round(r.trades.reduce((s, t) => s + t.pnl, 0) * 100)).toBe(Math.round(change * 100));
  });

  it('is deterministic, and streaming the same bars gives the same run', () => {
    const again = runBacktest(config(universe));
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
    const streamed = runBacktest(config(streamingSource(universe)));
    expect(JSON.stringify(streamed.fills)).toBe(JSON.stringify(r.fills));
    expect(JSON.stringify(streamed.equity)).toBe(JSON.stringify(r.equity));
  });
});
