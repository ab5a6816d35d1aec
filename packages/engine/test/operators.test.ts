import { map, merge } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import {
  atCloseBeforeEvent,
  buildNotices,
  operatorStrategy,
  runBacktest,
  sessionsAfterDay0,
  whenSurpriseKnown,
  type Command,
  type EngineMessage,
  type EventNotice,
  type Phase,
  type SessionMessage,
} from '../src/index';
import { cal, earnings, flat } from './bars';

const ts = (): TestScheduler => new TestScheduler((a, b) => expect(a).toEqual(b));
const EMPTY = { start: 0, end: 0, symbols: new Int32Array(0), bars: new Int32Array(0) };
let seq = 0;
function msg(date: string, phase: Phase, events: EventNotice[] = []): SessionMessage {
  return { type: 'session', ts: 0, priority: 2, seq: seq++, session: cal.ordinal(date), date, phase, slice: EMPTY, events, last: false };
}

// CRWV-like: reported after the close on 2025-08-12 (day 0 = 2025-08-13), a miss (−0.60 vs −0.23).
const q2 = earnings('Q2', 'CRWV', '2025-08-12', 'after-close', { actual: -0.6, estimate: -0.23 });
const [scheduled, released] = buildNotices([q2], cal) as [EventNotice, EventNotice];
const stream: Record<string, EngineMessage> = {
  a: msg('2025-07-22', 'pre-open', [scheduled]),
  b: msg('2025-08-12', 'close'),
  c: msg('2025-08-12', 'post-close', [released]),
  d: msg('2025-08-13', 'open'),
  e: msg('2025-08-13', 'close'),
  f: msg('2025-08-15', 'open'),
  g: msg('2025-08-15', 'close'),
};
const input = 'a-b-c-d-e-f-g-|';

describe('event-trigger operators (marbles)', () => {
  it('sessionsAfterDay0(n, phase) fires at the phase n sessions after day 0', () => {
    ts().run(({ cold, expectObservable }) => {
      const src = cold(input, stream);
      expectObservable(src.pipe(sessionsAfterDay0(0, 'close'), map((t) => `${t.event.id}@${t.message.date}:${t.offset}`))).toBe('--------x-----|', { x: 'Q2@2025-08-13:0' });
      expectObservable(src.pipe(sessionsAfterDay0(2, 'open'), map((t) => t.message.date))).toBe('----------x---|', { x: '2025-08-15' });
      expectObservable(src.pipe(sessionsAfterDay0(0, 'open'), map((t) => t.notice.stage))).toBe('------x-------|', { x: 'released' });
    });
  });

  it('atCloseBeforeEvent fires at the close before day 0 (for an after-close report, the close of the report day)', () => {
    ts().run(({ cold, expectObservable }) => {
      const out = cold(input, stream).pipe(atCloseBeforeEvent(), map((t) => [t.message.date, t.message.phase, t.notice.stage, 'epsActual' in t.event]));
      // At that close the date is known but the numbers are not.
      expectObservable(out).toBe('--x-----------|', { x: ['2025-08-12', 'close', 'scheduled', false] });
    });
  });

  it('an event not yet public at its pre-event close never fires there', () => {
    const late: Record<string, EngineMessage> = { b: msg('2025-08-12', 'close'), c: msg('2025-08-12', 'post-close', [released]), e: msg('2025-08-13', 'close') };
    ts().run(({ cold, expectObservable }) => {
      const src = cold('b-c-e|', late);
      expectObservable(src.pipe(atCloseBeforeEvent())).toBe('-----|');
      expectObservable(src.pipe(sessionsAfterDay0(0), map((t) => t.event.id))).toBe('----x|', { x: 'Q2' });
    });
  });

  it('whenSurpriseKnown fires at the message that carries the release, never before', () => {
    ts().run(({ cold, expectObservable }) => {
      const out = cold(input, stream).pipe(whenSurpriseKnown(), map((s) => [s.message.phase, s.surprise.toFixed(2), s.surprisePct?.toFixed(1)]));
      expectObservable(out).toBe('----x---------|', { x: ['post-close', '-0.37', '-160.9'] });
    });
  });

  it('errors pass through', () => {
    ts().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', stream).pipe(whenSurpriseKnown())).toBe('--#');
      expectObservable(cold('a-#', stream).pipe(sessionsAfterDay0(1))).toBe('--#');
    });
  });
});

describe('operator strategies', () => {
  it('buy at the close before the report, sell n sessions after day 0, through the engine', () => {
    const x = flat('CRWV', '2025-07-01', '2025-08-29', 100);
    const s = operatorStrategy('pre-report', (m$) =>
      merge(
        m$.pipe(atCloseBeforeEvent(), map((t): Command => ({ type: 'submit', order: { symbol: t.event.symbol, side: 'buy', quantity: 10, type: 'market-on-close', reason: 'pre-event', eventId: t.event.id } }))),
        m$.pipe(sessionsAfterDay0(2, 'close'), map((t): Command => ({ type: 'submit', order: { symbol: t.event.symbol, side: 'sell', quantity: 10, type: 'market-on-close', reason: 'day+2', eventId: t.event.id } }))),
      ),
    );
    const r = runBacktest({ source: [x], events: [q2], initialCash: 10_000, strategy: s });
    expect(r.fills.map((f) => [f.date, f.side, f.reason, f.eventId])).toEqual([
      ['2025-08-12', 'buy', 'pre-event', 'Q2'],
      ['2025-08-15', 'sell', 'day+2', 'Q2'],
    ]);
    expect(r.trades[0]!.sessionsHeld).toBe(4); // 08-12, 08-13, 08-14, 08-15: entry and exit sessions both counted
  });
});
