import { AftershockError } from '@aftershock/core';
import type { Strategy } from '@aftershock/engine';
import { z } from 'zod';
import { decimal, text } from './params';
import type { StrategyEnv } from './strategy-env';

/**
 * `buy-and-hold` of the benchmark or of the traded symbols: buys each symbol at the close of its first session in
 * the run (sized by that session's open, known before the close: ⌊notional / open⌋) and sells everything at the
 * close of the run's last session (`env.end`), so the result has closed trades.
 * `symbols`: `benchmark` (the run's benchmark), `events` (every symbol with an event) or a comma-separated list.
 */
export const BUY_AND_HOLD_PARAMS = z.strictObject({
  symbols: text('"benchmark", "events" or a comma-separated list of symbols').default('benchmark'),
  notional: decimal('money per symbol', 0).default(10_000),
});
export type BuyAndHoldParams = z.output<typeof BUY_AND_HOLD_PARAMS>;

export function buyAndHold(p: BuyAndHoldParams, env: StrategyEnv = {}, name = 'buy-and-hold'): Strategy {
  const { symbols: spec, notional } = p;
  let targets: string[];
  if (spec === 'benchmark') {
    if (env.benchmark === undefined) throw new AftershockError('STRATEGY_NO_BENCHMARK', 'buy-and-hold of the benchmark needs a run with a benchmark', { field: 'params.symbols' });
    targets = [env.benchmark];
  } else if (spec === 'events') targets = [...new Set((env.events ?? []).map((e) => e.symbol))].sort();
  else targets = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const bought = new Set<string>();
  return {
    name,
    onSessionClose(msg, ctx) {
      if (env.end !== undefined && msg.date >= env.end) {
        for (const s of targets) {
          const q = ctx.portfolio.position(s)?.quantity ?? 0;
          if (q > 0) ctx.submit({ symbol: s, side: 'sell', quantity: q, type: 'market-on-close', reason: 'exit' });
        }
        return;
      }
      for (const s of targets) {
        if (bought.has(s)) continue;
        const idx = ctx.symbolIndex(s);
        if (idx < 0) continue;
        const v = ctx.series(idx);
        const j = v.indexAtOrBefore(msg.session);
        if (j < 0 || v.session(j) !== msg.session) continue;
        bought.add(s);
        const qty = Math.floor(notional / v.open(j));
        if (qty > 0) ctx.submit({ symbol: s, side: 'buy', quantity: qty, type: 'market-on-close', reason: 'entry' });
      }
    },
  };
}
