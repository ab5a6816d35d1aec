import { evaluatePoint, expandGrid, range, runSweep } from '@aftershock/strategy';
import type { Figure } from '../figure';
import { lockupInputs } from './lockup-inputs';

/**
 * `strategy.sweep.lockups`: lockup-short over N ∈ 1..10 × M ∈ 1..10 on every lock-up in data/lockups.csv (default
 * costs, walk-forward split at 2023-01-01) on 2 worker threads, worker start-up included. Baseline: a plain loop
 * evaluating the same 100 points one after another in this thread, in the same run (after a warm-up point).
 * Extras: the same two timings on a 30 × 10 grid.
 */
export const strategySweepLockups: Figure = {
  name: 'strategy.sweep.lockups',
  unit: 'points/s',
  description: 'lockup-short 10×10 sweep on every lock-up, 2 worker threads vs a single-thread loop',
  async run() {
    const inputs = lockupInputs();
    const events = inputs.events;
    const grid = { before: range(1, 10), after: range(1, 10) };
    const points = expandGrid(grid);
    evaluatePoint('lockup-short', {}, points[0]!, inputs);

    const t0 = process.hrtime.bigint();
    for (const p of points) evaluatePoint('lockup-short', {}, p, inputs);
    const single = Number(process.hrtime.bigint() - t0) / 1e9;

    const t1 = process.hrtime.bigint();
    const r = await runSweep({ strategy: 'lockup-short', grid, walkForward: { split: '2023-01-01' } }, inputs, { threads: 2 });
    const parallel = Number(process.hrtime.bigint() - t1) / 1e9;

    // The same comparison on a grid three times as large (N ∈ 1..30): worker start-up and JIT warm-up are a fixed
    // cost, so the speed-up grows with the work.
    const big = { before: range(1, 30), after: range(1, 10) };
    const t2 = process.hrtime.bigint();
    for (const p of expandGrid(big)) evaluatePoint('lockup-short', {}, p, inputs);
    const bigSingle = Number(process.hrtime.bigint() - t2) / 1e9;
    const t3 = process.hrtime.bigint();
    await runSweep({ strategy: 'lockup-short', grid: big }, inputs, { threads: 2 });
    const bigParallel = Number(process.hrtime.bigint() - t3) / 1e9;

    const f = r.folds[0]!;
    return {
      value: points.length / parallel,
      baseline: points.length / single,
      extra: {
        events: events.length,
        twoThreadsS: +parallel.toFixed(2),
        oneThreadS: +single.toFixed(2),
        grid300TwoThreadsS: +bigParallel.toFixed(2),
        grid300OneThreadS: +bigSingle.toFixed(2),
        inSampleBest: JSON.stringify(f.bestParams).replace(/"/g, ''),
        inSampleMeanPct: +((f.inSample?.meanReturn ?? NaN) * 100).toFixed(2),
        outOfSampleMeanPct: +((f.outOfSample?.meanReturn ?? NaN) * 100).toFixed(2),
      },
    };
  },
};
