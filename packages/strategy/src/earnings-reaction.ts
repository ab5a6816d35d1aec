import { z } from 'zod';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy } from './event-strategy';
import { eventStrategy } from './event-strategy';
import { oneOf, percent, whole } from './params';

/**
 * `earnings-reaction`: after the day-0 reaction of an earnings event, follow it (drift) or fade it (reversal) when
 * |reaction| exceeds `threshold` percent. The reaction is day 0's close over the previous close − 1; it is known at
 * day 0's close, so the trade enters at the **open of day +1** and exits at the close of day +`hold` (`hold`
 * sessions held). Optional stop: `stopPct` or `stopAtr` (see the common parameters).
 */
export const EARNINGS_REACTION_PARAMS = z.strictObject({
  mode: oneOf('follow the reaction (drift) or fade it (reversal)', ['follow', 'fade']).default('follow'),
  threshold: percent('trade only when |day-0 return| exceeds this', 0, 100).default(5),
  hold: whole('K: exit at the close of day +K', 1, 250).default(5),
  ...COMMON_PARAMS,
});
export type EarningsReactionParams = z.output<typeof EARNINGS_REACTION_PARAMS>;

export function earningsReaction(p: EarningsReactionParams, name = 'earnings-reaction'): EventStrategy {
  const fade = p.mode === 'fade';
  const { threshold, hold } = p;
  return eventStrategy(
    name,
    {
      plan(notice) {
        if (notice.event.kind !== 'earnings' || notice.day0.ordinal < 0) return null;
        const d0 = notice.day0.ordinal;
        return { eventId: notice.event.id, symbol: notice.event.symbol, side: 'decide', entrySession: d0 + 1, entryAt: 'open', exitSession: d0 + hold, exitAt: 'close' };
      },
      decide(plan, view, i) {
        if (view.session(i) !== plan.entrySession - 1 || i < 1) return { skip: 'no bar on day 0 or before it' };
        const reaction = view.close(i) / view.close(i - 1) - 1;
        if (!(Math.abs(reaction) * 100 > threshold)) return { skip: `|reaction| ${(reaction * 100).toFixed(2)}% not above ${threshold}%` };
        const up = reaction > 0;
        return up !== fade ? 'long' : 'short';
      },
    },
    executionOptions(p),
  );
}
