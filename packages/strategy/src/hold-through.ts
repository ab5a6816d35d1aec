import type { EventKind } from '@aftershock/core';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy } from './event-strategy';
import { eventStrategy } from './event-strategy';
import type { ParamsSchema } from './params';

/**
 * `hold-through`: the baseline every event strategy is compared with — long (or short) from the close `before`
 * sessions before day 0 to the close `after` sessions after it, for every event (or every event of `kind`).
 */
export const HOLD_THROUGH_PARAMS: ParamsSchema = {
  side: { kind: 'enum', values: ['long', 'short'], default: 'long', doc: 'long or short' },
  before: { kind: 'whole', min: 0, max: 60, default: 5, doc: 'N: enter at the close N sessions before day 0' },
  after: { kind: 'whole', min: 0, max: 60, default: 5, doc: 'M: exit at the close M sessions after day 0' },
  kind: { kind: 'enum', values: ['any', 'earnings', 'lockup-expiry', 'ipo', 'custom'], default: 'any', doc: 'which events to trade' },
  ...COMMON_PARAMS,
};

export function holdThrough(p: Record<string, unknown>, name = 'hold-through'): EventStrategy {
  const side = p['side'] as 'long' | 'short';
  const before = p['before'] as number;
  const after = p['after'] as number;
  const kind = p['kind'] as EventKind | 'any';
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
