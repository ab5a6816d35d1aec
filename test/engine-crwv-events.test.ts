import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEvents, loadSymbol, resolveDataRoot } from '@aftershock/data';
import {
  atCloseBeforeEvent,
  replay,
  runBacktest,
  sessionsAfterDay0,
  whenSurpriseKnown,
  type EventNotice,
  type SessionMessage,
  type Strategy,
} from '@aftershock/engine';

// The engine on CoreWeave's real bars and the project's event calendars (data/*.csv): Q2-2025 earnings after the
// close on 2025-08-12 (day 0 = 2025-08-13) and the lock-up expiring at the close of 2025-08-14 (day 0 = 2025-08-15).
const file = (name: string): string => fileURLToPath(new URL(`../data/${name}`, import.meta.url));
const events = loadEvents([file('earnings.csv'), file('lockups.csv'), file('ipos.csv')]).filter((e) => e.symbol === 'CRWV');
const crwv = loadSymbol(resolveDataRoot(), 'CRWV');
const range = { source: [crwv], events, start: '2025-07-01', end: '2025-08-20' } as const;

type Messages = ReturnType<typeof replay>;
/** Subscribes synchronously and gathers what `f` emits (the replay is synchronous). */
function collect<T>(f: (m$: Messages) => { subscribe(next: (x: T) => void): unknown }): T[] {
  const out: T[] = [];
  f(replay(range)).subscribe((x) => out.push(x));
  return out;
}

describe('engine on CRWV with the real event calendars', () => {
  const q2 = events.find((e) => e.kind === 'earnings' && e.date === '2025-08-12')!;
  const lockup = events.find((e) => e.kind === 'lockup-expiry')!;

  it('finds the events', () => {
    expect(q2).toMatchObject({ timing: 'after-close', epsActual: -0.6, epsEstimate: -0.23 });
    expect(lockup).toMatchObject({ date: '2025-08-14', timing: 'after-close' });
  });

  it('the Q2 date is public before the release, its numbers only from the post-close of 2025-08-12', () => {
    const notices: Array<[string, string, EventNotice]> = [];
    replay(range).subscribe((m) => m.events.filter((n) => n.event.id === q2.id).forEach((n) => notices.push([m.date, m.phase, n])));
    expect(notices.map(([d, p, n]) => `${n.stage}@${d}/${p}`)).toEqual([expect.stringMatching(/^scheduled@2025-07-\d\d\/pre-open$/), 'released@2025-08-12/post-close']);
    const [, , scheduled] = notices[0]!;
    expect(scheduled.event).not.toHaveProperty('epsActual');
    expect(scheduled.event).not.toHaveProperty('surprise');
    expect(scheduled.day0.day0).toBe('2025-08-13');
    expect(Object.keys(scheduled.event).sort()).toEqual(['date', 'fiscalPeriod', 'id', 'kind', 'symbol', 'tags', 'timing', 'tsEvent', 'tsKnown']);
    expect(JSON.stringify(scheduled.event)).not.toMatch(/eps|revenue|surprise/i);
    expect(notices[1]![2].event).toHaveProperty('epsActual', -0.6);
  });

  it('the operators fire at the right sessions', () => {
    const before = collect((m$) => m$.pipe(atCloseBeforeEvent())).map((t) => `${t.event.kind}:${t.message.date}:${t.notice.stage}`);
    expect(before).toEqual(['earnings:2025-08-12:scheduled', 'lockup-expiry:2025-08-14:scheduled']);
    const surprise = collect((m$) => m$.pipe(whenSurpriseKnown())).map((s) => `${s.message.date}/${s.message.phase}:${s.surprise.toFixed(2)}`);
    expect(surprise).toEqual(['2025-08-12/post-close:-0.37']);
    const day1 = collect((m$) => m$.pipe(sessionsAfterDay0(1, 'close'))).map((t) => `${t.event.kind}:${t.message.date}`);
    expect(day1).toEqual(['earnings:2025-08-14', 'lockup-expiry:2025-08-18']);
  });

  it('a lock-up short from the notices alone: short at the close before day 0, cover at the close of day 0', () => {
    let day0 = -1;
    let eventId = '';
    const s: Strategy = {
      name: 'lockup-short',
      onEvent(n) {
        if (n.event.kind === 'lockup-expiry') [day0, eventId] = [n.day0.ordinal, n.event.id];
      },
      init(ctx) {
        for (const n of ctx.knownEvents('CRWV')) if (n.event.kind === 'lockup-expiry') [day0, eventId] = [n.day0.ordinal, n.event.id];
      },
      onSessionClose(m, ctx) {
        if (m.session === day0 - 1) ctx.submit({ symbol: 'CRWV', side: 'sell', quantity: 100, type: 'market-on-close', reason: 'pre-unlock', eventId });
        if (m.session === day0) ctx.submit({ symbol: 'CRWV', side: 'buy', quantity: 100, type: 'market-on-close', reason: 'unlock-day0', eventId });
      },
    };
    const r = runBacktest({ ...range, initialCash: 100_000, strategy: s });
    const close = (d: string): number => crwv.close[crwv.dates.indexOf(d)]!;
    expect(r.fills.map((f) => [f.date, f.side, f.price])).toEqual([
      ['2025-08-14', 'sell', close('2025-08-14')],
      ['2025-08-15', 'buy', close('2025-08-15')],
    ]);
    expect(r.trades[0]).toMatchObject({ direction: 'short', entryReason: 'pre-unlock', exitReason: 'unlock-day0', eventId: lockup.id });
    expect(r.trades[0]!.grossPnl).toBeCloseTo(100 * (close('2025-08-14') - close('2025-08-15')), 9);
  });

  it("a lock-up's prospectus terms are public from the IPO on", () => {
    let terms: unknown;
    runBacktest({ ...range, initialCash: 0, strategy: { name: 't', init: (ctx) => void (terms = ctx.knownEvents('CRWV').find((n) => n.event.kind === 'lockup-expiry')?.event) } });
    expect(terms).toMatchObject({ kind: 'lockup-expiry', lockup: { ipoDate: '2025-03-28', confirmed: true, offerPrice: 40, sharesUnlockedPct: 84 } });
  });

  it('lists CRWV mid-run: no bar of it before its IPO on 2025-03-28', () => {
    const firsts: SessionMessage[] = [];
    replay({ source: [crwv], start: '2025-03-26', end: '2025-03-31' }).subscribe((m) => m.phase === 'close' && firsts.push(m));
    expect(firsts.map((m) => `${m.date}:${m.slice.end}`)).toEqual(['2025-03-26:0', '2025-03-27:0', '2025-03-28:1', '2025-03-31:1']);
  });
});
