import { resolveDay0, scheduledInstant, type Day0Options, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import { compareMessages, type EventNotice, type ScheduledEvent } from './messages';

/**
 * The public part of an event before release: never EPS, revenue or surprise. An earnings event keeps its fiscal
 * period; a lock-up keeps its prospectus terms (IPO date, length, offer price, share unlocked), public since the IPO.
 */
export function scheduledView(e: MarketEvent): ScheduledEvent {
  const v: { -readonly [K in keyof ScheduledEvent]: ScheduledEvent[K] } = {
    id: e.id,
    symbol: e.symbol,
    kind: e.kind,
    date: e.date,
    timing: e.timing,
    tsKnown: e.tsKnown,
    tsEvent: e.tsEvent,
    tags: e.tags,
  };
  if (e.related !== undefined) v.related = e.related;
  if (e.kind === 'earnings' && e.fiscalPeriod !== undefined) v.fiscalPeriod = e.fiscalPeriod;
  if (e.kind === 'lockup-expiry') {
    v.lockup = {
      ipoDate: e.ipoDate,
      confirmed: e.confirmed,
      ...(e.lockupDays !== undefined ? { lockupDays: e.lockupDays } : {}),
      ...(e.offerPrice !== undefined ? { offerPrice: e.offerPrice } : {}),
      ...(e.sharesUnlockedPct !== undefined ? { sharesUnlockedPct: e.sharesUnlockedPct } : {}),
    };
  }
  return v;
}

/**
 * Two notices per event, in the one total order: `scheduled` when its date became public (its own `tsKnown`,
 * or `earningsLead` sessions ahead for earnings), `released` at `tsEvent`. A date known only at release gives
 * both notices at the same instant, scheduled first.
 * @example
 * buildNotices([crwvQ2], xnysCalendar(), 14) // [scheduled at 2025-07-23 07:30 ET, released at 2025-08-12 16:01 ET]
 */
export function buildNotices(
  events: readonly MarketEvent[],
  cal: TradingCalendar,
  earningsLead: number | 'tsKnown' = 'tsKnown',
  day0Opts: Day0Options = {},
): EventNotice[] {
  const out: EventNotice[] = [];
  let seq = 0;
  for (const e of events) {
    const day0 = resolveDay0(cal, e.date, e.timing, day0Opts, e.kind);
    const known = e.kind === 'earnings' && earningsLead !== 'tsKnown' ? scheduledInstant(cal, e.date, undefined, earningsLead) : e.tsKnown;
    out.push({ stage: 'scheduled', ts: Math.min(known, e.tsEvent), seq: seq++, event: scheduledView(e), day0 });
    out.push({ stage: 'released', ts: e.tsEvent, seq: seq++, event: e, day0 });
  }
  // Scheduled before released at equal instants; otherwise input order.
  return out.sort((a, b) => compareMessages({ ts: a.ts, priority: a.stage === 'scheduled' ? 0 : 1, seq: a.seq }, { ts: b.ts, priority: b.stage === 'scheduled' ? 0 : 1, seq: b.seq }));
}
