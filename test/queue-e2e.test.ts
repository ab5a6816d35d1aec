import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { QUEUE_NAME, QueueClient } from '@aftershock/strategy';
import { captureCli } from './support/run-cli';
import { freePort, startRedis, startWorker, type RedisServer, type WorkerProcess } from './support/redis';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO = join(REPO, 'scenarios/ipo-lockups.yaml');
const work = mkdtempSync(join(tmpdir(), 'aftershock-queue-'));
let redis: RedisServer;
const workers: WorkerProcess[] = [];
let local: string;

const cli = captureCli;

/** report.json without `meta` (provenance and notes), as text. */
function withoutMeta(dir: string): string {
  const r = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Record<string, unknown>;
  delete r['meta'];
  return JSON.stringify(r);
}

const jobsDone = (w: WorkerProcess) => [...w.log().matchAll(/job (\S+) \(sweep-point\) done/g)].map((m) => m[1]!);
const shardsDone = (w: WorkerProcess) => [...w.log().matchAll(/job (\S+) \(scenario-study-shard\) done/g)].map((m) => m[1]!);

beforeAll(async () => {
  redis = await startRedis();
  const [w1, w2, r] = await Promise.all([startWorker(redis.url, 'w1'), startWorker(redis.url, 'w2'), cli(['run', SCENARIO, '--out', join(work, 'local')])]);
  workers.push(w1, w2);
  expect(r.code).toBe(0);
  local = withoutMeta(join(work, 'local'));
  expect(JSON.parse(local).sweeps[0].points).toHaveLength(25);
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('aftershock run --queue with aftershock worker processes on a real Redis', () => {
  it('ipo-lockups over two worker processes gives the local report.json (meta aside), the jobs shared between them', async () => {
    const r = await cli(['run', SCENARIO, '--queue', redis.url, '--out', join(work, 'queued')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(withoutMeta(join(work, 'queued'))).toBe(local);
    const [a, b] = [jobsDone(workers[0]!), jobsDone(workers[1]!)];
    expect(a.length + b.length).toBeGreaterThanOrEqual(25);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });

  it("a study of more events than study.shardEvents is fitted in shards on the workers and gives the local report.json", async () => {
    // ipo-lockups' 38 lock-ups in shards of 10 (4 jobs), with abnormal volume and the calendar-time test, no strategies.
    const text = readFileSync(SCENARIO, 'utf8')
      .replace('../data/lockups.csv', join(REPO, 'data/lockups.csv'))
      .replace('  minEstimation: 30\n', '  minEstimation: 30\n  shardEvents: 10\n  volume: market-model\n  calendarTime: true\n')
      .replace(/\nstrategies:[\s\S]*?\ncapital:/, '\nstrategies: []\ncapital:');
    expect(text).toContain('shardEvents: 10');
    const file = join(work, 'lockups-sharded.yaml');
    writeFileSync(file, text);
    const before = workers.map((w) => shardsDone(w).length);
    const [l, q] = await Promise.all([cli(['run', file, '--out', join(work, 'sharded-local')]), cli(['run', file, '--queue', redis.url, '--out', join(work, 'sharded-queued')])]);
    expect(l.code).toBe(0);
    expect(q.err).toBe('');
    expect(q.code).toBe(0);
    const report = withoutMeta(join(work, 'sharded-queued'));
    expect(report).toBe(withoutMeta(join(work, 'sharded-local')));
    const study = JSON.parse(report).study;
    expect(study.groups.length).toBeGreaterThan(1);
    expect(study.volume).toBeDefined();
    expect(study.calendarTime).toBeDefined();
    // The study went to the workers as 4 shard jobs (38 events, 10 a shard, each symbol's events in one).
    expect(workers.reduce((n, w, i) => n + shardsDone(w).length - before[i]!, 0)).toBe(4);
  });

  it('a worker killed mid-sweep: BullMQ retries its job on the other worker and the report is the same', async () => {
    const victim = await startWorker(redis.url, 'victim', ['--lock-ms', '2000']);
    const survivor = await startWorker(redis.url, 'survivor', ['--lock-ms', '2000']);
    workers.push(victim, survivor);
    // Only these two serve this run.
    await Promise.all(workers.slice(0, 2).map((w) => w.stop()));
    const connection = { host: '127.0.0.1', port: redis.port };
    const queue = new Queue(QUEUE_NAME, { connection });
    // Listening before the run starts: each job's 'active' event says a worker took it.
    const events = new QueueEvents(QUEUE_NAME, { connection });
    try {
      await events.waitUntilReady();
      const run = cli(['compare', SCENARIO, '--queue', redis.url, '--out', join(work, 'killed')]);
      // When the victim takes a job: freeze it (it cannot finish the job then), check that it still holds it, and
      // kill it; if it finished the job first, let it go on to the next one.
      const killed = new Promise<string>((resolve) => {
        let done = false;
        let checks = Promise.resolve();
        const check = async (jobId: string) => {
          if (done || (await queue.getJob(jobId))?.processedBy !== 'victim') return;
          victim.proc.kill('SIGSTOP');
          const job = await queue.getJob(jobId);
          if (job?.processedBy === 'victim' && (await job.getState()) === 'active') {
            done = true;
            victim.proc.kill('SIGKILL');
            resolve(jobId);
          } else victim.proc.kill('SIGCONT');
        };
        // One check at a time, in the order the jobs became active.
        events.on('active', ({ jobId }) => void (checks = checks.then(() => check(jobId), () => undefined)));
      });
      const killedJob = await Promise.race([killed, run.then(() => undefined)]);
      expect(killedJob).toBeDefined();
      const r = await run;
      expect(r.code).toBe(0);
      expect(withoutMeta(join(work, 'killed'))).toBe(local);
      // The job the victim held was done again by the survivor.
      expect(jobsDone(survivor)).toContain(killedJob);
      expect(jobsDone(victim)).not.toContain(killedJob);
    } finally {
      await events.close();
      await queue.close();
    }
  });

  it('a worker of another version refuses a job with a clear message', async () => {
    const client = await QueueClient.connect(redis.url, { version: '0.0.0-other' });
    try {
      await expect(client.run([{ name: 'sweep-point', data: {} }])).rejects.toMatchObject({
        code: 'QUEUE_JOB_FAILED',
        message: expect.stringMatching(/refused by worker survivor: the job was made by aftershock 0\.0\.0-other, this worker runs 0\.1\.0\+[0-9a-f]{12}/),
      });
    } finally {
      await client.close();
    }
  });

  it('Redis unreachable: run --queue and worker exit 1 naming the URL, and nothing is written', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const out = join(work, 'unreachable');
    const r = await cli(['run', SCENARIO, '--queue', url, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot reach Redis at ${url}`);
    expect(r.err).toContain('[QUEUE_UNREACHABLE]');
    expect(existsSync(out)).toBe(false);
    const w = await cli(['worker', '--queue', url]);
    expect(w.code).toBe(1);
    expect(w.err).toContain(`cannot reach Redis at ${url}`);
    const bad = await cli(['run', SCENARIO, '--queue', 'http://nowhere', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('[QUEUE_BAD_URL]');
  });
});
