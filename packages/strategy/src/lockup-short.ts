import type { LockupEvent } from '@aftershock/core';
import { z } from 'zod';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy } from './event-strategy';
import { eventStrategy } from './event-strategy';
import { flag, percent, whole } from './params';
import type { StrategyEnv } from './strategy-env';
import { eventIndex } from './strategy-env';

/**
 * `lockup-short`: short at the close `before` sessions before a lock-up's day 0 and cover at the close `after`
 * sessions after it. Day 0 is core's resolveDay0 (a lock-up expiring at the close of D → day 0 = the next session).
 * With the defaults on CoreWeave (expiry at the close of 2025-08-14, day 0 = 2025-08-15): short at the close of
 * 2025-08-13, cover at the close of 2025-08-19.
 *
 * Optional filters, read at decision time (the last close before the entry session):
 * - `minIpoReturnPct`: the return since listing (from the offer price; from the first open when the offer price is
 *   unknown) must exceed X% — a stock far above its offer price gives insiders more reason to sell;
 * - `minUnlockedPct`: the share of shares unlocked must exceed Y% (events without the figure are skipped);
 * - `confirmedOnly`: only expiries confirmed from a public source (not estimated by the 180-day rule).
 */
export const LOCKUP_SHORT_PARAMS = z.strictObject({
  before: whole('N: short at the close N sessions before day 0', 0, 60).default(2),
  after: whole('M: cover at the close M sessions after day 0', 0, 60).default(2),
  minIpoReturnPct: percent('optional: enter only if the return since listing is above X', -100).optional(),
  minUnlockedPct: percent('optional: enter only if the share of shares unlocked is above Y', 0, 100).optional(),
  confirmedOnly: flag('only lock-ups whose expiry is confirmed from a public source').default(false),
  ...COMMON_PARAMS,
});
export type LockupShortParams = z.output<typeof LOCKUP_SHORT_PARAMS>;

export function lockupShort(p: LockupShortParams, env: StrategyEnv = {}, name = 'lockup-short'): EventStrategy {
  const { before, after, minIpoReturnPct: minRet, minUnlockedPct: minUnlocked, confirmedOnly } = p;
  const events = eventIndex(env);
  return eventStrategy(
    name,
    {
      plan(notice) {
        if (notice.event.kind !== 'lockup-expiry' || notice.day0.ordinal < 0) return null;
        const d0 = notice.day0.ordinal;
        return { eventId: notice.event.id, symbol: notice.event.symbol, side: 'short', entrySession: d0 - before, entryAt: 'close', exitSession: d0 + after, exitAt: 'close' };
      },
      decide(plan, view, i) {
        const e = events.get(plan.eventId) as LockupEvent | undefined;
        if (confirmedOnly && !(e?.confirmed ?? false)) return { skip: 'expiry not confirmed' };
        if (minUnlocked !== undefined && !((e?.sharesUnlockedPct ?? NaN) > minUnlocked)) return { skip: `unlocked share not above ${minUnlocked}%` };
        if (minRet !== undefined) {
          const base = e?.offerPrice ?? view.open(0);
          const ret = (view.close(i) / base - 1) * 100;
          if (!(ret > minRet)) return { skip: `return since listing ${ret.toFixed(1)}% not above ${minRet}%` };
        }
        return 'short';
      },
    },
    executionOptions(p),
  );
}
