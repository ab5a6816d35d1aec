import { hostname } from 'node:os';
import type { QueuedData } from './queue-client';
import { decodeJson, encodeJson } from './queue-codec';
import { connectionOptions, parseQueueUrl, probeQueue, QUEUE_NAME } from './queue-connection';

/** Does one job: its name and decoded data in, a JSON-encodable result out. */
export type QueueHandler = (name: string, data: unknown) => Promise<unknown> | unknown;

export interface QueueWorkerOptions {
  /** This worker's code version; a job made by another version is refused (failed, not retried). */
  readonly version: string;
  /** Jobs in flight in this process (default 1; CPU-bound jobs gain from more processes, not more concurrency). */
  readonly concurrency?: number;
  /**
   * How long a job's lock lasts without renewal (default 10 s; renewed at half that): when a worker dies, its jobs
   * go back to the queue this long after, through BullMQ's stalled-job check, and another worker does them.
   */
  readonly lockMs?: number;
  /** Shown on jobs as the worker that processed them (default host:pid). */
  readonly name?: string;
  /** Called after each job, e.g. to log it. */
  readonly onJob?: (info: { readonly name: string; readonly id: string; readonly ms: number; readonly error?: string }) => void;
}

export interface QueueWorker {
  readonly name: string;
  close(): Promise<void>;
}

/**
 * Serves jobs from the queue until closed: BullMQ's Worker with its stalled-job check on, so a job whose worker
 * was killed mid-job is retried by another. Connects first and fails with QUEUE_UNREACHABLE naming the URL.
 */
export async function serveQueue(url: string, handler: QueueHandler, opts: QueueWorkerOptions): Promise<QueueWorker> {
  const target = parseQueueUrl(url);
  await probeQueue(target);
  const { Worker, UnrecoverableError } = await import('bullmq');
  const lockDuration = opts.lockMs ?? 10_000;
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const t0 = performance.now();
      const data = job.data as QueuedData;
      try {
        if (data.version !== opts.version) {
          throw new UnrecoverableError(`refused by worker ${name}: the job was made by aftershock ${data.version}, this worker runs ${opts.version}; run workers of the same version as the client`);
        }
        const result = encodeJson(await handler(job.name, decodeJson(data.payload)));
        opts.onJob?.({ name: job.name, id: job.id ?? '', ms: performance.now() - t0 });
        return result;
      } catch (e) {
        const err = e as { code?: string; message?: string };
        opts.onJob?.({ name: job.name, id: job.id ?? '', ms: performance.now() - t0, error: err.message ?? String(e) });
        if (e instanceof UnrecoverableError) throw e;
        throw new Error(err.code ? `${err.message} [${err.code}]` : (err.message ?? String(e)));
      }
    },
    {
      connection: connectionOptions(target),
      concurrency: Math.max(1, Math.floor(opts.concurrency ?? 1)),
      name,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      maxStalledCount: 3,
    },
  );
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  return {
    name,
    close: async () => {
      await worker.close();
    },
  };
}
