import type { Command } from 'commander';

/** Replays recorded Yahoo responses from this folder instead of the network (tests, offline demos). */
export const REPLAY_ENV = 'AFTERSHOCK_FETCH_REPLAY';
/** The cache folder when no `--out` is given (the same as @aftershock/data's DEFAULT_CACHE_DIR). */
const DEFAULT_OUT = 'aftershock-data';

export interface FetchOptions {
  readonly from: string;
  readonly to?: string;
  readonly out: string;
}

/** `aftershock data fetch SYMBOL... [--from] [--to] [--out DIR]` (its code is loaded when it runs). */
export function registerDataFetch(data: Command): void {
  data
    .command('fetch')
    .description(
      'fetch daily bars (split-adjusted OHLCV), dividends, splits and earnings dates (with time of day where Yahoo has it) ' +
        'from Yahoo Finance into a cache folder that scenarios can use as a data root. All or nothing: on any failure the ' +
        `folder is left as it was. ${REPLAY_ENV}=DIR answers from recorded responses instead of the network`,
    )
    .argument('<symbols...>', 'symbols as Yahoo spells them (e.g. AAPL BRK-B ^GSPC)')
    .option('--from <date>', 'first date, YYYY-MM-DD', '2000-01-01')
    .option('--to <date>', 'last date, YYYY-MM-DD (default: today)')
    .option('-o, --out <dir>', 'cache folder (created or updated; symbols not fetched now are kept)', DEFAULT_OUT)
    .action(async (symbols: string[], opts: FetchOptions) => (await import('./data-fetch-action')).fetchData(symbols, opts, process.env[REPLAY_ENV]));
}
