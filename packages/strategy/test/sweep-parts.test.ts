import { describe, expect, it } from 'vitest';
import { argBest, expandGrid, range, runSweep, scoreOn, ttyProgress, walkForwardFolds } from '../src/index';
import { NO_COSTS, cal, lockup, series, sessions } from './build';

describe('grid expansion', () => {
  it('every combination, the last key fastest', () => {
    expect(expandGrid({ before: [1, 2], after: [3, 4] })).toEqual([
      { before: 1, after: 3 },
      { before: 1, after: 4 },
      { before: 2, after: 3 },
      { before: 2, after: 4 },
    ]);
    expect(expandGrid({ before: range(1, 10), after: range(1, 10) })).toHaveLength(100);
  });
});

describe('walk-forward folds by date', () => {
  const ev = ['2020-01-10', '2020-05-01', '2021-03-01', '2021-09-09', '2022-02-02', '2023-07-07'].map((date, i) => ({ id: `e${i}`, date, timing: 'before-open' as const, kind: 'custom' as const }));
  it('a split date: earlier events in-sample, the rest out-of-sample', () => {
    const [f] = walkForwardFolds(ev, { split: '2021-06-01' }, cal);
    expect([...f!.train]).toEqual(['e0', 'e1', 'e2']);
    expect([...f!.test]).toEqual(['e3', 'e4', 'e5']);
    expect(f!.testRange).toEqual(['2021-09-09', '2023-07-07']);
  });
  it('a train fraction cuts at the date of the first event after it', () => {
    const [f] = walkForwardFolds(ev, { trainFraction: 0.5 }, cal);
    expect([...f!.train]).toEqual(['e0', 'e1', 'e2']);
  });
  it('anchored folds: each tests on a later block than all it trains on', () => {
    const fs = walkForwardFolds(ev, { folds: 2 }, cal);
    expect(fs.map((f) => [[...f.train], [...f.test]])).toEqual([
      [['e0', 'e1'], ['e2', 'e3']],
      [['e0', 'e1', 'e2', 'e3'], ['e4', 'e5']],
    ]);
    expect(() => walkForwardFolds(ev, { folds: 6 }, cal)).toThrow(/folds = 6 needs at least 7 sessions with events .*; the events fall on 6/);
  });
});

describe('scores', () => {
  const o = { perEvent: [{ eventId: 'a', ret: 0.1 }, { eventId: 'b', ret: -0.05 }, { eventId: 'c', ret: 0.04 }], trades: [{ eventId: 'a', netPnl: 100, ret: 0.1 }, { eventId: 'b', netPnl: -50, ret: -0.05 }, { eventId: 'c', netPnl: 40, ret: 0.04 }].map((t) => ({ ...t, entryDate: '2025-01-02', exitDate: '2025-01-03' })), skipped: 0 };
  it('on a subset of events', () => {
    const s = scoreOn(o, 'event.meanReturn', new Set(['a', 'b']));
    expect(s.meanReturn).toBeCloseTo(0.025, 12);
    expect(s.score).toBeCloseTo(0.025, 12);
    expect(s.netPnl).toBe(50);
    expect(s.hitRate).toBe(0.5);
    expect(scoreOn(o, 'trade.netPnl').score).toBe(90);
    expect(scoreOn(o, 'event.meanReturn', new Set(['a']), 2).score).toBeNaN();
  });
  it('argBest: NaN never wins, ties go to the first point', () => {
    expect(argBest([NaN, 1, 3, 3, 2])).toBe(2);
    expect(argBest([NaN, NaN])).toBe(-1);
  });
});

describe('progress bar', () => {
  it('draws on a TTY and stays quiet otherwise', () => {
    let out = '';
    const bar = ttyProgress('sweep', { isTTY: true, write: (s: string) => (out += s) }, 10)!;
    bar(5, 10);
    bar(10, 10);
    expect(out).toBe('\rsweep [#####-----] 5/10\rsweep [##########] 10/10\n');
    expect(ttyProgress('sweep', { isTTY: false, write: () => true })).toBeUndefined();
  });
});

describe('a small sweep on hand-built lock-ups', () => {
  // Four lock-ups a year apart on one symbol at 20, except around each day 0: day −2 25, day −1 22, day 0 20,
  // day +1 18, day +2 21 (the first two events) or 14 (the last two).
  const dates = sessions('2021-01-04', 1000);
  const px = new Map(dates.map((d) => [d, 20]));
  const expiries = ['2021-06-15', '2022-06-15', '2023-06-15', '2024-06-14'];
  expiries.forEach((d, k) => {
    const d0 = cal.next(d);
    [25, 22, 20, 18, k < 2 ? 21 : 14].forEach((v, j) => px.set(cal.shift(d0, j - 2), v));
  });
  const bars = [series('AAA', '2021-01-04', dates.map((d) => px.get(d)!))];
  const events = expiries.map((d) => lockup('AAA', d, '2020-12-01'));
  const spec = { strategy: 'lockup-short', grid: { before: [1, 2], after: [1, 2] }, walkForward: { split: '2023-01-01' } };

  it('per-event returns by hand; in-sample best scored on the later events; threads = 1 and 2 agree', async () => {
    const one = await runSweep(spec, { bars, events, costs: NO_COSTS });
    // Short at the close of day −N, cover at the close of day +M: return 1 − exit / entry.
    // (1,1): 1 − 18/22; (1,2): 1 − 21/22 then 1 − 14/22; (2,1): 1 − 18/25 = 0.28; (2,2): 1 − 21/25 = 0.16 then
    // 1 − 14/25 = 0.44.
    const mean = one.points.map((p) => p.all.meanReturn!);
    expect(mean[0]).toBeCloseTo(1 - 18 / 22, 12);
    expect(mean[1]).toBeCloseTo((1 / 22 + 8 / 22) / 2, 12);
    expect(mean[2]).toBeCloseTo(0.28, 12);
    expect(mean[3]).toBeCloseTo((0.16 + 0.44) / 2, 12);
    expect(one.best.params).toEqual({ before: 2, after: 2 }); // 0.30 on all events
    // In-sample (2021–2022): (2,1) 0.28 beats (2,2) 0.16. Out-of-sample (2023–2024) it scores 0.28, while (2,2)
    // would have made 0.44 there: the walk-forward shows what tuning on the past was worth.
    const f = one.folds[0]!;
    expect([f.trainEvents, f.testEvents, f.bestParams]).toEqual([2, 2, { before: 2, after: 1 }]);
    expect(f.inSample!.score).toBeCloseTo(0.28, 12);
    expect(f.outOfSample!.score).toBeCloseTo(0.28, 12);
    expect(one.points[3]!.folds[0]!.test.score).toBeCloseTo(0.44, 12);
    expect(one.outOfSample!.meanReturn).toBeCloseTo(0.28, 12);
    // Every point on the two workers, from the esbuild bundle; with this thread helping; through tsx's tsImport.
    let points = 0;
    const two = await runSweep(spec, { bars, events, costs: NO_COSTS }, { threads: 2, progress: () => points++ });
    expect(two).toEqual(one);
    expect(points).toBe(4);
    expect(await runSweep(spec, { bars, events, costs: NO_COSTS }, { threads: 2, helpWhileStarting: true })).toEqual(one);
    expect(await runSweep(spec, { bars, events, costs: NO_COSTS }, { threads: 2, loader: 'tsx' })).toEqual(one);
    // The piscina pool (the bench's comparison) and a single worker of either pool give the same result too.
    expect(await runSweep(spec, { bars, events, costs: NO_COSTS }, { threads: 2, pool: 'piscina', progress: false })).toEqual(one);
    expect(await runSweep(spec, { bars, events, costs: NO_COSTS }, { threads: 1, pool: 'piscina', progress: false })).toEqual(one);
    expect(await runSweep(spec, { bars, events, costs: NO_COSTS }, { threads: 1, pool: 'own', progress: false })).toEqual(one);
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
  });
  it('bad grid values are reported together before anything runs', async () => {
    await expect(runSweep({ strategy: 'lockup-short', grid: { before: [1, -3], after: [1.5] } }, { bars, events })).rejects.toThrow(/2 problem/);
  });
});
