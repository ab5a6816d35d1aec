import { z } from 'zod';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy } from './event-strategy';
import { eventStrategy } from './event-strategy';
import { percent, whole } from './params';

/**
 * `surprise-drift` (post-earnings-announcement drift): long on a positive EPS surprise, short on a negative one.
 * The surprise is public only at release, so the strategy acts on the engine's *released* notice and enters at
 * the **first open after the release** (the open of day 0 for a release before the open or after the previous
 * close; the open of day +1 for a release during the session), then holds `hold` sessions: exit at the close of entry + hold − 1.
 * Events without a surprise, or with |surprisePct| not above `minSurprisePct`, are not traded.
 */
export const SURPRISE_DRIFT_PARAMS = z.strictObject({
  hold: whole('K: sessions held, entry session included', 1, 250).default(20),
  minSurprisePct: percent('trade only when |EPS surprise| is above this, of the estimate', 0).default(0),
  ...COMMON_PARAMS,
});
export type SurpriseDriftParams = z.output<typeof SURPRISE_DRIFT_PARAMS>;

export function surpriseDrift(p: SurpriseDriftParams, name = 'surprise-drift'): EventStrategy {
  const { hold, minSurprisePct: minPct } = p;
  return eventStrategy(
    name,
    {
      plan(notice) {
        if (notice.stage !== 'released' || notice.event.kind !== 'earnings') return null;
        const e = notice.event;
        if (e.surprise === undefined || e.surprise === 0) return null;
        if (minPct > 0 && !(Math.abs(e.surprisePct ?? NaN) > minPct)) return null;
        if (notice.day0.ordinal < 0) return null;
        // Day 0 is the first session that can trade on the news; its open comes after the release unless the
        // release came during that session, when the first open after it is the next session's.
        const entry = notice.day0.ordinal + (e.timing === 'during' ? 1 : 0);
        return { eventId: e.id, symbol: e.symbol, side: e.surprise > 0 ? 'long' : 'short', entrySession: entry, entryAt: 'open', exitSession: entry + hold - 1, exitAt: 'close' };
      },
    },
    executionOptions(p),
  );
}
