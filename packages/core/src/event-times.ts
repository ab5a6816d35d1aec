import type { TradingCalendar } from './calendar';
import type { IsoDate } from './dates';
import type { Timing } from './events';

/** Default number of sessions before release at which an earnings date is assumed to be public. */
export const DEFAULT_EARNINGS_LEAD_SESSIONS = 14;

const MINUTE = 60_000;

/**
 * The instant information released on `date` with `timing` becomes public (epoch ms). Before the open → 08:00 ET;
 * during → 12:00 ET; after the close → 1 minute after that session's close; unknown → the open. On a non-session
 * date the information is public at the next session's open (no session could trade on it earlier).
 */
export function releaseInstant(cal: TradingCalendar, date: IsoDate, timing: Timing): number {
  if (!cal.isSession(date)) return cal.openAt(cal.date(cal.ordinalOnOrAfter(date))) - 90 * MINUTE;
  switch (timing) {
    case 'before-open':
      return cal.openAt(date) - 90 * MINUTE;
    case 'during':
      return cal.openAt(date) + 150 * MINUTE;
    case 'after-close':
      return cal.closeAt(date) + MINUTE;
    case 'unknown':
      return cal.openAt(date) - 90 * MINUTE;
  }
}

/** The instant an earnings date is taken to be known: `knownAt` (a date, before the open) or `lead` sessions ahead. */
export function scheduledInstant(cal: TradingCalendar, date: IsoDate, knownAt?: IsoDate, lead = DEFAULT_EARNINGS_LEAD_SESSIONS): number {
  if (knownAt !== undefined) {
    const o = cal.ordinalOnOrAfter(knownAt);
    return cal.openAt(cal.date(o)) - 120 * MINUTE;
  }
  const o = Math.max(0, cal.ordinalOnOrBefore(date) - lead);
  return cal.openAt(cal.date(o)) - 120 * MINUTE;
}
