import type { EventKind } from '@aftershock/core';
import { z } from 'zod';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy } from './event-strategy';
import { eventStrategy } from './event-strategy';
import { oneOf, whole } from './params';

/**
 * `hold-through`: the baseline every event strategy is compared with — long (or short) from the close `before`
 * sessions before day 0 to the close `after` sessions after it, for every event (or every event of `kind`).
 */
export const HOLD_THROUGH_PARAMS = z.strictObject({
  side: oneOf('long or short', ['long', 'short']).default('long'),
  before: whole('N: enter at the close N sessions before day 0', 0, 60).default(5),
  after: whole('M: exit at the close M sessions after day 0', 0, 60).default(5),
  kind: oneOf('which events to trade', ['any', 'earnings', 'lockup-expiry', 'ipo', 'custom']).default('any'),
  ...COMMON_PARAMS,
});
export type HoldThroughParams = z.output<typeof HOLD_THROUGH_PARAMS>;

export function holdThrough(p: HoldThroughParams, name = 'hold-through'): EventStrategy {
  const { side, before, after } = p;
  const kind: EventKind | 'any' = p.kind;
  return eventStrategy(
    name,
    {
      plan(notice) {
        if ((kind !== 'any' && notice.event.kind !== kind) || notice.day0.ordinal < 0) return null;
        const d0 = notice.day0.ordinal;
        return { eventId: notice.event.id, symbol: notice.event.symbol, side, entrySession: d0 - before, entryAt: 'close', exitSession: d0 + after, exitAt: 'close' };
      },
    },
    executionOptions(p),
  );
}
