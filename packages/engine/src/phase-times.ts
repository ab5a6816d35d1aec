import type { TradingCalendar } from '@aftershock/core';
import type { Phase } from './messages';

const MINUTE = 60_000;
/** Post-close stands for the evening: releases up to 4 hours after the close (after-hours) are public by then. */
export const POST_CLOSE_OFFSET = 240 * MINUTE;
/** Pre-open is one minute before the open: every overnight and before-open release is public by then. */
export const PRE_OPEN_OFFSET = MINUTE;

/** Open and close instants (epoch ms) by session ordinal; NaN until computed. */
export interface SessionInstants {
  readonly open: Float64Array;
  readonly close: Float64Array;
}

// One table per calendar object: a calendar's own open and close times (another market's, early closes) are
// asked once per session and process, never per message.
const tables = new WeakMap<TradingCalendar, SessionInstants>();

/** The instant table of a calendar, with sessions [from, to] computed (from the calendar's openAt and closeAt). */
export function sessionInstants(cal: TradingCalendar, from = 0, to = -1): SessionInstants {
  let t = tables.get(cal);
  if (t === undefined) {
    t = { open: new Float64Array(cal.size).fill(NaN), close: new Float64Array(cal.size).fill(NaN) };
    tables.set(cal, t);
  }
  for (let o = Math.max(0, from); o <= to; o++) {
    if (t.open[o] === t.open[o]) continue;
    const d = cal.date(o);
    t.open[o] = cal.openAt(d);
    t.close[o] = cal.closeAt(d);
  }
  return t;
}

/** The instant of a phase from a session's open and close. */
export function phaseOf(open: number, close: number, phase: Phase): number {
  switch (phase) {
    case 'pre-open':
      return open - PRE_OPEN_OFFSET;
    case 'open':
      return open;
    case 'close':
      return close;
    case 'post-close':
      return close + POST_CLOSE_OFFSET;
  }
}

/** The instant of a phase of a session ordinal. */
export function phaseInstant(cal: TradingCalendar, ordinal: number, phase: Phase): number {
  const t = sessionInstants(cal, ordinal, ordinal);
  return phaseOf(t.open[ordinal]!, t.close[ordinal]!, phase);
}
