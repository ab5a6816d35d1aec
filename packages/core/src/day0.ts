import type { TradingCalendar } from './calendar';
import { isAftershockError } from './errors';
import type { IsoDate } from './dates';
import type { EventKind, Timing } from './events';

/** What to do when an event's date is not a session: move to the next or previous session, or drop the event. */
export type NonSessionPolicy = 'next' | 'previous' | 'skip';
/** How to read `unknown` timing: as if released before the session (estudy2 / EventStudyTools default) or after it. */
export type UnknownTimingPolicy = 'same-session' | 'next-session';

export interface Day0Options {
  readonly nonSession?: NonSessionPolicy;
  readonly unknownTiming?: UnknownTimingPolicy;
}

export interface Day0 {
  /** The day-0 session, or null when the event is skipped. */
  readonly day0: IsoDate | null;
  /** Ordinal of day 0 in the calendar, or -1. */
  readonly ordinal: number;
  /** One sentence for reports: why this session is day 0. */
  readonly explanation: string;
}

const TIMING_WORDS: Record<Timing, string> = {
  'before-open': 'before the open',
  during: 'during the session',
  'after-close': 'after the close',
  unknown: 'at an unknown time',
};

/**
 * The one day-0 rule of aftershock, used by the study and the engine alike.
 * Day 0 is the first session in which the market could trade on the information:
 * - released before the open or during a session → that session;
 * - released after the close → the next session (a lock-up that expires at the close of D → the session after D);
 * - unknown timing → that session (default) or the next, by `unknownTiming`;
 * - a date that is not a session → the next session (default), the previous one, or skipped, by `nonSession`.
 *   A non-session date is moved first; the timing then no longer matters, since no session intervened.
 * Day 0 outside the calendar (an event after the close of its last session, or before its first) is null with the
 * reason: a calendar built from a market series ends where its bars end.
 */
export function resolveDay0(
  cal: TradingCalendar,
  date: IsoDate,
  timing: Timing,
  opts: Day0Options = {},
  kind: EventKind = 'custom',
): Day0 {
  try {
    return day0Within(cal, date, timing, opts, kind);
  } catch (e) {
    if (!isAftershockError(e) || e.code !== 'CALENDAR_OUT_OF_RANGE') throw e;
    return { day0: null, ordinal: -1, explanation: `${eventWords(kind, timing, date)}: day 0 would fall outside the ${cal.name} calendar (${cal.first}..${cal.last})` };
  }
}

function eventWords(kind: EventKind, timing: Timing, date: IsoDate): string {
  const what = kind === 'lockup-expiry' ? 'lock-up expiring' : kind === 'earnings' ? 'earnings released' : `${kind} event`;
  return `${what} ${TIMING_WORDS[timing]} on ${date}`;
}

function day0Within(cal: TradingCalendar, date: IsoDate, timing: Timing, opts: Day0Options, kind: EventKind): Day0 {
  const nonSession = opts.nonSession ?? 'next';
  const unknownTiming = opts.unknownTiming ?? 'same-session';
  const at = eventWords(kind, timing, date);
  if (!cal.isSession(date)) {
    const why = cal.closureReason(date) ?? 'a weekend';
    if (nonSession === 'skip') {
      return { day0: null, ordinal: -1, explanation: `${at}: ${date} is not a session (${why}); skipped by the non-session policy` };
    }
    const o = nonSession === 'next' ? cal.ordinalOnOrAfter(date) : cal.ordinalOnOrBefore(date);
    const d = cal.date(o);
    return { day0: d, ordinal: o, explanation: `${at}: ${date} is not a session (${why}), so day 0 is the ${nonSession} session, ${d}` };
  }
  const o = cal.ordinal(date);
  const after = timing === 'after-close' || (timing === 'unknown' && unknownTiming === 'next-session');
  if (after) {
    const d = cal.date(o + 1);
    const tail = timing === 'unknown' ? ' (unknown timing read as after the close)' : '';
    return { day0: d, ordinal: o + 1, explanation: `${at}${tail}: day 0 is the next session, ${d}` };
  }
  const tail = timing === 'unknown' ? ' (unknown timing read as before the close)' : '';
  return { day0: date, ordinal: o, explanation: `${at}${tail}: day 0 is that session, ${date}` };
}
