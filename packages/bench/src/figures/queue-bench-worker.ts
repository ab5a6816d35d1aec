import { loadEvents, loadUniverse } from '@aftershock/data';
import { evaluatePoint, serveQueue, type SweepInputs, type SweepPointJob } from '@aftershock/strategy';

/**
 * A queue worker process for the `sweep.queue` figure: `node --import tsx queue-bench-worker.ts URL`. Its jobs'
 * context names the lock-up calendar and the data root; it loads them once and evaluates lockup-short points.
 */
export interface BenchContext {
  readonly lockups: string;
  readonly root: string;
}

export const BENCH_VERSION = 'bench';

const url = process.argv[2];
if (url !== undefined && process.argv[1]?.endsWith('queue-bench-worker.ts')) {
  let inputs: SweepInputs | undefined;
  const worker = await serveQueue(
    url,
    (_name, data) => {
      const job = data as SweepPointJob;
      const ctx = job.context as BenchContext;
      if (!inputs) {
        const events = loadEvents(ctx.lockups);
        inputs = { bars: [...loadUniverse(ctx.root, { symbols: [...new Set(events.map((e) => e.symbol))] }).values()], events };
      }
      return evaluatePoint('lockup-short', {}, job.point, inputs);
    },
    { version: BENCH_VERSION },
  );
  process.stdout.write('serving\n');
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
}
