import { concatMap, delay, filter, map, of, take, toArray, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { backtest$, compareMessages, phaseInstant, replay, runBacktest, type EngineMessage, type SessionMessage } from '../src/index';
import { cal, earnings, flat, series } from './bars';

/** One message per frame (a synchronous replay would otherwise be one group). */
function framed<T>(src: Observable<T>): Observable<T> {
  return src.pipe(concatMap((m) => of(m).pipe(delay(1))));
}

const testScheduler = (): TestScheduler => new TestScheduler((a, b) => expect(a).toEqual(b));

describe('replay order', () => {
  const a = flat('AAA', '2025-08-07', '2025-08-08', 10);
  const b = flat('BBB', '2025-08-08', '2025-08-08', 20); // lists on the 8th
  const label = (m: SessionMessage): string => `${m.date.slice(8)}${m.phase[0]}${m.phase === 'post-close' ? 'x' : ''}:${m.slice.end}`;

  it('emits pre-open, open, close, post-close per session, with the session bars as a slice (marbles)', () => {
    testScheduler().run(({ expectObservable }) => {
      const labels = { a: '07p:0', b: '07o:1', c: '07c:1', d: '07px:1', e: '08p:0', f: '08o:2', g: '08c:2', h: '08px:2' };
      expectObservable(framed(replay({ source: [a, b] }).pipe(map(label)))).toBe('-abcdefg(h|)', labels);
    });
  });

  it('a synchronous replay is one group', () => {
    testScheduler().run(({ expectObservable }) => {
      const out = replay({ source: [a, b] }).pipe(
        filter((m) => m.phase === 'close'),
        map((m) => m.slice.end),
      );
      expectObservable(out).toBe('(xy|)', { x: 1, y: 2 });
    });
  });

  it('a symbol that lists mid-run and a gap appear only on their sessions', () => {
    const gap = series('GAP', [
      ['2025-08-04', 1, 1, 1, 1],
      ['2025-08-06', 1, 1, 1, 1],
    ]);
    const ipo = series('IPO', [['2025-08-06', 5, 6, 4, 5]]);
    const seen: string[] = [];
    runBacktest({
      source: [gap, ipo],
      start: '2025-08-04',
      end: '2025-08-06',
      initialCash: 0,
      strategy: {
        name: 'watch',
        onBar(msg, ctx) {
          const syms: string[] = [];
          for (let k = msg.slice.start; k < msg.slice.end; k++) syms.push(ctx.symbols[msg.slice.symbols[k]!]!);
          seen.push(`${msg.date}:${syms.join(',')}:ipoBars=${ctx.series('IPO').length}`);
        },
      },
    });
    expect(seen).toEqual(['2025-08-04:GAP:ipoBars=0', '2025-08-05::ipoBars=0', '2025-08-06:GAP,IPO:ipoBars=1']);
  });

  it('without an end date the run lasts until the last bar of any symbol, one that lists later included', () => {
    const early = flat('E', '2025-08-04', '2025-08-06');
    const late = flat('L', '2025-08-06', '2025-08-12');
    const r = runBacktest({ source: [early, late], initialCash: 0, strategy: { name: 'n' } });
    expect([r.start, r.end, r.stats.bars]).toEqual(['2025-08-04', '2025-08-12', 3 + 5]);
  });

  it('every message is in the one total order (ts, priority, seq), strictly increasing', () => {
    const x = flat('X', '2025-08-04', '2025-08-15', 50);
    let n = 0;
    const msgs: EngineMessage[] = [];
    backtest$({
      source: [x],
      initialCash: 10_000,
      events: [earnings('X-Q', 'X', '2025-08-06', 'after-close', { actual: 1, estimate: 0.5 }, 3)],
      strategy: {
        name: 'churn',
        onSessionClose(_m, ctx) {
          ctx.submit({ symbol: 'X', side: n++ % 2 === 0 ? 'buy' : 'sell', quantity: 1, type: 'market-on-close' });
          ctx.submit({ symbol: 'X', side: 'buy', quantity: 1, type: 'market-on-open' });
          ctx.submit({ symbol: 'NOPE', side: 'buy', quantity: 1, type: 'market-on-open' });
        },
      },
    }).subscribe((m) => msgs.push(m));
    expect(new Set(msgs.map((m) => m.type))).toEqual(new Set(['session', 'fill', 'reject']));
    for (let i = 1; i < msgs.length; i++) expect(compareMessages(msgs[i - 1]!, msgs[i]!)).toBeLessThan(0);
    expect(msgs.map((m) => m.seq)).toEqual(msgs.map((_m, i) => i));
  });

  it('unsubscribing stops the clock; a strategy error reaches the subscriber as an error', () => {
    const x = flat('X', '2025-08-04', '2025-08-15', 50);
    let seen = 0;
    const got: string[] = [];
    backtest$({ source: [x], initialCash: 0, strategy: { name: 'count', onSession: () => void seen++ } })
      .pipe(take(6))
      .subscribe((m) => got.push(m.type));
    expect(got).toHaveLength(6);
    expect(seen).toBeLessThanOrEqual(8); // the run stops within the session where the subscriber left
    let error: unknown;
    backtest$({ source: [x], initialCash: 0, strategy: { name: 'boom', onOpen: () => { throw new Error('boom'); } } }).subscribe({ error: (e: unknown) => (error = e) });
    expect((error as Error).message).toBe('boom');
  });

  it('the same inputs give the same stream', async () => {
    const x = flat('X', '2025-08-04', '2025-08-15', 50);
    const run = (): Promise<string> =>
      new Promise((resolve) => replay({ source: [x], events: [earnings('E', 'X', '2025-08-08', 'before-open', { actual: 1, estimate: 1 }, 2)] }).pipe(toArray()).subscribe((a) => resolve(JSON.stringify(a.map((m) => [m.ts, m.phase, m.events.map((e) => e.stage)])))));
    expect(await run()).toBe(await run());
  });
});

describe('known vs released', () => {
  const x = flat('X', '2025-08-04', '2025-08-15', 50);
  const ev = earnings('X-Q2', 'X', '2025-08-12', 'after-close', { actual: -0.6, estimate: -0.23 }, 3);

  it('the date is public `lead` sessions ahead, the numbers only from post-close of an after-close release (marbles)', () => {
    testScheduler().run(({ expectObservable }) => {
      const out = framed(replay({ source: [x], events: [ev], start: '2025-08-06', end: '2025-08-13' })).pipe(
        map((m) => (m.events.length === 0 ? 'n' : m.events.map((n) => n.stage[0]).join(''))),
      );
      // Sessions 08-06, 07, 08, 11, 12, 13 × (pre-open, open, close, post-close). The 3-session lead makes the date
      // public at 07:30 ET on 2025-08-07 (pre-open of the 2nd session); the after-close release (16:01 ET on
      // 2025-08-12) is public at the post-close of the 5th session, not a phase earlier.
      const expected = '-nnnn snnn nnnn nnnn nnnr nnn(n|)';
      expectObservable(out).toBe(expected, { n: 'n', s: 's', r: 'r' });
    });
  });

  it('the scheduled view carries no numbers; the released one does', () => {
    const notices: SessionMessage['events'][number][] = [];
    replay({ source: [x], events: [ev] }).subscribe((m) => notices.push(...m.events));
    expect(notices.map((n) => n.stage)).toEqual(['scheduled', 'released']);
    const [s, r] = notices;
    expect(s!.event).not.toHaveProperty('epsActual');
    expect(s!.event).not.toHaveProperty('surprise');
    expect(s!.event).not.toHaveProperty('revenueActual');
    expect(s!.day0.day0).toBe('2025-08-13');
    expect(r!.event).toHaveProperty('epsActual', -0.6);
    expect(cal.date(r!.day0.ordinal)).toBe('2025-08-13');
  });

  it('earningsLead overrides tsKnown; a before-open release is public at pre-open', () => {
    const bmo = { ...earnings('B', 'X', '2025-08-12', 'before-open', { actual: 1, estimate: 1 }, 3), tsKnown: 0 };
    const at: string[] = [];
    replay({ source: [x], events: [bmo], earningsLead: 2 }).subscribe((m) => m.events.forEach((n) => at.push(`${n.stage}@${m.date}/${m.phase}`)));
    expect(at).toEqual(['scheduled@2025-08-08/pre-open', 'released@2025-08-12/pre-open']);
  });

  it('what was public before the start is known to the strategy but not delivered as a notice', () => {
    let known: string[] = [];
    let delivered = 0;
    runBacktest({
      source: [x],
      events: [ev],
      start: '2025-08-13',
      initialCash: 0,
      strategy: {
        name: 'k',
        init(ctx) {
          known = ctx.knownEvents('X').map((n) => n.stage);
        },
        onEvent() {
          delivered++;
        },
      },
    });
    expect(known).toEqual(['released']);
    expect(delivered).toBe(0);
  });

  it('an event whose date was public before the start but whose release is ahead is delivered at the first pre-open', () => {
    const at: string[] = [];
    let known: string[] = [];
    replay({ source: [x], events: [ev], start: '2025-08-11' }).subscribe((m) => m.events.forEach((n) => at.push(`${n.stage}@${m.date}/${m.phase}`)));
    runBacktest({ source: [x], events: [ev], start: '2025-08-11', initialCash: 0, strategy: { name: 'k', init: (ctx) => void (known = ctx.knownEvents().map((n) => n.stage)) } });
    expect(at).toEqual(['scheduled@2025-08-11/pre-open', 'released@2025-08-12/post-close']);
    expect(known).toEqual(['scheduled']);
  });
});

describe('phase instants', () => {
  it('open and close match the calendar (early closes included); pre-open and post-close bracket them', () => {
    const early = ['2019-07-03', '2020-11-27', '2024-12-24', '2025-07-03'];
    const sample = [...cal.sessionsBetween('2019-01-01', '2026-12-31').filter((_d, i) => i % 97 === 0), ...early];
    for (const d of sample) {
      const o = cal.ordinal(d);
      expect([phaseInstant(cal, o, 'open'), phaseInstant(cal, o, 'close')]).toEqual([cal.openAt(d), cal.closeAt(d)]);
      expect(phaseInstant(cal, o, 'pre-open')).toBeLessThan(cal.openAt(d));
      expect(phaseInstant(cal, o, 'post-close')).toBeGreaterThan(cal.closeAt(d) + 60_000); // after-close releases (close + 1 min) land in post-close
    }
  });
});
