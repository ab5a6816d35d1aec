import { Observable, type OperatorFunction } from 'rxjs';
import type { Day0, EarningsEvent, MarketEvent } from '@aftershock/core';
import type { EngineMessage, EventNotice, Phase, ReleasedNotice, ScheduledEvent, SessionMessage } from './messages';

/** A session message at which an event-relative rule fires, with the event as known at that moment. */
export interface EventTrigger {
  /** The latest notice of the event at this moment (scheduled: no numbers yet; released: numbers public). */
  readonly notice: EventNotice;
  readonly event: ScheduledEvent | MarketEvent;
  readonly day0: Day0;
  /** Sessions from day 0 to this message's session. */
  readonly offset: number;
  readonly message: SessionMessage;
}

/**
 * Fires at the `phase` message of the session `n` sessions after each event's day 0 (n may be negative: −1 is
 * the session before day 0). An event fires only if its date was public by then, so a rule cannot act on an
 * event it could not have known of.
 * @example
 * // exit two sessions after day 0, at the close
 * messages$.pipe(sessionsAfterDay0(2, 'close')).subscribe((t) => ctx.submit({ symbol: t.event.symbol, side: 'sell', quantity: 100, type: 'market-on-close', eventId: t.event.id }));
 */
export function sessionsAfterDay0(n: number, phase: Phase = 'close'): OperatorFunction<EngineMessage, EventTrigger> {
  return (source) =>
    new Observable<EventTrigger>((sub) => {
      // Events waiting for their target session, by target ordinal; latest notice per event id.
      const byTarget = new Map<number, string[]>();
      const latest = new Map<string, EventNotice>();
      return source.subscribe({
        next(m) {
          if (m.type !== 'session') return;
          for (const notice of m.events) {
            const id = notice.event.id;
            if (notice.day0.day0 === null) continue;
            if (!latest.has(id)) {
              const target = notice.day0.ordinal + n;
              const list = byTarget.get(target);
              if (list === undefined) byTarget.set(target, [id]);
              else list.push(id);
            }
            latest.set(id, notice);
          }
          if (m.phase !== phase) return;
          const due = byTarget.get(m.session);
          if (due === undefined) return;
          byTarget.delete(m.session);
          for (const id of due) {
            const notice = latest.get(id)!;
            sub.next({ notice, event: notice.event, day0: notice.day0, offset: n, message: m });
          }
        },
        error: (e: unknown) => sub.error(e),
        complete: () => sub.complete(),
      });
    });
}

/**
 * Fires at the close of the last session before each event's day 0 — for an after-close report on D, the close
 * of D itself; for a before-open report on D, the close of D−1 — the last price at which one can trade before
 * the market reacts.
 * @example
 * messages$.pipe(atCloseBeforeEvent()).subscribe((t) => ctx.submit({ symbol: t.event.symbol, side: 'buy', quantity: 10, type: 'market-on-close', reason: 'pre-event', eventId: t.event.id }));
 */
export function atCloseBeforeEvent(): OperatorFunction<EngineMessage, EventTrigger> {
  return sessionsAfterDay0(-1, 'close');
}

/** An earnings release whose surprise is now public. */
export interface SurpriseKnown {
  readonly notice: ReleasedNotice;
  readonly event: EarningsEvent;
  readonly surprise: number;
  readonly surprisePct: number | undefined;
  readonly message: SessionMessage;
}

/**
 * Fires at the session message that carries an earnings release with a surprise (the event's `surprise`, else
 * `epsActual − epsEstimate`): after-close reports at post-close, before-open ones at pre-open. Never earlier.
 * @example
 * messages$.pipe(whenSurpriseKnown(), filter((s) => s.surprise < 0)) // misses, as soon as they are public
 */
export function whenSurpriseKnown(): OperatorFunction<EngineMessage, SurpriseKnown> {
  return (source) =>
    new Observable<SurpriseKnown>((sub) =>
      source.subscribe({
        next(m) {
          if (m.type !== 'session') return;
          for (const notice of m.events) {
            if (notice.stage !== 'released' || notice.event.kind !== 'earnings') continue;
            const e = notice.event;
            const surprise = e.surprise ?? (e.epsActual !== undefined && e.epsEstimate !== undefined ? e.epsActual - e.epsEstimate : undefined);
            if (surprise === undefined) continue;
            const pct = e.surprisePct ?? (e.epsEstimate !== undefined && e.epsEstimate !== 0 ? (surprise / Math.abs(e.epsEstimate)) * 100 : undefined);
            sub.next({ notice, event: e, surprise, surprisePct: pct, message: m });
          }
        },
        error: (e: unknown) => sub.error(e),
        complete: () => sub.complete(),
      }),
    );
}
