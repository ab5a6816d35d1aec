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
 * The price columns are kept on the view (a read is one bound check and one load). A growing series replaces a
 * column when it runs out of room; the old column still holds every bar below its length, so a read below it is
 * right, and a read past it takes the slow path, which fetches the current column.
 */
export class HistoryView implements SeriesView {
  /** The universe's per-symbol counts of bars before today, today's bar index (−1: none) and the phase level. */
  private readonly prior: Int32Array;
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
    this.prior = universe.prior;
    this.today = universe.today;
    this.level = universe.level;
  }

  get length(): number {
    return this.universe.visibleCount(this.index);
  }

  get closedLength(): number {
    return this.universe.closedCount(this.index);
  }

  /** Bar `i` (an integer ≥ 0) is complete now: before today, or today's after the close. */
  private isClosed(i: number): boolean {
    return i < this.prior[this.index]! || (i === this.today[this.index] && this.level[0] === 2);
  }

  /** Bar `i` (an integer ≥ 0) is visible now: before today, or today's from the open. */
  private isVisible(i: number): boolean {
    return i < this.prior[this.index]! || (i === this.today[this.index] && this.level[0]! >= 1);
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

  open(i: number): number {
    const o = this.o;
    if (i >= 0 && this.isVisible(i) && i < o.length && (i | 0) === i) return o[i]!;
    this.o = this.known(i, 'open').open;
    return this.o[i]!;
  }

  high(i: number): number {
    const h = this.h;
    if (i >= 0 && this.isClosed(i) && i < h.length && (i | 0) === i) return h[i]!;
    this.h = this.full(i, 'high').high;
    return this.h[i]!;
  }

  low(i: number): number {
    const l = this.l;
    if (i >= 0 && this.isClosed(i) && i < l.length && (i | 0) === i) return l[i]!;
    this.l = this.full(i, 'low').low;
    return this.l[i]!;
  }

  close(i: number): number {
    if (i >= 0 && this.isClosed(i) && i < this.cn && (i | 0) === i) return this.cb[this.co + i]!;
    const ser = this.full(i, 'close');
    const chunk = this.universe.closeChunk[this.index];
    // Packed closes are read from their arena chunk, one typed array many views share; a stream's from its column.
    if (chunk !== undefined) {
      this.cb = chunk;
      this.co = this.universe.closeOffset[this.index]!;
      this.cn = ser.length;
    } else {
      this.cb = ser.close;
      this.co = 0;
      this.cn = ser.close.length;
    }
    return this.cb[this.co + i]!;
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
