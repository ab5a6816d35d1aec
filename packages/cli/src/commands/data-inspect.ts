import type { Command } from 'commander';
import { registerDataFetch } from './data-fetch';

/** The flagship symbols inspected when none are named. */
export const DEFAULT_INSPECT_SYMBOLS = ['CRWV', 'SPY', 'QQQ', 'NVDA', 'MSFT'] as const;

export interface InspectOptions {
  readonly root?: string;
  readonly events?: string[];
  readonly list?: boolean;
}

/** `aftershock data inspect [SYMBOL...]`: per symbol, range, bars, gaps, dividends and events (loaded when it runs). */
export function registerDataInspect(program: Command): void {
  const data = program.command('data').description('inspect the price data and event calendars; fetch data from Yahoo Finance');
  registerDataFetch(data);
  data
    .command('inspect')
    .description(
      'per symbol: first/last session, bar count, gaps against the XNYS calendar, dividends, and its events ' +
        `(default symbols: ${DEFAULT_INSPECT_SYMBOLS.join(' ')}; default events: the project's data/ calendars)`,
    )
    .argument('[symbols...]', 'symbols to inspect')
    .option('--root <dir>', 'price data folder (default: $AFTERSHOCK_DATA, aftershock.config.json, or ../shared/data/real/backtester39)')
    .option('--events <files...>', 'event calendars (CSV, JSON or YAML) instead of the project data/ calendars')
    .option('--list', 'list the symbols in the data root and exit')
    .action(async (symbols: string[], opts: InspectOptions) => (await import('./data-inspect-action')).inspectData(symbols.length > 0 ? symbols : DEFAULT_INSPECT_SYMBOLS, opts));
}
