import type { EventKind, IsoDate, MarketEvent } from '@aftershock/core';
import type { RelWindow } from './panel';

/** Another event of the same firm whose day 0 lies inside an event's window: which one, and at which offset. */
export interface Confounder {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly date: IsoDate;
  readonly day0: IsoDate;
  /** Sessions (of the market series) from the event's day 0 to the other event's day 0. */
  readonly offset: number;
}

/** An event placed in event time: its market index of day 0. */
export interface LocatedEvent {
  readonly event: MarketEvent;
  readonly m0: number;
  readonly day0: IsoDate;
}

/**
 * For each of `events`, the firm's own other events (any of `pool`, included in the study or not) with day 0 inside
 * [m0 + evt.start, m0 + evt.end]: per symbol the pool is sorted by day 0 once and searched by bisection, so
 * 100,000 events cost O(n log n), not a scan of every pair.
 */
export function confounders(events: readonly LocatedEvent[], pool: readonly LocatedEvent[], evt: RelWindow): Confounder[][] {
  const bySymbol = new Map<string, LocatedEvent[]>();
  for (const p of pool) {
    const list = bySymbol.get(p.event.symbol);
    if (list) list.push(p);
    else bySymbol.set(p.event.symbol, [p]);
  }
  for (const list of bySymbol.values()) list.sort((a, b) => a.m0 - b.m0);
  return events.map((e) => {
    const list = bySymbol.get(e.event.symbol);
    if (!list) return [];
    const out: Confounder[] = [];
    for (let k = lowerBound(list, e.m0 + evt.start); k < list.length && list[k]!.m0 <= e.m0 + evt.end; k++) {
      const o = list[k]!;
      if (o.event === e.event || o.event.id === e.event.id) continue;
      out.push({ eventId: o.event.id, kind: o.event.kind, date: o.event.date, day0: o.day0, offset: o.m0 - e.m0 });
    }
    return out;
  });
}

function lowerBound(list: readonly LocatedEvent[], m: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.m0 < m) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `CRWV:earnings:2025-08-12 at −2`-style text for one event's confounders. */
export function confounderText(list: readonly Confounder[]): string {
  return list.map((c) => `${c.eventId} (${c.kind}, day 0 ${c.day0}, at ${c.offset > 0 ? '+' : ''}${c.offset})`).join('; ');
}
