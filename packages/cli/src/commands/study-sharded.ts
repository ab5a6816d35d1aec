import { resolve } from 'node:path';
import { AftershockError, type MarketEvent } from '@aftershock/core';
import { isParquetPath } from '@aftershock/data';
import type { StudySource } from '@aftershock/scenario';
import type { StudyConfig, StudyResult } from '@aftershock/study';
import type { StudyOptions } from './study';

/** Whether `aftershock study` runs in shards: --shard-events or --queue given. */
export function isSharded(o: StudyOptions): boolean {
  return o.shardEvents !== undefined || o.queue !== undefined;
}

/**
 * The study in shards of events (--shard-events N, default 2,000), each reading only its symbols and span from the
 * Parquet store: here one after the other, or (--queue) as jobs on `aftershock worker` processes. The result is the
 * unsharded study's.
 */
export async function runShardedStudyCommand(o: StudyOptions, config: StudyConfig, events: readonly MarketEvent[]): Promise<StudyResult> {
  if (!isParquetPath(o.prices)) {
    throw new AftershockError('BAD_OPTION', `--shard-events and --queue read shards from a Parquet store: --prices must name one (write it with \`aftershock data ingest\`), got ${o.prices}`, { field: 'prices' });
  }
  if (o.calendar !== 'market' && o.calendar !== 'xnys') throw new AftershockError('BAD_OPTION', `--calendar must be one of market, xnys, got "${o.calendar}"`, { field: 'calendar' });
  const size = o.shardEvents !== undefined ? Number(o.shardEvents) : undefined;
  if (size !== undefined && !(Number.isInteger(size) && size >= 1)) throw new AftershockError('BAD_OPTION', `--shard-events must be a whole number ≥ 1, got "${o.shardEvents}"`, { field: 'shard-events' });
  const { QueueClient } = await import('@aftershock/strategy');
  const { codeVersion, fileSha256, runShardedStudy } = await import('@aftershock/scenario');
  const err = (s: string) => void process.stderr.write(s);
  const tty = process.stderr.isTTY === true;
  // Connect first: an unreachable queue fails before anything is read or written.
  const queue = o.queue !== undefined ? await QueueClient.connect(o.queue, { version: codeVersion(), ...(tty ? { onProgress: (d, t, w) => err(`\rstudy shards ${d}/${t} done (${w} worker${w === 1 ? '' : 's'})`) } : {}) }) : undefined;
  try {
    const prices = resolve(o.prices);
    const factors = o.factors?.split(',').map((f) => resolve(f.trim()));
    const source: StudySource = {
      prices,
      market: o.market,
      calendar: o.calendar,
      config,
      // Workers check the files are the client's; a local run reads them itself.
      ...(queue ? { sha256: fileSha256(prices) } : {}),
      ...(factors ? { factors: factors.map((file) => ({ file, ...(queue ? { sha256: fileSha256(file) } : {}) })) } : {}),
    };
    const { result } = await runShardedStudy({
      source,
      events,
      ...(size !== undefined ? { shardEvents: size } : {}),
      ...(queue ? { queue } : {}),
      ...(tty && !queue ? { onShard: (d: number, t: number) => err(`\rstudy shards ${d}/${t} done`) } : {}),
    });
    if (tty) err('\n');
    return result;
  } finally {
    await queue?.close();
  }
}
