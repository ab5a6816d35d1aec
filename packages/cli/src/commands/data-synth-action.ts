import { AftershockError } from '@aftershock/core';
import { isParquetPath, synthUniverse } from '@aftershock/data';
import type { SynthCliOptions } from './data-synth';

function whole(v: string, field: string): number {
  if (!/^\d+$/.test(v.trim())) throw new AftershockError('BAD_OPTION', `--${field} must be a whole number, got "${v}"`, { field });
  return Number(v);
}

/** Generates the universe, with a progress line on a terminal, and says what was written. */
export async function runSynth(o: SynthCliOptions): Promise<void> {
  if (!isParquetPath(o.out)) throw new AftershockError('ARG_INVALID', `--out must name a .parquet file, got ${o.out}`, { field: 'out' });
  const tty = process.stderr.isTTY === true;
  const r = await synthUniverse({
    tickers: whole(o.tickers, 'tickers'),
    years: whole(o.years, 'years'),
    seed: whole(o.seed, 'seed'),
    from: o.from,
    market: o.market,
    ...(o.eventsPerTicker !== undefined ? { eventsPerTicker: whole(o.eventsPerTicker, 'events-per-ticker') } : {}),
    out: o.out,
    ...(o.events !== undefined ? { events: o.events } : {}),
    ...(tty ? { onProgress: (d: number, n: number) => void process.stderr.write(`\rsynth: ${d}/${n} symbols`) } : {}),
  });
  if (tty) process.stderr.write('\n');
  process.stdout.write(`wrote ${r.file}: ${r.symbols} symbols (market ${o.market}), ${r.sessions} sessions, ${r.rows} bars\n`);
  if (r.eventsFile) process.stdout.write(`wrote ${r.eventsFile}: ${r.events} earnings releases\n`);
}
