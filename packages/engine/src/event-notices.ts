import { resolveDay0, scheduledInstant, type Day0Options, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import { compareMessages, type EventNotice, type ScheduledEvent } from './messages';

/** The public part of an event before release: no EPS, revenue, surprise, offer price or unlocked share count. */
export function scheduledView(e: MarketEvent): ScheduledEvent {
  return {
    id: e.id,
    symbol: e.symbol,
    kind: e.kind,
    date: e.date,
    timing: e.timing,
    tsKnown: e.tsKnown,
    tsEvent: e.tsEvent,
    tags: e.tags,
    ...(e.related !== undefined ? { related: e.related } : {}),
  };
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
