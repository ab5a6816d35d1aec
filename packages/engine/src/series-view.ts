import { AftershockError, type BarSeries, type IsoDate } from '@aftershock/core';
import type { Clock, SeriesView } from './strategy';
import type { Universe } from './universe';

export interface MutableClock {
  ts: number;
  session: number;
  date: IsoDate;
  phase: Clock['phase'];
}

/**
 * A symbol's history as far as the clock has revealed it. It reads the universe's visible count on every call,
 * so it can be kept across messages and never shows a bar the clock has not reached.
 */
export class HistoryView implements SeriesView {
  /** Visible bars per universe index (the universe's array: written at each open, read on every call). */
  private readonly visible: Int32Array;
  /** The symbol's series once loaded (the object stays: a growing series replaces its columns, not itself). */
  private ser: BarSeries | undefined;

  constructor(
    readonly symbol: string,
    readonly index: number,
    private readonly universe: Universe,
    private readonly clock: MutableClock,
  ) {
    this.visible = universe.visible;
    this.ser = universe.series[index];
  }

  get length(): number {
    return this.visible[this.index]!;
  }

  get closedLength(): number {
    const n = this.length;
    return n > 0 && this.isPartial(n - 1) ? n - 1 : n;
  }

  private isPartial(i: number): boolean {
    return this.clock.phase === 'open' && this.universe.series[this.index]!.session[i] === this.clock.session;
  }

  /**
   * The series when bar `i` is complete now, else throws LOOK_AHEAD. A bar before the last visible one is
   * complete whatever the phase; the last one too outside the open phase (at the open today's bar has only its open).
   */
  private full(i: number, field: string): BarSeries {
    const n = this.visible[this.index]!;
    const ser = this.ser;
    if (ser !== undefined && i >= 0 && (i | 0) === i && (i < n - 1 || (i < n && this.clock.phase !== 'open'))) return ser;
    if (!(i >= 0 && i < n) || !Number.isInteger(i) || this.isPartial(i)) this.beyond(i, field);
    return this.loaded();
  }

  /** The series of a bar below the visible count (any field known at the open: open, dividend, date, session). */
  private known(i: number, field: string): BarSeries {
    const n = this.visible[this.index]!;
    if (!(i >= 0 && i < n) || (i | 0) !== i) this.beyond(i, field);
    return this.ser ?? this.loaded();
  }

  /** Visible bars exist, so the series is loaded: keep it. */
  private loaded(): BarSeries {
    this.ser = this.universe.series[this.index]!;
    return this.ser;
  }

  private beyond(i: number, field: string): never {
    throw new AftershockError(
      'LOOK_AHEAD',
      `${this.symbol}: ${field} of bar ${i} is not known at ${this.clock.date} ${this.clock.phase} (visible bars: ${this.closedLength}${this.closedLength < this.length ? ' + today\'s open' : ''})`,
      { field },
    );
  }

  open(i: number): number {
    return this.known(i, 'open').open[i]!;
  }

  high(i: number): number {
    return this.full(i, 'high').high[i]!;
  }

  low(i: number): number {
    return this.full(i, 'low').low[i]!;
  }

  close(i: number): number {
    return this.full(i, 'close').close[i]!;
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
