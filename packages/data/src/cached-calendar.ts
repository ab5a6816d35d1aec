import type { IsoDate, TradingCalendar } from '@aftershock/core';

const cache = new WeakMap<TradingCalendar, TradingCalendar>();

/**
 * A calendar with `openAt`/`closeAt` memoised per date, everything else asked of the calendar it wraps. A class, not
 * an object made per calendar (`Object.create(cal)` with its own two closures): every wrapper then has the same shape
 * and methods, so the event readers' compiled code stays valid from one calendar to the next (the study command
 * makes a new market calendar per run).
 */
class CachedInstants implements TradingCalendar {
  readonly name: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly size: number;
  private readonly opens = new Map<IsoDate, number>();
  private readonly closes = new Map<IsoDate, number>();

  constructor(private readonly cal: TradingCalendar) {
    this.name = cal.name;
    this.first = cal.first;
    this.last = cal.last;
    this.size = cal.size;
  }

  openAt(d: IsoDate): number {
    let v = this.opens.get(d);
    if (v === undefined) this.opens.set(d, (v = this.cal.openAt(d)));
    return v;
  }

  closeAt(d: IsoDate): number {
    let v = this.closes.get(d);
    if (v === undefined) this.closes.set(d, (v = this.cal.closeAt(d)));
    return v;
  }

  isSession(date: IsoDate): boolean {
    return this.cal.isSession(date);
  }

  ordinal(date: IsoDate): number {
    return this.cal.ordinal(date);
  }

  date(ordinal: number): IsoDate {
    return this.cal.date(ordinal);
  }

  next(date: IsoDate): IsoDate {
    return this.cal.next(date);
  }

  previous(date: IsoDate): IsoDate {
    return this.cal.previous(date);
  }

  ordinalOnOrAfter(date: IsoDate): number {
    return this.cal.ordinalOnOrAfter(date);
  }

  ordinalOnOrBefore(date: IsoDate): number {
    return this.cal.ordinalOnOrBefore(date);
  }

  shift(date: IsoDate, n: number): IsoDate {
    return this.cal.shift(date, n);
  }

  sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
    return this.cal.sessionsBetween(from, to);
  }

  closureReason(date: IsoDate): string | undefined {
    return this.cal.closureReason(date);
  }

  isEarlyClose(date: IsoDate): boolean {
    return this.cal.isEarlyClose(date);
  }
}

/**
 * The same calendar with `openAt`/`closeAt` memoised per date: placing a session in America/New_York goes through
 * luxon, which costs ~100 µs a call, and an earnings file of 8,000 rows asks for each date several times.
 */
export function withCachedInstants(cal: TradingCalendar): TradingCalendar {
  const hit = cache.get(cal);
  if (hit) return hit;
  const wrapped = new CachedInstants(cal);
  cache.set(cal, wrapped);
  return wrapped;
}
