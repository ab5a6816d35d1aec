import type { BarSeries } from '@aftershock/core';
import type { SeriesView } from '@aftershock/engine';

/**
 * The bars of a view from its first bar up to and including bar `i`, as a BarSeries: what indicator filters read.
 * Built only from what the view shows, so nothing after bar `i` can leak into a decision.
 */
export function visibleBars(view: SeriesView, i: number): BarSeries {
  const n = Math.max(0, i + 1);
  const f = (get: (k: number) => number) => {
    const a = new Float64Array(n);
    for (let k = 0; k < n; k++) a[k] = get(k);
    return a;
  };
  const dates: string[] = [];
  const session = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    dates.push(view.date(k));
    session[k] = view.session(k);
  }
  return {
    symbol: view.symbol,
    length: n,
    dates,
    session,
    open: f((k) => view.open(k)),
    high: f((k) => view.high(k)),
    low: f((k) => view.low(k)),
    close: f((k) => view.close(k)),
    volume: f((k) => view.volume(k)),
    adjClose: f((k) => view.adjClose(k)),
    dividend: f((k) => view.dividend(k)),
  };
}
