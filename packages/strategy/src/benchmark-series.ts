import type { BarSeries, IsoDate } from '@aftershock/core';

/**
 * The benchmark on the strategy's dividend basis, at each of the given session dates: its total-return close
 * (`adjClose`, dividends reinvested), because a strategy's equity always includes the cash dividends it receives
 * (and pays on shorts). Comparing it with a price-only index would count the index's dividends as alpha.
 * A date before the benchmark's first bar is NaN; otherwise the last bar at or before the date.
 */
export function totalReturnBenchmark(bench: BarSeries | undefined, dates: readonly IsoDate[]): number[] {
  if (!bench) return dates.map(() => NaN);
  const out: number[] = [];
  let j = -1;
  for (const d of dates) {
    while (j + 1 < bench.length && bench.dates[j + 1]! <= d) j++;
    out.push(j >= 0 ? bench.adjClose[j]! : NaN);
  }
  return out;
}
