import type { Command } from 'commander';

export interface SynthCliOptions {
  readonly tickers: string;
  readonly years: string;
  readonly seed: string;
  readonly from: string;
  readonly market: string;
  readonly eventsPerTicker?: string;
  readonly out: string;
  readonly events?: string;
}

/** `aftershock data synth --tickers N --years Y --seed S --out FILE.parquet [--events FILE.csv]`: a seeded synthetic universe. */
export function registerDataSynth(program: Command): void {
  const data = program.commands.find((c) => c.name() === 'data') ?? program.command('data').description('price data and event calendars');
  data
    .command('synth')
    .description("write a seeded synthetic universe (market factor + idiosyncratic GBM, volume, earnings jumps) straight to a Parquet store of data ingest's layout, and its earnings calendar; the same options give byte-identical files")
    .requiredOption('--tickers <n>', 'number of tickers (named AAAA, AAAB, …)')
    .requiredOption('--years <n>', 'calendar years of XNYS sessions')
    .option('--seed <n>', 'seed (0 to 4294967295)', '1')
    .option('--from <date>', 'first day of the span', '2005-01-01')
    .option('--market <symbol>', "the market index's symbol", 'MKT')
    .option('--events-per-ticker <n>', 'earnings releases per ticker (default: 4 a year)')
    .requiredOption('--out <file>', 'the Parquet store to write (*.parquet)')
    .option('--events <file>', 'also write the earnings calendar of the releases (CSV)')
    .action(async (opts: SynthCliOptions) => (await import('./data-synth-action')).runSynth(opts));
}
