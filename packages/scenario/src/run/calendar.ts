import { AftershockError, xnysCalendar, type TradingCalendar } from '@aftershock/core';
import { findSymbolFiles, isParquetPath, loadMarketCalendar, loadStoreMarketCalendar, parquetSymbols } from '@aftershock/data';
import { priceRoots } from '../load/roots';
import type { Scenario } from '../load/scenario';
import { calendarHours, longPriceFile, priceReadOptions, symbolPriceFiles, type PriceFileSpec } from '../load/vendor-files';

/** The benchmark's price file (or the Parquet store holding it), found as loadInputs finds it: data.files first, then the price roots. */
async function benchmarkSource(s: Scenario): Promise<PriceFileSpec | { store: string } | undefined> {
  const bench = s.data.benchmark;
  const own = symbolPriceFiles(s.data.files)[bench] ?? longPriceFile(s.data.files);
  if (own) return own;
  for (const root of priceRoots(s.data, s.dir)) {
    if (isParquetPath(root)) {
      if ((await parquetSymbols(root)).includes(bench)) return { store: root };
      continue;
    }
    const f = findSymbolFiles(root, bench);
    if (f) return { file: f.prices };
  }
  return undefined;
}

/**
 * The scenario's trading calendar: XNYS (default), or `market` — the dates on which the benchmark has a bar, opening
 * and closing at the stated hours (default 09:30–16:00 America/New_York). Every price row must then be on one of
 * the benchmark's dates (PRICE_NOT_A_SESSION otherwise), and event time counts the benchmark's sessions.
 */
export async function scenarioCalendar(s: Scenario): Promise<TradingCalendar> {
  const c = s.calendar;
  if (c.kind === 'xnys') return xnysCalendar();
  const f = await benchmarkSource(s);
  if (f && 'store' in f) {
    return loadStoreMarketCalendar(f.store, s.data.benchmark, calendarHours(c));
  }
  if (!f) throw new AftershockError('DATA_UNKNOWN_SYMBOL', `no prices for the benchmark ${s.data.benchmark}, whose bars make the market calendar`, { field: 'data.benchmark', ...(s.file ? { file: s.file } : {}) });
  return loadMarketCalendar(f.file, { symbol: s.data.benchmark, ...priceReadOptions(f), ...calendarHours(c) });
}
