import { AftershockError } from '@aftershock/core';
import { codeVersion, serveScenarioJobs } from '@aftershock/scenario';
import type { WorkerOptions } from './worker';

function whole(v: string, field: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new AftershockError('BAD_OPTION', `--${field} must be a whole number ≥ ${min}, got "${v}"`, { field });
  return n;
}

/** Serves jobs until SIGINT or SIGTERM, then finishes the jobs in hand and exits 0. */
export async function runWorker(opts: WorkerOptions): Promise<void> {
  const concurrency = whole(opts.concurrency, 'concurrency', 1);
  const lockMs = whole(opts.lockMs, 'lock-ms', 500);
  const version = codeVersion();
  const err = (s: string) => void process.stderr.write(s);
  const worker = await serveScenarioJobs(opts.queue, {
    concurrency,
    lockMs,
    ...(opts.name !== undefined ? { name: opts.name } : {}),
    onJob: (j) => {
      if (j.error !== undefined) err(`worker ${opts.name ?? process.pid}: job ${j.id} (${j.name}) failed: ${j.error}\n`);
      else if (!opts.quiet) err(`worker ${opts.name ?? process.pid}: job ${j.id} (${j.name}) done in ${j.ms.toFixed(0)} ms\n`);
    },
  });
  process.stdout.write(`aftershock worker ${worker.name} (${version}) serving ${opts.queue}, concurrency ${concurrency}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.close();
  process.stdout.write(`aftershock worker ${worker.name} stopped\n`);
}
