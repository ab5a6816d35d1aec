import { basename } from 'node:path';
import { AftershockError, addDays, dayNumberToIso, isoToDayNumber, marketCalendar, marketCalendarOfDays, type IsoDate, type MarketCalendarOptions, type TradingCalendar } from '@aftershock/core';
import { resolveColumns } from './columns';
import { readTextFile } from './csv';
import { CsvCursor } from './csv-cursor';
import { dateReader } from './date-format';
import { PRICE_COLUMN_ALIASES, type PriceColumnMapping } from './prices';
import { parseIsoDayAt } from './session-index';
import { readParquetPrices } from './parquet-read';

export interface BarDateOptions {
  /** The market symbol: in a long file, only its rows count; a per-symbol file is the market's own. */
  readonly symbol?: string;
  readonly columns?: PriceColumnMapping;
  readonly delimiter?: string;
  readonly dateFormat?: string;
}

/**
 * The dates on which a price file has a bar for `symbol` (every row of a per-symbol file), sorted and unique.
 * Only the date (and symbol) column is read: rows with a bad date are left out here and reported by the price
 * parser, which reads the file against the calendar these dates make.
 */
export function barDates(text: string, file: string, opts: BarDateOptions = {}): IsoDate[] {
  return barDays(text, file, opts).map(dayNumberToIso);
}

/** `barDates` as day numbers (days since 1970-01-01), ascending: what a market calendar is made of. */
function barDays(text: string, file: string, opts: BarDateOptions): number[] {
  const c = new CsvCursor(text, { file, ...(opts.delimiter !== undefined ? { delimiter: opts.delimiter } : {}) });
  if (!c.next()) return [];
  const { index } = resolveColumns(c.fields(), PRICE_COLUMN_ALIASES, opts.columns ?? {});
  if (index.date < 0) return [];
  const read = opts.dateFormat !== undefined ? dateReader(opts.dateFormat) : undefined;
  const want = index.symbol >= 0 ? (opts.symbol ?? basename(file).replace(/\.[^.]*$/, '')) : undefined;
  const days = new Set<number>();
  while (c.next()) {
    if (index.date >= c.count) continue;
    if (want !== undefined && (index.symbol >= c.count || c.field(index.symbol).trim() !== want)) continue;
    const day = read ? isoToDayNumber(read(c.field(index.date)) ?? '') : parseIsoDayAt(c.text, c.start(index.date), c.end(index.date));
    if (day === day) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * The calendar of a market series read from its price file: its sessions are the dates it has a bar (estudy2's
 * event time). Throws CALENDAR_EMPTY when the file has no bar for the symbol.
 *
 * @example loadMarketCalendar('prices/IDX.csv', { symbol: 'IDX' }).isSession('2025-07-04')
 */
export function loadMarketCalendar(path: string, opts: BarDateOptions & Omit<MarketCalendarOptions, 'symbol'> = {}): TradingCalendar {
  // The days straight into the calendar (not written as dates and read back).
  const days = barDays(readTextFile(path, 'price file'), path, opts);
  const symbol = opts.symbol ?? basename(path).replace(/\.[^.]*$/, '');
  if (days.length === 0) throw new AftershockError('CALENDAR_EMPTY', `${path} has no dated bar for ${symbol}, so its sessions cannot make a calendar`, { file: path, field: 'date' });
  return marketCalendarOfDays(days, { symbol, ...(opts.open !== undefined ? { open: opts.open } : {}), ...(opts.close !== undefined ? { close: opts.close } : {}), ...(opts.zone !== undefined ? { zone: opts.zone } : {}) });
}

let everyDayCal: TradingCalendar | undefined;

/** Every calendar day 1970–2100 as a session: a store's dates are read through it before they become a calendar. */
function everyDay(): TradingCalendar {
  if (!everyDayCal) {
    const days: IsoDate[] = [];
    for (let d = '1970-01-01'; d <= '2100-12-31'; d = addDays(d, 1)) days.push(d);
    everyDayCal = marketCalendar(days, { symbol: 'every day' });
  }
  return everyDayCal;
}

/** The calendar of a market series held in a Parquet price store (see loadMarketCalendar). */
export async function loadStoreMarketCalendar(store: string, symbol: string, hours: Omit<MarketCalendarOptions, 'symbol'> = {}): Promise<TradingCalendar> {
  const bars = (await readParquetPrices(store, { symbols: [symbol], calendar: everyDay(), columns: 'close' })).get(symbol);
  if (!bars || bars.length === 0) throw new AftershockError('CALENDAR_EMPTY', `${store} has no dated bar for ${symbol}, so its sessions cannot make a calendar`, { file: store, field: 'date' });
  return marketCalendar(bars.dates, { symbol, ...hours });
}
