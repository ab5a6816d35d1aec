import type { IsoDate, TradingCalendar } from '@aftershock/core';

const cache = new WeakMap<TradingCalendar, TradingCalendar>();

/**
 * The same calendar with `openAt`/`closeAt` memoised per date: placing a session in America/New_York goes through
 * luxon, which costs ~100 µs a call, and an earnings file of 8,000 rows asks for each date several times.
 */
export function withCachedInstants(cal: TradingCalendar): TradingCalendar {
  const hit = cache.get(cal);
  if (hit) return hit;
  const opens = new Map<IsoDate, number>();
  const closes = new Map<IsoDate, number>();
  const wrapped: TradingCalendar = Object.create(cal, {
    openAt: {
      value: (d: IsoDate): number => {
        let v = opens.get(d);
        if (v === undefined) opens.set(d, (v = cal.openAt(d)));
        return v;
      },
    },
    closeAt: {
      value: (d: IsoDate): number => {
        let v = closes.get(d);
        if (v === undefined) closes.set(d, (v = cal.closeAt(d)));
        return v;
      },
    },
  }) as TradingCalendar;
  cache.set(cal, wrapped);
  return wrapped;
}
