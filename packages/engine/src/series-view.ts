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
  constructor(
    readonly symbol: string,
    readonly index: number,
    private readonly universe: Universe,
    private readonly clock: MutableClock,
  ) {}

  get length(): number {
    return this.universe.visible[this.index]!;
  }

  get closedLength(): number {
    const n = this.length;
    return n > 0 && this.isPartial(n - 1) ? n - 1 : n;
  }

  private isPartial(i: number): boolean {
    return this.clock.phase === 'open' && this.universe.series[this.index]!.session[i] === this.clock.session;
  }

  private full(i: number, field: string): BarSeries {
    const n = this.universe.visible[this.index]!;
    // Fast path: a bar before the last visible one is complete whatever the phase.
    if (i >= 0 && i < n - 1 && (i | 0) === i) return this.universe.series[this.index]!;
    if (!(i >= 0 && i < n) || !Number.isInteger(i) || this.isPartial(i)) this.beyond(i, field);
    return this.universe.series[this.index]!;
  }

  private beyond(i: number, field: string): never {
    throw new AftershockError(
      'LOOK_AHEAD',
      `${this.symbol}: ${field} of bar ${i} is not known at ${this.clock.date} ${this.clock.phase} (visible bars: ${this.closedLength}${this.closedLength < this.length ? ' + today\'s open' : ''})`,
      { field },
    );
  }

  open(i: number): number {
    const n = this.universe.visible[this.index]!;
    if (!(i >= 0 && i < n) || !Number.isInteger(i)) this.beyond(i, 'open');
    return this.universe.series[this.index]!.open[i]!;
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
    const n = this.universe.visible[this.index]!;
    if (!(i >= 0 && i < n) || !Number.isInteger(i)) this.beyond(i, 'dividend');
    return this.universe.series[this.index]!.dividend[i]!;
  }

  date(i: number): IsoDate {
    const n = this.universe.visible[this.index]!;
    if (!(i >= 0 && i < n) || !Number.isInteger(i)) this.beyond(i, 'date');
    return this.universe.series[this.index]!.dates[i]!;
  }

  session(i: number): number {
    const n = this.universe.visible[this.index]!;
    if (!(i >= 0 && i < n) || !Number.isInteger(i)) this.beyond(i, 'session');
    return this.universe.series[this.index]!.session[i]!;
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
