import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetPrices } from '@aftershock/data';
import { captureCli } from './support/run-cli';
import { startRedis, startWorker, type RedisServer, type WorkerProcess } from './support/redis';

const work = mkdtempSync(join(tmpdir(), 'aftershock-shards-'));
const at = (f: string) => join(work, f);
const store = at('u.parquet');
const events = at('events.csv');
let redis: RedisServer;
const workers: WorkerProcess[] = [];

/** Every file of an output folder, by relative path, as bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const STUDY = ['study', '--prices', store, '--events', events, '--market', 'MKT', '--bootstrap', '200', '--group-by', 'timing', '--calendar-time'];
let whole: { out: string; files: Map<string, Buffer> };

beforeAll(async () => {
  const [r, server] = await Promise.all([captureCli(['data', 'synth', '--tickers', '40', '--years', '3', '--seed', '3', '--out', store, '--events', events]), startRedis()]);
  redis = server;
  expect(r.code).toBe(0);
  // Events that exercise every step's exclusions (the universe has late listers too: SHORT_ESTIMATION) and a
  // confounder: an unknown symbol, a release before enough history, a second event of AAAB two days after its 7th release.
  const firstOfB = readFileSync(events, 'utf8').split('\n').filter((l) => l.startsWith('AAAB,'))[6]!.split(',')[1]!;
  const d = new Date(`${firstOfB}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 2);
  appendFileSync(events, `ZZZZ,2006-03-01,before-open,Q1 2006,1.00,1.00,,,,test\nAAAD,2005-01-10,after-close,Q1 2005,1.00,1.00,,,,test\nAAAB,${d.toISOString().slice(0, 10)},during,Q9 2005,2.00,1.00,,,,test\n`);
  workers.push(...(await Promise.all([startWorker(redis.url, 's1'), startWorker(redis.url, 's2')])));
  const w = await captureCli([...STUDY, '--out', at('whole')]);
  expect(w.err).toBe('');
  expect(w.code).toBe(0);
  whole = { out: w.out.replaceAll(at('whole'), 'OUT'), files: files(at('whole')) };
  expect(whole.out).toMatch(/NO_PRICES[\s\S]*SHORT_HISTORY[\s\S]*SHORT_ESTIMATION/);
  expect(whole.out).toContain('confounded by another event');
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await redis?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('aftershock study in shards of events (Parquet push-down), locally and over the queue', () => {
  it('shards of 7 events, one after the other in this process: every table byte for byte the unsharded one', async () => {
    const r = await captureCli([...STUDY, '--shard-events', '7', '--out', at('local')]);
    expect(r.code).toBe(0);
    expect(r.out.replaceAll(at('local'), 'OUT')).toBe(whole.out);
    const got = files(at('local'));
    expect([...got.keys()].sort()).toEqual([...whole.files.keys()].sort());
    for (const [f, bytes] of whole.files) expect(got.get(f)!.equals(bytes), f).toBe(true);
  });

  it('shards of 9 events as jobs on two aftershock worker processes: the same bytes, the jobs shared', async () => {
    const r = await captureCli([...STUDY, '--shard-events', '9', '--queue', redis.url, '--out', at('queued')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.replaceAll(at('queued'), 'OUT')).toBe(whole.out);
    const got = files(at('queued'));
    for (const [f, bytes] of whole.files) expect(got.get(f)?.equals(bytes), f).toBe(true);
    const done = workers.map((w) => [...w.log().matchAll(/\(study-shard\) done/g)].length);
    expect(done[0]! + done[1]!).toBeGreaterThanOrEqual(40);
    expect(done[0]).toBeGreaterThan(0);
    expect(done[1]).toBeGreaterThan(0);
  });

  it("a shard's read: only its span, plus each symbol's last bar before it, or its first bar after when none is inside", async () => {
    const all = await readParquetPrices(store, { symbols: ['AAAA', 'MKT'] });
    const dates = all.get('MKT')!.dates;
    const [from, to] = [dates[300]!, dates[320]!];
    const part = await readParquetPrices(store, { symbols: ['AAAA'], from, to, reach: 'neighbours' });
    expect(part.get('AAAA')!.dates).toEqual(dates.slice(299, 321));
    // A symbol with no bar inside the span (read before the data starts): its first bar.
    const early = await readParquetPrices(store, { symbols: ['AAAA'], from: '2004-01-02', to: '2004-02-02', reach: 'neighbours' });
    expect(early.get('AAAA')!.dates).toEqual([dates[0]]);
  });

  it('refuses --shard-events without a Parquet store, and a bad shard size, with exit 2', async () => {
    const csv = await captureCli(['study', '--prices', at('nowhere.csv'), '--events', events, '--market', 'MKT', '--shard-events', '5', '--out', at('x')]);
    expect(csv.code).toBe(2);
    const bad = await captureCli([...STUDY, '--shard-events', '0', '--out', at('y')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--shard-events must be a whole number ≥ 1');
  });
});
