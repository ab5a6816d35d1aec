import { evaluatePoint, expandGrid, range, runSweep, type SweepOptions } from '@aftershock/strategy';
import type { Figure } from '../figure';
import { lockupInputs } from './lockup-inputs';

/**
 * `strategy.sweep.pools`: lockup-short over a 30 × 10 grid (300 points) on every lock-up in data/lockups.csv, on the
 * piscina pool and on the hand-written worker pool (the default: the value is its rate on 2 threads), each on 1 and 2 worker threads, worker start-up
 * included; rounds interleaved (piscina, hand-written, …) so load drifts hit both alike; the best of the rounds is
 * kept. Baseline: a plain loop evaluating the same 300 points in this thread, in the same run. Every run must give
 * the single-thread result, or the figure fails.
 */
export const strategySweepPools: Figure = {
  name: 'strategy.sweep.pools',
  unit: 'points/s',
  description: 'lockup-short 30×10 sweep: piscina vs the hand-written pool, 1 and 2 worker threads, vs an in-thread loop',
  async run() {
    const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
    const inputs = lockupInputs();
    const grid = { before: range(1, 30), after: range(1, 10) };
    const points = expandGrid(grid);
    evaluatePoint('lockup-short', {}, points[0]!, inputs);
    const spec = { strategy: 'lockup-short', grid, walkForward: { folds: 3 } };
    const reference = JSON.stringify(await runSweep(spec, inputs, { threads: 1, progress: false }));
    const best: Record<string, number> = {};
    const time = async (key: string, fn: () => Promise<unknown>) => {
      const t0 = process.hrtime.bigint();
      const r = await fn();
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r !== undefined && JSON.stringify(r) !== reference) throw new Error(`${key}: the sweep differs from the single-thread result`);
      best[key] = Math.min(best[key] ?? Infinity, s);
    };
    const sweep = (opts: SweepOptions) => () => runSweep(spec, inputs, { progress: false, ...opts });
    for (let k = 0; k < rounds; k++) {
      await time('loop', async () => {
        for (const p of points) evaluatePoint('lockup-short', {}, p, inputs);
        return undefined;
      });
      await time('piscina2', sweep({ threads: 2, pool: 'piscina' }));
      await time('own2', sweep({ threads: 2, pool: 'own' }));
      await time('piscina1', sweep({ threads: 1, pool: 'piscina' }));
      await time('own1', sweep({ threads: 1, pool: 'own' }));
    }
    const rate = (k: string) => +(points.length / best[k]!).toFixed(1);
    return {
      value: points.length / best['own2']!,
      baseline: points.length / best['loop']!,
      extra: {
        points: points.length,
        rounds,
        piscina2: rate('piscina2'),
        own2: rate('own2'),
        piscina1: rate('piscina1'),
        own1: rate('own1'),
        loopS: +best['loop']!.toFixed(2),
        piscina2S: +best['piscina2']!.toFixed(2),
        own2S: +best['own2']!.toFixed(2),
      },
    };
  },
};
