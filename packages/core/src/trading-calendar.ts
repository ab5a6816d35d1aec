import type { IsoDate } from './dates';

/** A trading calendar: sessions are numbered 0..n−1 (ordinals); every lookup is O(1) or O(log n). */
export interface TradingCalendar {
  readonly name: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly size: number;
  isSession(date: IsoDate): boolean;
  /** The ordinal of a session date, or -1 when the date is not a session. */
  ordinal(date: IsoDate): number;
  /** The session date of an ordinal. Throws when out of range. */
  date(ordinal: number): IsoDate;
  /** First session strictly after `date` (any calendar date). */
  next(date: IsoDate): IsoDate;
  /** Last session strictly before `date`. */
  previous(date: IsoDate): IsoDate;
  /** First session on or after `date` as an ordinal. */
  ordinalOnOrAfter(date: IsoDate): number;
  /** Last session on or before `date` as an ordinal. */
  ordinalOnOrBefore(date: IsoDate): number;
  /** The session n sessions from `date` (a session); n may be negative. */
  shift(date: IsoDate, n: number): IsoDate;
  /** Sessions in [from, to], both inclusive. */
  sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[];
  /** Why a weekday is closed, or undefined for a session or a weekend. */
  closureReason(date: IsoDate): string | undefined;
  isEarlyClose(date: IsoDate): boolean;
  /** Epoch ms of the session's open (XNYS: 09:30 ET). */
  openAt(date: IsoDate): number;
  /** Epoch ms of the session's close (XNYS: 16:00 ET, or 13:00 on early closes). */
  closeAt(date: IsoDate): number;
}
