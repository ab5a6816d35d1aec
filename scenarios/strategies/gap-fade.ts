/**
 * gap-fade — a strategy module (the plain-object form), as a user writes one: no imports of aftershock's.
 *
 * After an earnings release, if day 0 opens more than `gapPct` percent away from the previous close, take the
 * other side at day 0's close (bet that the gap overreacts) and close the position `hold` sessions later, at the
 * close. Shares: ⌊notional / day 0's close⌋. Decisions read only bars that are complete when the order is placed.
 */
import { z } from 'zod';

/** The parameters, validated by `aftershock validate` at their line in the scenario, with defaults. */
export const params = z.strictObject({
  gapPct: z.number().min(0).max(100).default(3).describe('act when |day-0 open / previous close − 1| exceeds this, in percent'),
  hold: z.number().int().min(1).max(60).default(3).describe('sessions after day 0 to close the position (at the close)'),
  notional: z.number().positive().default(10_000).describe('money per trade'),
});
type Params = z.infer<typeof params>;

export const description = "fade a large day-0 earnings gap from day 0's close, out hold sessions later";

interface Plan {
  readonly eventId: string;
  readonly symbol: string;
  readonly day0: number;
  side?: 'buy' | 'sell';
  qty?: number;
}

export default function gapFade(p: Params) {
  const plans: Plan[] = [];
  return {
    name: 'gap-fade',
    // The engine's Strategy callbacks: onEvent for event notices, onSessionClose in the closing auction.
    onEvent(notice: { stage: string; event: { id: string; symbol: string; kind: string }; day0: { ordinal: number } }) {
      if (notice.stage === 'released' && notice.event.kind === 'earnings' && notice.day0.ordinal >= 0) {
        plans.push({ eventId: notice.event.id, symbol: notice.event.symbol, day0: notice.day0.ordinal });
      }
    },
    onSessionClose(msg: { session: number }, ctx: StrategyContextLike) {
      for (const t of plans) {
        if (msg.session === t.day0 && t.side === undefined) {
          const v = ctx.series(t.symbol);
          const i = v.indexAtOrBefore(msg.session);
          if (i < 1 || v.session(i) !== msg.session) continue;
          const gap = v.open(i) / v.close(i - 1) - 1;
          const qty = Math.floor(p.notional / v.close(i));
          if (Math.abs(gap) * 100 <= p.gapPct || qty <= 0) continue;
          t.side = gap > 0 ? 'sell' : 'buy';
          t.qty = qty;
          ctx.submit({ symbol: t.symbol, side: t.side, quantity: qty, type: 'market-on-close', reason: 'entry', eventId: t.eventId });
        } else if (msg.session === t.day0 + p.hold && t.side !== undefined && t.qty !== undefined) {
          ctx.submit({ symbol: t.symbol, side: t.side === 'buy' ? 'sell' : 'buy', quantity: t.qty, type: 'market-on-close', reason: 'exit', eventId: t.eventId });
        }
      }
    },
  };
}

/** The part of the engine's StrategyContext this module uses (import the full type from @aftershock/engine if you like). */
interface StrategyContextLike {
  series(symbol: string): { indexAtOrBefore(s: number): number; session(i: number): number; open(i: number): number; close(i: number): number };
  submit(order: { symbol: string; side: 'buy' | 'sell'; quantity: number; type: 'market-on-close'; reason: string; eventId: string }): number;
}
