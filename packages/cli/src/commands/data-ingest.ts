import type { Command } from 'commander';

export interface IngestOptions {
  readonly root?: string;
  readonly out: string;
}

/** `aftershock data ingest [--root DIR] --out FILE.parquet`: one Parquet store of every price and dividend series. */
export function registerDataIngest(program: Command): void {
  const data = program.commands.find((c) => c.name() === 'data') ?? program.command('data').description('price data and event calendars');
  data
    .command('ingest')
    .description('write every price and dividend series of a data root into one Parquet file (long format, sorted by symbol and date, with each source file and its sha256), for data.root or study --prices')
    .option('--root <dir>', 'price data folder (default: $AFTERSHOCK_DATA, aftershock.config.json, or ../shared/data/real/backtester39)')
    .requiredOption('--out <file>', 'the Parquet file to write (*.parquet)')
    .action(async (opts: IngestOptions) => (await import('./data-ingest-action')).runIngest(opts));
}
