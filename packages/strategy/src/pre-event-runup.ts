import { z } from 'zod';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy } from './event-strategy';
import { eventStrategy } from './event-strategy';
import { whole } from './params';

/**
 * `pre-event-runup`: long into an earnings date, out before the numbers. The last close before any release is the
 * close of day −1 (before the open on D → day 0 = D, the close of D − 1; after the close on D → day 0 = D + 1, the
 * close of D itself), so the strategy buys at the close of day −1 − `before` and sells at the close of day −1:
 * `before` sessions close to close, never holding through the release. Acts on the *scheduled* notice, so the
 * earnings date must be public `before` sessions ahead (else the event is skipped as late).
 */
export const PRE_EVENT_RUNUP_PARAMS = z.strictObject({
  before: whole('N: buy at the close N sessions before the last close ahead of the release', 1, 60).default(5),
  ...COMMON_PARAMS,
});
export type PreEventRunupParams = z.output<typeof PRE_EVENT_RUNUP_PARAMS>;

export function preEventRunup(p: PreEventRunupParams, name = 'pre-event-runup'): EventStrategy {
  const { before } = p;
  return eventStrategy(
    name,
    {
      plan(notice) {
        if (notice.event.kind !== 'earnings' || notice.day0.ordinal < 0) return null;
        const exit = notice.day0.ordinal - 1;
        return { eventId: notice.event.id, symbol: notice.event.symbol, side: 'long', entrySession: exit - before, entryAt: 'close', exitSession: exit, exitAt: 'close' };
      },
    },
    executionOptions(p),
  );
}
