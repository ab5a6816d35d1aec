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
  /** Its columns go back to the scratch set when finished (BarBuilder.scratch). */
  reusable = false;

  constructor(
    readonly symbol: string,
    capacity: number,
    withAdjClose: boolean,
    from?: Columns,
  ) {
    const n = Math.max(4, capacity);
    if (from) {
      this.session = from.session;
      this.open = from.open;
      this.high = from.high;
      this.low = from.low;
      this.close = from.close;
      this.volume = from.volume;
      this.adjClose = undefined;
      return;
    }
    this.session = new Int32Array(n);
    this.open = new Float64Array(n);
    this.high = new Float64Array(n);
    this.low = new Float64Array(n);
    this.close = new Float64Array(n);
    this.volume = new Float64Array(n);
    this.adjClose = withAdjClose ? new Float64Array(n) : undefined;
  }

  /** Writes a bar at `length` (the caller has made room: reserve, or a scan that stops at capacity). */
  append(ord: number, open: number, high: number, low: number, close: number, volume: number, adj: number): void {
    const k = this.length;
    this.session[k] = ord;
    this.open[k] = open;
    this.high[k] = high;
    this.low[k] = low;
    this.close[k] = close;
    this.volume[k] = volume;
    if (this.adjClose !== undefined) this.adjClose[k] = adj;
    this.length = k + 1;
    this.lastOrdinal = ord;
  }

  /**
   * A builder on the columns the last finished scratch builder used (one file after another reuses them, since
   * finishSeries copies the bars out): no column is allocated, and no line count is needed to size them. Reading is
   * synchronous, so one set serves every file; a second builder while one is open gets fresh columns.
   */
  static scratch(symbol: string, withAdjClose: boolean): BarBuilder {
    const spare = SPARE.pop();
    const b = new BarBuilder(symbol, 0, false, spare);
    if (withAdjClose) {
      // Every column as long as the others (reserve grows them together).
      const adj = spare?.adjClose;
      b.adjClose = adj !== undefined && adj.length === b.session.length ? adj : new Float64Array(b.session.length);
    }
    b.reusable = true;
    return b;
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

type Columns = Pick<BarBuilder, 'session' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'adjClose'>;

/** The scratch columns not in use (at most one set). */
const SPARE: Columns[] = [];

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
  const fileAdj = opts.dividends === undefined && b.adjClose !== undefined && !opts.splits?.length;
  // The columns copied to their length into one buffer: one allocation per series instead of one per column.
  const cols = fileAdj ? 7 : 6;
  const buf = new ArrayBuffer(n * (8 * cols + 4));
  const f64 = (k: number, from: Float64Array | undefined): Float64Array => {
    const a = new Float64Array(buf, k * 8 * n, n);
    if (from) a.set(from.subarray(0, n));
    return a;
  };
  const open = f64(0, b.open);
  const high = f64(1, b.high);
  const low = f64(2, b.low);
  const close = f64(3, b.close);
  const volume = f64(4, b.volume);
  const dividend = f64(5, undefined);
  const fromFile = fileAdj ? f64(6, b.adjClose) : undefined;
  const session = new Int32Array(buf, cols * 8 * n, n);
  session.set(b.session.subarray(0, n));
  if (b.reusable && SPARE.length === 0) SPARE.push({ session: b.session, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume, adjClose: b.adjClose });
  // Bars on consecutive sessions (most series) take their dates as one slice of the calendar's; else one by one
  // (pushed, so that either way the array is a packed one).
  let dates: readonly IsoDate[];
  // Bars on every session of the calendar (most of a universe read on its market's calendar) share its array:
  // 1,862 dates a series that would otherwise be copied, kept alive and moved by the GC with every series.
  if (n > 0 && session[0] === 0 && n === idx.dates.length) dates = idx.dates;
  else if (n > 0 && session[n - 1]! - session[0]! === n - 1) dates = idx.dates.slice(session[0]!, session[0]! + n);
  else {
    const own: IsoDate[] = [];
    for (let i = 0; i < n; i++) own.push(idx.dateOf(session[i]!));
    dates = own;
  }
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
  let booked = false;
  for (const d of divs) {
    if (n === 0 || d.date < first || d.date > last) continue;
    booked = true;
    const at = lowerBound(dates, d.date);
    if (dates[at] !== d.date) {
      fp?.warn('DIVIDEND_NOT_A_BAR', `${b.symbol} dividend ex-date ${d.date} has no bar; booked on the next bar, ${dates[at]}`, undefined, 'dividend');
    }
    dividend[at]! += d.amount;
  }
  // With no dividend booked on the bars, the adjusted close is the close column itself: adjustForDividends would
  // give the same numbers (close × 1) in an allocation of its own (a finished series is only read, never written).
  const adjClose = fromFile ?? (booked ? adjustForDividends(close, dividend) : close);
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
