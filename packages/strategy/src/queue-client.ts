import { randomUUID } from 'node:crypto';
import type { Queue, QueueEvents } from 'bullmq';
import { AftershockError } from '@aftershock/core';
import { decodeJson, encodeJson } from './queue-codec';
import { connectionOptions, lastStreamId, parseQueueUrl, probeQueue, QUEUE_NAME } from './queue-connection';

/** One piece of work: a name the worker's handler dispatches on, and JSON data. */
export interface QueueJob {
  readonly name: string;
  readonly data: unknown;
}

/** Called as jobs finish: jobs done, jobs in all, workers connected to the queue. */
export type QueueProgress = (done: number, total: number, workers: number) => void;

export interface QueueClientOptions {
  /** The code version every job carries; a worker of another version refuses it. */
  readonly version: string;
  /** Attempts per job (a failure or a stalled job — its worker died — counts as one). Default 3. */
  readonly attempts?: number;
  readonly onProgress?: QueueProgress;
}

/** What a job carries on the queue: the client's code version and the encoded data. */
export interface QueuedData {
  readonly version: string;
  readonly payload: string;
}

/**
 * A BullMQ producer for one run: `run(jobs)` adds the jobs, waits until workers (on any machine) have done every
 * one and returns their results in job order, whatever order they finished in. Connects up front so that an
 * unreachable Redis fails at once (QUEUE_UNREACHABLE, naming the URL).
 */
export class QueueClient {
  private constructor(
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly opts: QueueClientOptions,
  ) {}

  static async connect(url: string, opts: QueueClientOptions): Promise<QueueClient> {
    const target = parseQueueUrl(url);
    await probeQueue(target);
    const bullmq = await import('bullmq');
    const connection = connectionOptions(target);
    const queue = new bullmq.Queue(QUEUE_NAME, { connection });
    // From the stream's current end, not '$': the reader's first XREAD may come after a fast job's events (a refusal
    // takes a millisecond), and with '$' those would be lost and the run would wait forever.
    const lastEventId = await lastStreamId(target, queue.keys.events ?? `bull:${QUEUE_NAME}:events`);
    const events = new bullmq.QueueEvents(QUEUE_NAME, { connection, lastEventId });
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    return new QueueClient(queue, events, opts);
  }

  /**
   * Runs the jobs on the queue's workers; rejects with QUEUE_JOB_FAILED when a job fails for good. With `onResult`,
   * each job's result is handed over as it arrives (in any order, once per job) and not kept — the client then holds
   * one result at a time however many jobs there are — and the promise resolves to an empty list; a throw from
   * `onResult` rejects the run.
   */
  async run(jobs: readonly QueueJob[], onResult?: (index: number, value: unknown) => void): Promise<unknown[]> {
    const n = jobs.length;
    if (n === 0) return [];
    const runId = randomUUID();
    const index = new Map<string, number>();
    const out = new Array<unknown>(n);
    const have = new Uint8Array(n);
    let done = 0;
    let workers = 0;
    const progress = () => this.opts.onProgress?.(done, n, workers);
    const poll = setInterval(() => {
      void this.queue.getWorkersCount().then((w) => {
        workers = w;
        progress();
      }, () => undefined);
    }, 1000);
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
          const i = index.get(jobId);
          if (i === undefined || have[i]) return;
          have[i] = 1;
          const value = decodeJson(typeof returnvalue === 'string' ? returnvalue : JSON.stringify(returnvalue));
          if (onResult) {
            try {
              onResult(i, value);
            } catch (e) {
              reject(e as Error);
              return;
            }
          } else out[i] = value;
          done++;
          progress();
          if (done === n) resolve(onResult ? [] : out);
        };
        const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
          if (!index.has(jobId)) return;
          reject(new AftershockError('QUEUE_JOB_FAILED', `a queued job (${jobs[index.get(jobId)!]!.name} #${index.get(jobId)}) failed: ${failedReason}`));
        };
        this.events.on('completed', onCompleted);
        this.events.on('failed', onFailed);
        const attempts = this.opts.attempts ?? 3;
        const bulk = jobs.map((j, i) => {
          const jobId = `${runId}-${i}`;
          index.set(jobId, i);
          const data: QueuedData = { version: this.opts.version, payload: encodeJson(j.data) };
          return { name: j.name, data, opts: { jobId, attempts, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } } };
        });
        this.queue.addBulk(bulk).then(() => {
          void this.queue.getWorkersCount().then((w) => ((workers = w), progress()), () => undefined);
        }, (e: unknown) => reject(new AftershockError('QUEUE_UNREACHABLE', `could not add jobs to Redis: ${(e as Error).message}`)));
      });
    } finally {
      clearInterval(poll);
      this.events.removeAllListeners('completed');
      this.events.removeAllListeners('failed');
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.queue.close()]);
  }
}
