import type { BarSeries } from '@aftershock/core';
import { closeReturns, type ReturnKind } from './returns';

/**
 * Returns of every security laid on the market series' sessions: `at(symbol)[m]` is the security's return dated
 * at market session m (NaN when it has no close there). Returns are computed on the security's own bars first, so
 * a missing close makes the next return span the gap. Cached per symbol.
 */
export class MarketAligner {
  readonly market: BarSeries;
  readonly marketReturns: Float64Array;
  private readonly base: number;
  private readonly lookup: Int32Array;
  private readonly cache = new Map<string, Float64Array>();

  constructor(
    market: BarSeries,
    private readonly kind: ReturnKind,
    private readonly field: 'close' | 'adjClose',
  ) {
    this.market = market;
    this.marketReturns = closeReturns(market[field], kind);
    const first = market.length > 0 ? market.session[0]! : 0;
    const last = market.length > 0 ? market.session[market.length - 1]! : -1;
    this.base = first;
    this.lookup = new Int32Array(Math.max(0, last - first + 1)).fill(-1);
    for (let m = 0; m < market.length; m++) this.lookup[market.session[m]! - first] = m;
  }

  /** Market index of calendar ordinal `ord`, or -1 when the market has no bar there. */
  indexOf(ord: number): number {
    const k = ord - this.base;
    return k >= 0 && k < this.lookup.length ? this.lookup[k]! : -1;
  }

  /** First market index with session ordinal ≥ `ord` (market.length when none). */
  indexOnOrAfter(ord: number): number {
    const s = this.market.session;
    let lo = 0;
    let hi = this.market.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! < ord) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Last market index with session ordinal ≤ `ord` (-1 when none). */
  indexOnOrBefore(ord: number): number {
    return this.indexOnOrAfter(ord + 1) - 1;
  }

  at(bars: BarSeries): Float64Array {
    const hit = this.cache.get(bars.symbol);
    if (hit) return hit;
    const own = closeReturns(bars[this.field], this.kind);
    const out = new Float64Array(this.market.length).fill(NaN);
    for (let j = 0; j < bars.length; j++) {
      const m = this.indexOf(bars.session[j]!);
      if (m >= 0) out[m] = own[j]!;
    }
    this.cache.set(bars.symbol, out);
    return out;
  }
}
