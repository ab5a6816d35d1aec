import { join } from 'node:path';
import { AftershockError, type BarSeries } from '@aftershock/core';
import { sharedDataDir } from './data-root';
import { loadLongPrices, type PriceOptions } from './prices';

/** The estudy2 example prices next to this checkout (`../shared/data/estudy2/prices.csv`), if present. */
export function defaultEstudy2PricesPath(): string | undefined {
  const shared = sharedDataDir();
  return shared !== undefined ? join(shared, 'estudy2', 'prices.csv') : undefined;
}

/**
 * Loads an estudy2-style long file (`date,symbol,close`: the R package's example data, 7 stocks and ^GSPC,
 * 2019-04-01..2020-03-31) into one close-only `BarSeries` per symbol (open = high = low = close, volume NaN).
 *
 * @example loadEstudy2Prices().get('^GSPC')!.length // → 253
 */
export function loadEstudy2Prices(path: string | undefined = defaultEstudy2PricesPath(), opts: PriceOptions = {}): Map<string, BarSeries> {
  if (path === undefined) {
    throw new AftershockError('FILE_NOT_FOUND', 'no estudy2 prices file given and ../shared/data/estudy2/prices.csv is not next to this checkout');
  }
  return loadLongPrices(path, opts);
}
