import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { AftershockError, xnysCalendar, type BarSeries, type IsoDate, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import { loadStoreMarketCalendar, readParquetPrices } from '@aftershock/data';
import { assembleStudy, fitStudyShard, prepareStudy, ShardGatherer, type FactorTable, type ShardEvent, type StudyConfig, type StudyResult, type StudySetup, type StudyShard } from '@aftershock/study';
import type { QueueClient } from '@aftershock/strategy';
import { readFactorFiles } from './study-config';
import { decodeShard, encodeShard, type EncodedShard } from './study-shard-codec';

/** The job name of one shard of a study. */
export const STUDY_SHARD_JOB = 'study-shard';

/** Events per shard when none is given. */
export const DEFAULT_SHARD_EVENTS = 2000;

/**
 * What the client and every worker read alike for a sharded study: the Parquet store (with its sha256, checked by
 * each worker), the market symbol, the calendar (the market's own sessions or XNYS), the factor files and the
 * study's config (relative windows only: a shard then needs no other shard's events to place its windows).
 */
export interface StudySource {
  readonly prices: string;
  /** The client's sha256 of the store (and of each factor file); a worker refuses other files. Absent: not checked. */
  readonly sha256?: string;
  readonly market: string;
  readonly calendar: 'market' | 'xnys';
  readonly factors?: readonly { readonly file: string; readonly sha256?: string }[];
  readonly config: StudyConfig;
}

/** A shard as a job: the source and the shard's events, each with its index in the whole study. */
export interface StudyShardJob {
  readonly source: StudySource;
  readonly events: readonly ShardEvent[];
}

/** The market series, calendar, factors and setup of a source, as the client and a worker both build them. */
export interface StudyBase {
  readonly calendar: TradingCalendar;
  readonly market: BarSeries;
  readonly factors?: FactorTable;
  readonly setup: StudySetup;
}

const hashes = new Map<string, string>();

/** sha256 of a file, computed once per path, size and mtime in this process (a store can be gigabytes). */
export function fileSha256(file: string): string {
  const st = statSync(file);
  const key = `${file}\0${st.size}\0${st.mtimeMs}`;
  let h = hashes.get(key);
  if (h === undefined) {
    const hash = createHash('sha256');
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    h = hash.digest('hex');
    hashes.set(key, h);
  }
  return h;
}

/** Builds a source's base: calendar, the market's whole series, factors; checks the files' sha256 against `source`. */
export async function studyBase(source: StudySource): Promise<StudyBase> {
  const mismatch = (file: string, have: string, want: string) =>
    new AftershockError('QUEUE_INPUT_MISMATCH', `this worker's ${file} has sha256 ${have.slice(0, 12)}…, the client's has ${want.slice(0, 12)}…: workers need the same data at the same paths`, { file });
  for (const f of [{ file: source.prices, sha256: source.sha256 }, ...(source.factors ?? [])]) {
    if (f.sha256 === undefined) continue;
    const h = fileSha256(f.file);
    if (h !== f.sha256) throw mismatch(f.file, h, f.sha256);
  }
  const calendar = source.calendar === 'xnys' ? xnysCalendar() : await loadStoreMarketCalendar(source.prices, source.market);
  const market = (await readParquetPrices(source.prices, { symbols: [source.market], calendar })).get(source.market);
  if (!market) throw new AftershockError('UNKNOWN_MARKET', `market symbol ${source.market} is not in ${source.prices}`, { file: source.prices, field: 'market' });
  const factors = source.factors ? readFactorFiles(source.factors.map((f) => f.file)) : undefined;
  return { calendar, market, ...(factors ? { factors } : {}), setup: prepareStudy(market, source.config, calendar, factors) };
}

/**
 * Splits the events into shards of about `size` events, every event of a symbol in one shard (so a shard reads
 * each of its symbols once) and the symbols in sorted order (the store's: a shard's symbols are neighbouring row
 * groups).
 */
export function planShards(events: readonly MarketEvent[], size: number): ShardEvent[][] {
  const bySymbol = new Map<string, ShardEvent[]>();
  events.forEach((e, index) => {
    const ev: ShardEvent = { index, symbol: e.symbol, date: e.date, timing: e.timing, kind: e.kind };
    const list = bySymbol.get(e.symbol);
    if (list) list.push(ev);
    else bySymbol.set(e.symbol, [ev]);
  });
  const shards: ShardEvent[][] = [];
  let cur: ShardEvent[] = [];
  for (const symbol of [...bySymbol.keys()].sort()) {
    cur.push(...bySymbol.get(symbol)!);
    if (cur.length >= size) {
      shards.push(cur.sort((a, b) => a.index - b.index));
      cur = [];
    }
  }
  if (cur.length > 0) shards.push(cur.sort((a, b) => a.index - b.index));
  return shards;
}

/**
 * A shard's prices from the store: only its symbols and the sessions its windows can reach (pushed down to the
 * Parquet scan), plus each symbol's last bar before that span — a return on the span's first session spans a gap
 * from there, as in the whole series — and, for a symbol with no bar inside, its first bar after (so it is there,
 * as it is unsharded, and fails the estimation-length check rather than NO_PRICES).
 */
export async function shardPrices(source: StudySource, base: StudyBase, events: readonly ShardEvent[]): Promise<Map<string, BarSeries>> {
  const { market, calendar } = base;
  const { estimation: est, event: evt } = source.config;
  if (!('start' in est) || !('start' in evt)) throw new AftershockError('BAD_WINDOW', 'a sharded study needs relative windows (sessions around day 0)', { field: 'estimation' });
  let lo = events[0]!.date;
  let hi = lo;
  for (const e of events) {
    if (e.date < lo) lo = e.date;
    if (e.date > hi) hi = e.date;
  }
  // Day 0 lies within a session of the event's date (next/previous session, after the close); 5 sessions to spare.
  const at = (d: IsoDate, k: number): IsoDate => market.dates[Math.min(market.length - 1, Math.max(0, base.setup.aligner.indexOnOrAfter(calendar.ordinalOnOrAfter(d)) + k))]!;
  const from = at(lo, Math.min(est.start, evt.start) - 5);
  const to = at(hi, Math.max(est.end, evt.end) + 5);
  const symbols = [...new Set(events.map((e) => e.symbol))];
  return readParquetPrices(source.prices, { symbols, from, to, calendar, reach: 'neighbours' });
}

/** Fits one shard: its prices from the store, then the study's per-event part. */
export async function fitShard(source: StudySource, base: StudyBase, events: readonly ShardEvent[]): Promise<StudyShard> {
  const prices = await shardPrices(source, base, events);
  return fitStudyShard(base.setup, source.config, prices, events);
}

export interface ShardedStudyOptions {
  readonly source: StudySource;
  readonly events: readonly MarketEvent[];
  /** Events per shard (default DEFAULT_SHARD_EVENTS). */
  readonly shardEvents?: number;
  /** Run the shards as jobs on this queue's workers; else one after the other in this process. */
  readonly queue?: QueueClient;
  readonly onShard?: (done: number, total: number) => void;
}

/**
 * A study of a large event set in shards: each shard reads only its symbols and span from the Parquet store and
 * fits its events (here, or as a BullMQ job on any worker); the shards are assembled by event index and every
 * cross-sectional test is computed on the assembled per-event results, so the result equals `runStudy` on all the
 * events. Locally only one shard's prices are in memory at a time; either way one gathered panel.
 */
export async function runShardedStudy(o: ShardedStudyOptions): Promise<{ result: StudyResult; shards: number }> {
  if (o.events.length === 0) throw new AftershockError('NO_EVENTS', 'no events to study', { field: 'events' });
  const base = await studyBase(o.source);
  const plan = planShards(o.events, o.shardEvents ?? DEFAULT_SHARD_EVENTS);
  // Each shard goes into the gathered panel as it arrives and is dropped: one panel in memory, not every shard too.
  const gather = new ShardGatherer(o.events.length);
  if (o.queue) {
    const jobs = plan.map((events) => ({ name: STUDY_SHARD_JOB, data: { source: o.source, events } satisfies StudyShardJob }));
    await o.queue.run(jobs, (i, value) => gather.add(decodeShard(value as EncodedShard), i));
  } else {
    for (const [i, events] of plan.entries()) {
      gather.add(await fitShard(o.source, base, events), i);
      o.onShard?.(i + 1, plan.length);
    }
  }
  return { result: assembleStudy(base.setup, o.source.config, o.events, gather.finish()), shards: plan.length };
}

/** The worker's side: fits a shard job (the base of each source built once, the last four kept). */
export function studyShardHandler(): (data: unknown) => Promise<EncodedShard> {
  const cache = new Map<string, Promise<StudyBase>>();
  return async (data) => {
    const job = data as StudyShardJob;
    const key = JSON.stringify(job.source);
    let p = cache.get(key);
    if (!p) {
      p = studyBase(job.source);
      cache.set(key, p);
      p.catch(() => cache.delete(key));
      while (cache.size > 4) cache.delete(cache.keys().next().value!);
    }
    return encodeShard(await fitShard(job.source, await p, job.events));
  };
}
