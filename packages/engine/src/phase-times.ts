import type { TradingCalendar } from '@aftershock/core';
import type { Phase } from './messages';

const MINUTE = 60_000;
/** Post-close stands for the evening: releases up to 4 hours after the close (after-hours) are public by then. */
export const POST_CLOSE_OFFSET = 240 * MINUTE;
/** Pre-open is one minute before the open: every overnight and before-open release is public by then. */
export const PRE_OPEN_OFFSET = MINUTE;

const cache = new WeakMap<TradingCalendar, { open: Float64Array; close: Float64Array }>();

/** Open and close instants (epoch ms) of a session ordinal, computed once per calendar and ordinal. */
export function sessionInstants(cal: TradingCalendar, ordinal: number): { open: number; close: number } {
  let c = cache.get(cal);
  if (c === undefined) {
    c = { open: new Float64Array(cal.size).fill(NaN), close: new Float64Array(cal.size).fill(NaN) };
    cache.set(cal, c);
  }
  let open = c.open[ordinal]!;
  if (Number.isNaN(open)) {
    const d = cal.date(ordinal);
    open = cal.openAt(d);
    c.open[ordinal] = open;
    // The close is 6.5 hours after the open (3.5 on early closes): no DST change happens inside a session.
    c.close[ordinal] = open + (cal.isEarlyClose(d) ? 210 : 390) * MINUTE;
  }
  return { open, close: c.close[ordinal]! };
}

/** The instant of a phase of a session ordinal. */
export function phaseInstant(cal: TradingCalendar, ordinal: number, phase: Phase): number {
  const t = sessionInstants(cal, ordinal);
  switch (phase) {
    case 'pre-open':
      return t.open - PRE_OPEN_OFFSET;
    case 'open':
      return t.open;
    case 'close':
      return t.close;
    case 'post-close':
      return t.close + POST_CLOSE_OFFSET;
  }
}
