import type { BarSeries, IsoDate } from '@aftershock/core';

/**
 * The benchmark on the strategy's dividend basis, at each of the given session dates: a total-return index
 * (dividends reinvested on their ex-date, r = (close + dividend) / previous close − 1) in price units, equal to
 * the close on the first date it covers. A strategy's equity always includes the cash dividends it receives (and
 * pays on shorts); against a price-only index the index's own dividends would count as alpha. Built from the raw
 * closes of the run's own span, so it does not depend on how far back the data file reaches (adjClose does, in its
 * last digits). A date before the benchmark's first bar is NaN; otherwise the last bar at or before the date.
 */
export function totalReturnBenchmark(bench: BarSeries | undefined, dates: readonly IsoDate[]): number[] {
  if (!bench) return dates.map(() => NaN);
  const out: number[] = [];
  let j = -1;
  let level = NaN;
  for (const d of dates) {
    if (Number.isNaN(level)) {
      // The index starts at the last bar at or before the first date: earlier history plays no part.
      while (j + 1 < bench.length && bench.dates[j + 1]! <= d) j++;
      if (j >= 0) level = bench.close[j]!;
    } else {
      while (j + 1 < bench.length && bench.dates[j + 1]! <= d) {
        j++;
        level = (level * (bench.close[j]! + bench.dividend[j]!)) / bench.close[j - 1]!;
      }
    }
    out.push(level);
  }
  return out;
}
