import { existsSync, statSync } from 'node:fs';
import { AftershockError, Problems, ValidationError, notARegularFile, xnysCalendar, type BarSeries, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import {
  EVENT_COLUMN_ALIASES,
  PRICE_COLUMN_ALIASES,
  findSymbolFiles,
  loadEvents,
  loadLongPrices,
  isParquetPath,
  loadMarketCalendar,
  loadStoreMarketCalendar,
  loadSymbolFiles,
  symbolFileFinder,
  readParquetPrices,
  type EventFileKind,
  type EventLoadOptions,
  type PriceColumnMapping,
} from '@aftershock/data';
import type { StudyInputOptions } from './study-flags';

/** Parses `field=column,field=column` against the allowed fields. */
export function parseColumnMap(text: string, allowed: readonly string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const field = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (eq <= 0 || column === '') throw new AftershockError('BAD_OPTION', `--${flag} expects field=column,… got "${part}"`, { field: flag });
    if (!allowed.includes(field)) throw new AftershockError('BAD_OPTION', `--${flag}: unknown field "${field}" (fields: ${allowed.join(', ')})`, { field: flag });
    out[field] = column;
  }
  return out;
}

const EVENT_KINDS: readonly EventFileKind[] = ['earnings', 'lockup-expiry', 'ipo', 'custom', 'mixed'];

function priceRead(o: StudyInputOptions): { columns?: PriceColumnMapping; delimiter?: string; dateFormat?: string } {
  return {
    ...(o.columns !== undefined ? { columns: parseColumnMap(o.columns, Object.keys(PRICE_COLUMN_ALIASES), 'columns') } : {}),
    ...(o.delimiter !== undefined ? { delimiter: o.delimiter } : {}),
    ...(o.dateFormat !== undefined ? { dateFormat: o.dateFormat } : {}),
  };
}

function marketFile(path: string, market: string): string {
  refuseOddPrices(path);
  if (!existsSync(path)) throw new AftershockError('FILE_NOT_FOUND', `prices ${path} does not exist`, { file: path, field: 'prices' });
  if (isParquetPath(path) || !statSync(path).isDirectory()) return path;
  const f = findSymbolFiles(path, market);
  if (!f) throw new AftershockError('UNKNOWN_MARKET', `market symbol ${market} has no price file in ${path}`, { file: path, field: 'market' });
  return f.prices;
}

/**
 * The calendar of the study: by default the market's own sessions (the dates its series has a bar, as estudy2
 * counts event time), or XNYS. A price row of any symbol on a date the market does not trade is then a coded
 * problem (PRICE_NOT_A_SESSION) naming file and line.
 */
export async function studyCalendar(o: StudyInputOptions, prices: string, market: string): Promise<TradingCalendar> {
  if (o.calendar === 'xnys') return xnysCalendar();
  if (o.calendar !== 'market') throw new AftershockError('BAD_OPTION', `--calendar must be one of market, xnys, got "${o.calendar}"`, { field: 'calendar' });
  const file = marketFile(prices, market);
  try {
    return isParquetPath(file) ? await loadStoreMarketCalendar(file, market) : loadMarketCalendar(file, { symbol: market, ...priceRead(o) });
  } catch (e) {
    if (e instanceof AftershockError && e.code === 'CALENDAR_EMPTY') throw new AftershockError('UNKNOWN_MARKET', `market symbol ${market} is not in ${file} (no dated row of it)`, { file, field: 'market' });
    throw e;
  }
}

/** Reads the events file: any event calendar the data package knows (or a vendor file through the flags); a bare `symbol,event_date[,timing]` file as custom events. */
export function readStudyEvents(path: string, o: StudyInputOptions, calendar: TradingCalendar): MarketEvent[] {
  if (o.eventKind !== undefined && !(EVENT_KINDS as readonly string[]).includes(o.eventKind)) {
    throw new AftershockError('BAD_OPTION', `--event-kind must be one of ${EVENT_KINDS.join(', ')}, got "${o.eventKind}"`, { field: 'event-kind' });
  }
  const opts: EventLoadOptions = {
    calendar,
    // A file that names no kind is read as custom events in one pass (the retry below is for files where it cannot be).
    ...(o.eventKind !== undefined ? { kind: o.eventKind as EventFileKind } : { fallbackKind: 'custom' }),
    ...(o.eventColumns !== undefined ? { columns: parseColumnMap(o.eventColumns, [...Object.keys(EVENT_COLUMN_ALIASES), 'time'], 'event-columns') } : {}),
    ...(o.eventDelimiter !== undefined ? { delimiter: o.eventDelimiter } : {}),
    ...(o.eventDateFormat !== undefined ? { dateFormat: o.eventDateFormat } : {}),
    ...(o.symbols !== undefined ? { symbols: new Set(o.symbols.split(',').map((s) => s.trim()).filter(Boolean)) } : {}),
  };
  let problems = new Problems();
  let events: MarketEvent[];
  try {
    events = loadEvents(path, { ...opts, problems });
  } catch (e) {
    if (!(o.eventKind === undefined && e instanceof ValidationError && e.problems.every((p) => p.severity !== 'error' || p.code === 'EVENT_UNKNOWN_FORMAT'))) throw e;
    problems = new Problems();
    events = loadEvents(path, { ...opts, kind: 'custom', problems });
  }
  const outside = problems.list.filter((p) => p.code === 'EVENT_OUTSIDE_CALENDAR').length;
  if (events.length === 0 && outside > 0) {
    throw new AftershockError('NO_EVENTS', `no events in ${path} inside the ${calendar.name} calendar (${calendar.first}..${calendar.last}): ${outside} event(s) lie outside it`, { file: path, field: 'events' });
  }
  return events;
}

/** Loads the market and the events' symbols from a long CSV, a price folder or a Parquet store; unknown event symbols are left out (excluded later). */
export async function readStudyPrices(path: string, market: string, symbols: readonly string[], o: StudyInputOptions, calendar: TradingCalendar): Promise<{ prices: Map<string, BarSeries>; market: BarSeries }> {
  refuseOddPrices(path);
  if (!existsSync(path)) throw new AftershockError('FILE_NOT_FOUND', `prices ${path} does not exist`, { file: path, field: 'prices' });
  const read = { calendar, ...priceRead(o) };
  let prices: Map<string, BarSeries>;
  if (isParquetPath(path)) prices = await readParquetPrices(path, { symbols: [...new Set([market, ...symbols])], calendar });
  else if (statSync(path).isDirectory()) {
    prices = new Map();
    const find = symbolFileFinder(path);
    for (const s of new Set([market, ...symbols])) {
      const files = find(s);
      if (files) prices.set(s, loadSymbolFiles(files, read));
    }
  } else prices = loadLongPrices(path, read);
  const m = prices.get(market);
  if (!m) {
    const known = [...prices.keys()].slice(0, 20).join(', ');
    throw new AftershockError('UNKNOWN_MARKET', `market symbol ${market} is not in ${path}${known ? ` (it has ${known}${prices.size > 20 ? ', …' : ''})` : ''}`, { file: path, field: 'market' });
  }
  return { prices, market: m };
}

/** A prices path that is a dangling or looping link, a FIFO or a device is named as such (never read, never "not found"). */
function refuseOddPrices(path: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // Nothing there, or a dangling or looping link: notARegularFile says which.
  }
  if (isDir) return;
  const bad = notARegularFile(path, 'prices');
  if (bad) throw new AftershockError(bad.code, bad.message, { file: path, field: 'prices' });
}
