import { adjustForDividends, type BarSeries, type IsoDate } from '@aftershock/core';
import type { Dividend, Split } from './dividends';
import type { FileProblems } from './file-problems';
import type { SessionIndex } from './session-index';

/** Growable columns of one symbol's bars while a file is read. */
export class BarBuilder {
  length = 0;
  /** Ordinal of the last accepted bar (-1 before the first). */
  lastOrdinal = -1;
  session: Int32Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  adjClose: Float64Array | undefined;

  constructor(
    readonly symbol: string,
    capacity: number,
    withAdjClose: boolean,
  ) {
    const n = Math.max(4, capacity);
    this.session = new Int32Array(n);
    this.open = new Float64Array(n);
    this.high = new Float64Array(n);
    this.low = new Float64Array(n);
    this.close = new Float64Array(n);
    this.volume = new Float64Array(n);
    this.adjClose = withAdjClose ? new Float64Array(n) : undefined;
  }

  /** Makes room for one more bar. */
  reserve(): void {
    if (this.length < this.session.length) return;
    const n = this.session.length * 2;
    this.session = growI(this.session, n);
    this.open = growF(this.open, n);
    this.high = growF(this.high, n);
    this.low = growF(this.low, n);
    this.close = growF(this.close, n);
    this.volume = growF(this.volume, n);
    if (this.adjClose) this.adjClose = growF(this.adjClose, n);
  }
}

function growF(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function growI(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

export interface FinishOptions {
  readonly dividends?: readonly Dividend[] | undefined;
  readonly splits?: readonly Split[] | undefined;
  readonly source?: string | undefined;
}

/**
 * Turns a builder into a `BarSeries`: trims the columns, applies split factors (prices before a split's ex-date are
 * divided by its ratio, volumes and earlier dividends scaled alike), places each dividend on its ex-date bar and
 * builds the dividend-adjusted close. A dividend whose ex-date falls inside the bars' range but on no bar moves to
 * the next bar (warning DIVIDEND_NOT_A_BAR); dividends outside the range are ignored (files carry full history).
 * Without a dividends list, an `Adj Close` column read from the file is kept as the adjusted close.
 */
export function finishSeries(b: BarBuilder, idx: SessionIndex, fp: FileProblems | undefined, opts: FinishOptions = {}): BarSeries {
  const n = b.length;
  // A per-symbol file's columns were sized from its line count: a view wastes a couple of slots, a copy would
  // cost seven allocations per file. Columns that grew by doubling are copied to their length.
  const fit = b.session.length - n <= 8;
  const trim = <T extends Float64Array | Int32Array>(a: T): T => (fit ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
  const session = trim(b.session);
  const open = trim(b.open);
  const high = trim(b.high);
  const low = trim(b.low);
  const close = trim(b.close);
  const volume = trim(b.volume);
  const dates = new Array<IsoDate>(n);
  for (let i = 0; i < n; i++) dates[i] = idx.dateOf(session[i]!);
  const dividend = new Float64Array(n);
  const first = n > 0 ? dates[0]! : '';
  const last = n > 0 ? dates[n - 1]! : '';

  let divs = opts.dividends ?? [];
  if (opts.splits && opts.splits.length > 0 && n > 0) {
    for (const s of opts.splits) {
      if (s.date <= first || s.date > last) continue;
      const at = lowerBound(dates, s.date);
      for (let i = 0; i < at; i++) {
        open[i]! /= s.ratio;
        high[i]! /= s.ratio;
        low[i]! /= s.ratio;
        close[i]! /= s.ratio;
        volume[i]! *= s.ratio;
      }
      divs = divs.map((d) => (d.date < s.date ? { ...d, amount: d.amount / s.ratio } : d));
    }
  }
  for (const d of divs) {
    if (n === 0 || d.date < first || d.date > last) continue;
    const at = lowerBound(dates, d.date);
    if (dates[at] !== d.date) {
      fp?.warn('DIVIDEND_NOT_A_BAR', `${b.symbol} dividend ex-date ${d.date} has no bar; booked on the next bar, ${dates[at]}`, undefined, 'dividend');
    }
    dividend[at]! += d.amount;
  }
  const adjClose = opts.dividends === undefined && b.adjClose && !opts.splits?.length ? trim(b.adjClose) : adjustForDividends(close, dividend);
  return {
    symbol: b.symbol,
    length: n,
    dates,
    session,
    open,
    high,
    low,
    close,
    volume,
    adjClose,
    dividend,
    ...(opts.source !== undefined ? { source: opts.source } : {}),
  };
}

/** First index with dates[i] >= d. */
function lowerBound(dates: readonly IsoDate[], d: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
