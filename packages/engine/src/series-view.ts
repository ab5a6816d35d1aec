import { AftershockError, type BarSeries, type IsoDate } from '@aftershock/core';
import type { Clock, SeriesView } from './strategy';
import type { Universe } from './universe';

export interface MutableClock {
  ts: number;
  session: number;
  date: IsoDate;
  phase: Clock['phase'];
}

const NONE: Float64Array = new Float64Array(0);

/**
 * A symbol's history as far as the clock has revealed it. It reads the universe's counts and phase level on
 * every call, so it can be kept across messages and never shows a bar the clock has not reached.
 *
 * The price columns are kept on the view (a read is one bound check and one load). The universe attaches them
 * (`attach`) when the view is made, when the symbol's series loads, and when a growing series replaces a column;
 * a read never writes them. Measured: with the columns fetched lazily inside the read (a write on the read path),
 * V8 compiled a strategy's loop over the views slower — the SMA cross of engine.sma-cross.universe spent 20–25 ms
 * per run in its own callback, 15–18 ms with the columns attached.
 */
export class HistoryView implements SeriesView {
  /** The universe's per-symbol counts of bars with a known close, today's bar index (−1: none) and the phase level. */
  private readonly closed: Int32Array;
  private readonly today: Int32Array;
  private readonly level: Int32Array;
  private o: Float64Array = NONE;
  private h: Float64Array = NONE;
  private l: Float64Array = NONE;
  /** Where the closes are read: `cb[co + i]` for i < cn (see close). */
  private cb: Float64Array = NONE;
  private co = 0;
  private cn = 0;

  constructor(
    readonly symbol: string,
    readonly index: number,
    private readonly universe: Universe,
    private readonly clock: MutableClock,
  ) {
    this.today = universe.today;
    this.level = universe.level;
    this.closed = universe.closed;
  }

  /**
   * Takes the columns of `series` (its closes read from `closeChunk` at `closeOffset` when packed, else from its
   * own column). Called by the universe, never on a read.
   */
  attach(series: BarSeries, closeChunk: Float64Array | undefined, closeOffset: number): void {
    this.o = series.open;
    this.h = series.high;
    this.l = series.low;
    if (closeChunk !== undefined) {
      this.cb = closeChunk;
      this.co = closeOffset;
      this.cn = series.length;
    } else {
      this.cb = series.close;
      this.co = 0;
      this.cn = series.close.length;
    }
  }

  /** Whether the closes read are no longer `series`' own column (a growing series replaces every column at once). */
  isStale(series: BarSeries): boolean {
    return this.cb !== series.close;
  }

  get length(): number {
    return this.universe.visibleCount(this.index);
  }

  get closedLength(): number {
    return this.universe.closedCount(this.index);
  }

  /** Bar `i` (an integer ≥ 0) is complete now: before today, or today's after the close. */
  private isClosed(i: number): boolean {
    return i < this.closed[this.index]!;
  }

  /** Bar `i` (an integer ≥ 0) is visible now: before today, or today's from the open. */
  private isVisible(i: number): boolean {
    return i < this.closed[this.index]! || (i === this.today[this.index] && this.level[0]! >= 1);
  }

  /** The series when bar `i` is complete now (every field known), else LOOK_AHEAD. */
  private full(i: number, field: string): BarSeries {
    if (!(i >= 0 && this.isClosed(i)) || (i | 0) !== i) this.beyond(i, field);
    return this.universe.series[this.index]!;
  }

  /** The series when bar `i` is visible (its open, date, session and dividend are known from the open), else LOOK_AHEAD. */
  private known(i: number, field: string): BarSeries {
    if (!(i >= 0 && this.isVisible(i)) || (i | 0) !== i) this.beyond(i, field);
    return this.universe.series[this.index]!;
  }

  private beyond(i: number, field: string): never {
    const closed = this.closedLength;
    throw new AftershockError(
      'LOOK_AHEAD',
      `${this.symbol}: ${field} of bar ${i} is not known at ${this.clock.date} ${this.clock.phase} (visible bars: ${closed}${closed < this.length ? " + today's open" : ''})`,
      { field },
    );
  }

  // The reads below: the fast path when bar i is known and inside the attached column, else an error (a bar
  // the clock has not reached). The universe keeps the columns attached, so no read falls through otherwise.

  open(i: number): number {
    if (i >= 0 && this.isVisible(i) && i < this.o.length && (i | 0) === i) return this.o[i]!;
    return this.beyond(i, 'open');
  }

  high(i: number): number {
    if (i >= 0 && this.isClosed(i) && i < this.h.length && (i | 0) === i) return this.h[i]!;
    return this.beyond(i, 'high');
  }

  low(i: number): number {
    if (i >= 0 && this.isClosed(i) && i < this.l.length && (i | 0) === i) return this.l[i]!;
    return this.beyond(i, 'low');
  }

  close(i: number): number {
    if (i >= 0 && this.isClosed(i) && i < this.cn && (i | 0) === i) return this.cb[this.co + i]!;
    return this.beyond(i, 'close');
  }

  volume(i: number): number {
    return this.full(i, 'volume').volume[i]!;
  }

  adjClose(i: number): number {
    return this.full(i, 'adjClose').adjClose[i]!;
  }

  dividend(i: number): number {
    return this.known(i, 'dividend').dividend[i]!;
  }

  date(i: number): IsoDate {
    return this.known(i, 'date').dates[i]!;
  }

  session(i: number): number {
    return this.known(i, 'session').session[i]!;
  }

  indexAtOrBefore(s: number): number {
    const n = this.length;
    const ser = this.universe.series[this.index];
    if (ser === undefined || n === 0) return -1;
    let lo = 0;
    let hi = n - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (ser.session[mid]! <= s) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  closes(n: number): Float64Array {
    const end = this.closedLength;
    const from = Math.max(0, end - Math.max(0, Math.floor(n)));
    const ser = this.universe.series[this.index];
    return ser === undefined ? new Float64Array(0) : ser.close.slice(from, end);
  }
}
