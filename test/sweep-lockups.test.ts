import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEvents, loadUniverse } from '@aftershock/data';
import { evaluatePoint, range, runSweep } from '@aftershock/strategy';

const REAL = fileURLToPath(new URL('../../shared/data/real/backtester39', import.meta.url));
const LOCKUPS = fileURLToPath(new URL('../data/lockups.csv', import.meta.url));

/**
 * lockup-short over N ∈ 1..10 × M ∈ 1..10 on every lock-up in data/lockups.csv (default costs), on 2 worker
 * threads, with a walk-forward split by date: tuned on 2019–2022 expiries, scored on 2023 and later ones.
 * Timing is printed, never asserted.
 */
describe('sweep of lockup-short over a 10 × 10 grid on every lock-up', () => {
  it('2 worker threads give exactly the single-thread result; the in-sample best is scored out of sample', async () => {
    const events = loadEvents(LOCKUPS);
    const symbols = [...new Set(events.map((e) => e.symbol))];
    const bars = [...loadUniverse(REAL, { symbols }).values()];
    const spec = { strategy: 'lockup-short', grid: { before: range(1, 10), after: range(1, 10) }, walkForward: { split: '2023-01-01' } };
    const inputs = { bars, events };
    // Warm this thread's JIT on one point first, so the single-thread timing is not charged for it.
    evaluatePoint('lockup-short', {}, { before: 2, after: 2 }, inputs);

    const t0 = process.hrtime.bigint();
    const two = await runSweep(spec, inputs, { threads: 2 });
    const t1 = process.hrtime.bigint();
    const one = await runSweep(spec, inputs, { threads: 1 });
    const t2 = process.hrtime.bigint();
    expect(two).toEqual(one);

    expect(one.points).toHaveLength(100);
    expect(one.events).toBe(events.length);
    const f = one.folds[0]!;
    expect(f.trainRange[1]! < '2023-01-01' && f.testRange[0]! >= '2023-01-01').toBe(true);
    expect(f.trainEvents! + f.testEvents!).toBe(events.length);
    expect(f.bestParams).not.toBeNull();
    // The best in-sample point really is the best on the training events, and its out-of-sample score is its
    // own score on the later events.
    const train = one.points.map((p) => p.folds[0]!.train.score ?? -Infinity);
    expect(train[f.best!]).toBe(Math.max(...train));
    expect(f.outOfSample).toEqual(one.points[f.best!]!.folds[0]!.test);
    // Grid order: before varies slowest, so (N = 2, M = 2) is point 11.
    expect(one.points[11]!.params).toEqual({ before: 2, after: 2 });

    const s2 = Number(t1 - t0) / 1e9;
    const s1 = Number(t2 - t1) / 1e9;
    const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
    console.log(
      [
        `sweep lockup-short 10×10 on ${events.length} lock-ups (${f.trainEvents} in-sample ${f.trainRange.join('..')}, ${f.testEvents} out-of-sample ${f.testRange.join('..')})`,
        `wall time: 2 worker threads ${s2.toFixed(2)} s (bundle + worker start-up included), 1 thread ${s1.toFixed(2)} s, speed-up ${(s1 / s2).toFixed(2)}× (same run; other test files may share the cores)`,
        `best on all events: ${JSON.stringify(one.best.params)} mean ${pct(one.best.score)} per event`,
        `in-sample best ${JSON.stringify(f.bestParams)}: in-sample mean ${pct(f.inSample!.meanReturn)} (t ${f.inSample!.tStat?.toFixed(2)}, ${f.inSample!.events} events) → out-of-sample mean ${pct(f.outOfSample!.meanReturn)} (t ${f.outOfSample!.tStat?.toFixed(2)}, ${f.outOfSample!.events} events)`,
      ].join('\n'),
    );
  });
});
