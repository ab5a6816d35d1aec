import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot, loadEvents, loadUniverse, resolveDataRoot } from '@aftershock/data';
import { QueueClient, expandGrid, queueEvaluator, range, runSweep } from '@aftershock/strategy';
import type { Figure } from '../figure';
import { startRedisServer, stopProcess } from '../redis-server';
import { BENCH_VERSION, type BenchContext } from './queue-bench-worker';

const WORKER = fileURLToPath(new URL('./queue-bench-worker.ts', import.meta.url));

function startWorker(url: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', WORKER, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (b: Buffer) => b.toString().includes('serving') && resolve(proc));
    proc.once('exit', (code) => reject(new Error(`bench worker exited (code ${code})`)));
  });
}

/**
 * `sweep.queue`: lockup-short over a 10 × 10 grid on every lock-up, each point a BullMQ job on a real redis-server
 * (started here on a loopback port), done by 1 and then 2 worker processes (warmed up: data loaded), vs the local
 * worker pool (2 threads, start-up included) in the same run. Value: points/s with 2 queue workers; baseline: the
 * local pool. Needs redis-server on PATH.
 */
export const sweepQueue: Figure = {
  name: 'sweep.queue',
  unit: 'points/s',
  description: 'lockup-short 10×10 sweep as BullMQ jobs on 1 and 2 worker processes vs the local 2-thread pool',
  async run() {
    const root = resolveDataRoot();
    const lockups = join(findRepoRoot()!, 'data', 'lockups.csv');
    const events = loadEvents(lockups);
    const bars = [...loadUniverse(root, { symbols: [...new Set(events.map((e) => e.symbol))] }).values()];
    const inputs = { bars, events };
    const grid = { before: range(1, 10), after: range(1, 10) };
    const spec = { strategy: 'lockup-short', grid, walkForward: { split: '2023-01-01' } };
    const n = expandGrid(grid).length;
    const context: BenchContext = { lockups, root: root.dir };

    const redis = await startRedisServer();
    const workers: ChildProcess[] = [];
    const client = await QueueClient.connect(redis.url, { version: BENCH_VERSION });
    try {
      const evaluate = queueEvaluator(client, context, 0);
      const queued = async () => {
        const t0 = process.hrtime.bigint();
        const r = await runSweep(spec, inputs, { evaluate, progress: false });
        return { s: Number(process.hrtime.bigint() - t0) / 1e9, r };
      };
      workers.push(await startWorker(redis.url));
      await runSweep({ strategy: 'lockup-short', grid: { before: [1, 2], after: [1, 2] } }, inputs, { evaluate, progress: false });
      const one = await queued();
      workers.push(await startWorker(redis.url));
      // Warm the second worker: enough points that both take some.
      await runSweep({ strategy: 'lockup-short', grid: { before: range(1, 4), after: range(1, 4) } }, inputs, { evaluate, progress: false });
      const two = await queued();
      const t0 = process.hrtime.bigint();
      const local = await runSweep(spec, inputs, { threads: 2, progress: false });
      const pool = Number(process.hrtime.bigint() - t0) / 1e9;
      if (JSON.stringify(two.r) !== JSON.stringify(local) || JSON.stringify(one.r) !== JSON.stringify(local)) throw new Error('the queued sweep differs from the local one');
      return {
        value: n / two.s,
        baseline: n / pool,
        extra: {
          points: n,
          events: events.length,
          oneWorkerPointsPerS: +(n / one.s).toFixed(1),
          twoWorkersPointsPerS: +(n / two.s).toFixed(1),
          localPoolPointsPerS: +(n / pool).toFixed(1),
          oneWorkerS: +one.s.toFixed(2),
          twoWorkersS: +two.s.toFixed(2),
          localPoolS: +pool.toFixed(2),
        },
      };
    } finally {
      await client.close();
      await Promise.all(workers.map((w) => stopProcess(w)));
      await redis.stop();
    }
  },
};
