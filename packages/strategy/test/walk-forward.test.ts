import { describe, expect, it } from 'vitest';
import { runStrategy, runSweep, trainingEvents, walkForwardFolds, type Fold, type PointOutcome } from '../src/index';
import { NO_COSTS, cal, earnings, series } from './build';

// Sessions from 2025-03-03: 0 03-03, 1 03-04, 2 03-05, … 6 03-11, 7 03-12, 8 03-13, 9 03-14, 10 03-17, 11 03-18,
// 12 03-19, 13 03-20, … 17 03-26, … 22 04-02. Six earnings releases, each of its own stock; C (after the close of
// 03-18) and D (before the open of 03-19) are one session by day 0 (03-19), though their dates differ.
const syms = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF'];
const bars = syms.map((s, k) => series(s, '2025-03-03', Array.from({ length: 40 }, (_, i) => 100 + (k + 1) * Math.sin(i / 3) + i / 10)));
const events = [
  earnings('AAA', '2025-03-05', 'before-open'),
  earnings('BBB', '2025-03-12', 'before-open'),
  earnings('CCC', '2025-03-18', 'after-close'),
  earnings('DDD', '2025-03-19', 'before-open'),
  earnings('EEE', '2025-03-26', 'before-open'),
  earnings('FFF', '2025-04-02', 'before-open'),
];
const id = (s: string) => events[syms.indexOf(s)]!.id;

describe('walk-forward folds by session', () => {
  it('keeps the events of one session together at a boundary (by day 0, not by date or count)', () => {
    // Six events, two blocks: a cut by count after three events (by date: AAA, BBB, CCC | DDD, …) would put CCC and
    // DDD, both day 0 = 03-19, on two sides. The cut goes to the nearest session boundary instead.
    const [f] = walkForwardFolds(events, { folds: 1 }, cal);
    expect([...f!.train]).toEqual([id('AAA'), id('BBB')]);
    expect([...f!.test]).toEqual([id('CCC'), id('DDD'), id('EEE'), id('FFF')]);
    expect([f!.trainRange, f!.testRange]).toEqual([['2025-03-05', '2025-03-12'], ['2025-03-19', '2025-04-02']]);
    // A split date between the two dates of the pair still keeps them together: CCC's day 0 is 03-19.
    const [s] = walkForwardFolds(events, { split: '2025-03-19' }, cal);
    expect([...s!.test]).toContain(id('CCC'));
    // Purged k-fold: three blocks, the pair in one of them, each block tested once.
    const k = walkForwardFolds(events, { kfold: 3, embargo: 2 }, cal);
    expect(k.map((x) => [...x.test])).toEqual([[id('AAA'), id('BBB')], [id('CCC'), id('DDD')], [id('EEE'), id('FFF')]]);
    expect(k[1]!.train).toEqual(new Set([id('AAA'), id('BBB'), id('EEE'), id('FFF')]));
    expect(k.every((x) => x.embargo === 2)).toBe(true);
    expect(() => walkForwardFolds(events, { kfold: 6 }, cal)).toThrow(/kfold = 6 needs at least 6 sessions with events .*fall on 5/);
  });

  it('purges a training event whose trade runs into the test period, for that grid point only', async () => {
    // hold-through long, before 1: BBB (day 0 03-12) enters at the close of 03-11; with after 6 it exits at the
    // close of 03-20, past the first test trade's entry (CCC and DDD enter at the close of 03-18): purged. With
    // after 2 it exits on 03-14, before the test span: kept. AAA (exit 03-13 or 03-07) never reaches it.
    const inputs = { bars, events, costs: NO_COSTS };
    const long = runStrategy({ name: 'hold-through', params: { before: 1, after: 6 } }, inputs).run.trades;
    const b = long.find((t) => t.eventId === id('BBB'))!;
    const c = long.find((t) => t.eventId === id('CCC'))!;
    expect([b.entryDate, b.exitDate, c.entryDate]).toEqual(['2025-03-11', '2025-03-20', '2025-03-18']);
    expect(b.exitDate! >= c.entryDate).toBe(true); // the trade crosses the boundary
    const r = await runSweep({ strategy: 'hold-through', base: { before: 1 }, grid: { after: [2, 6] }, walkForward: { folds: 1 } }, inputs, { progress: false });
    const [p2, p6] = r.points;
    expect([p2!.folds[0]!.purged, p2!.folds[0]!.train.events]).toEqual([0, 2]);
    expect([p6!.folds[0]!.purged, p6!.folds[0]!.train.events]).toEqual([1, 1]);
    // The in-sample score of after 6 is AAA's return alone, as runStrategy gives it.
    const a6 = runStrategy({ name: 'hold-through', params: { before: 1, after: 6 } }, inputs).run.perEvent.find((e) => e.eventId === id('AAA'))!.ret;
    expect(p6!.folds[0]!.train.meanReturn).toBeCloseTo(a6, 12);
    // The test side is never purged.
    expect(p6!.folds[0]!.test.events).toBe(4);
    expect(r.folds[0]!.purged).toBe(r.folds[0]!.best === 1 ? 1 : 0);
  });

  it('embargoes the training events just after the test span (purged k-fold)', () => {
    // Test block: one event traded 03-10 → 03-12. Training events: X (trade 03-11 → 03-13: overlaps, purged), Y (enters
    // 03-14, 2 sessions after 03-12: within an embargo of 2), Z (enters 03-17, 3 sessions after: kept), W before the
    // test (03-03 → 03-05: kept), V (no trade: kept, it scores nothing).
    const fold: Fold = { train: new Set(['W', 'X', 'Y', 'Z', 'V']), test: new Set(['T']), trainRange: ['2025-03-05', '2025-03-17'], testRange: ['2025-03-11', '2025-03-11'], embargo: 2 };
    const tr = (eventId: string, entryDate: string, exitDate: string | null) => ({ eventId, netPnl: 1, ret: 0.01, entryDate, exitDate });
    const o: PointOutcome = {
      perEvent: [],
      trades: [tr('T', '2025-03-10', '2025-03-12'), tr('X', '2025-03-11', '2025-03-13'), tr('Y', '2025-03-14', '2025-03-18'), tr('Z', '2025-03-17', '2025-03-19'), tr('W', '2025-03-03', '2025-03-05')],
      skipped: 0,
    };
    const ord = (d: string) => cal.ordinalOnOrBefore(d);
    const r = trainingEvents(o, fold, ord);
    expect([[...r.ids].sort(), r.purged, r.embargoed]).toEqual([['V', 'W', 'Z'], 1, 1]);
    expect(trainingEvents(o, { ...fold, embargo: 3 }, ord)).toMatchObject({ purged: 1, embargoed: 2 });
    expect(trainingEvents(o, { ...fold, embargo: 0 }, ord)).toMatchObject({ purged: 1, embargoed: 0 });
    // A test trade still open at the end runs past every date: every later training trade is purged.
    const open = { ...o, trades: [tr('T', '2025-03-10', null), ...o.trades.slice(1)] };
    expect(trainingEvents(open, fold, ord)).toMatchObject({ purged: 3, embargoed: 0 });
  });
});
