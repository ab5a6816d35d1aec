import type { BarSeries } from '@aftershock/core';
import { runBacktest, sizeFixedNotional, type BacktestResult, type SeriesView, type Strategy } from '@aftershock/engine';
import { FAST, NOTIONAL, SLOW } from './plain-sma-cross.mjs';

// The rule of the SMA(20)/SMA(50) figures (engine.sma-cross.universe in process, e2e.sma-cross.universe as fresh
// processes): one strategy through the engine, the same rule as a plain loop.

export { FAST, NOTIONAL, SLOW, plainSmaCross } from './plain-sma-cross.mjs';

/**
 * Long-only SMA(20)/SMA(50) crossover on every symbol, through the engine: running sums updated from the history
 * view (the close leaving each window is read back through the view), market-on-close at the crossing close.
 */
export function smaCross(nSymbols: number): Strategy {
  const sumFast = new Float64Array(nSymbols);
  const sumSlow = new Float64Array(nSymbols);
  const above = new Int8Array(nSymbols); // 1 fast > slow, −1 fast ≤ slow, 0 unknown
  const held = new Float64Array(nSymbols); // shares held
  const views: (SeriesView | undefined)[] = new Array<SeriesView | undefined>(nSymbols).fill(undefined); // a view is kept across messages
  return {
    name: 'sma-cross',
    onSessionClose(msg, ctx) {
      const { symbols, bars, start, end } = msg.slice;
      for (let k = start; k < end; k++) {
        const sym = symbols[k]!;
        const i = bars[k]!;
        const v = (views[sym] ??= ctx.series(sym));
        const c = v.close(i);
        sumSlow[sym] = sumSlow[sym]! + c - (i >= SLOW ? v.close(i - SLOW) : 0);
        sumFast[sym] = sumFast[sym]! + c - (i >= FAST ? v.close(i - FAST) : 0);
        if (i + 1 < SLOW) continue;
        const now = sumFast[sym]! / FAST > sumSlow[sym]! / SLOW ? 1 : -1;
        const before = above[sym]!;
        above[sym] = now;
        if (before === -1 && now === 1 && held[sym] === 0) {
          const q = sizeFixedNotional(NOTIONAL, c);
          if (q > 0) {
            ctx.submit({ symbol: v.symbol, side: 'buy', quantity: q, type: 'market-on-close', reason: 'cross-up' });
            held[sym] = q;
          }
        } else if (before === 1 && now === -1 && held[sym]! > 0) {
          ctx.submit({ symbol: v.symbol, side: 'sell', quantity: held[sym]!, type: 'market-on-close', reason: 'cross-down' });
          held[sym] = 0;
        }
      }
    },
  };
}

/** The crossover on every symbol of `universe` through the engine, with enough cash that no entry is rejected. */
export function runSmaCross(universe: readonly BarSeries[]): BacktestResult {
  return runBacktest({ source: universe, initialCash: universe.length * NOTIONAL * 2, strategy: smaCross(universe.length) });
}
