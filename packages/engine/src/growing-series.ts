import { AftershockError, type BarSeries, type IsoDate } from '@aftershock/core';
import { grown } from './grown';

/** One bar as a streaming source yields it. */
export interface BarRow {
  readonly date: IsoDate;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume?: number;
  /** Cash dividend whose ex-date is this bar. */
  readonly dividend?: number;
}

/**
 * A BarSeries that grows one bar at a time, as the clock reaches each bar (capacity doubles). Its `adjClose` is a
 * forward total-return index starting at the first close — the backward adjustment of core needs future
 * dividends, which a stream does not have yet.
 */
export class GrowingSeries implements BarSeries {
  length = 0;
  readonly dates: IsoDate[] = [];
  session: Int32Array = new Int32Array(16);
  open: Float64Array = new Float64Array(16);
  high: Float64Array = new Float64Array(16);
  low: Float64Array = new Float64Array(16);
  close: Float64Array = new Float64Array(16);
  volume: Float64Array = new Float64Array(16);
  adjClose: Float64Array = new Float64Array(16);
  dividend: Float64Array = new Float64Array(16);

  constructor(readonly symbol: string) {}

  append(row: BarRow, ordinal: number): void {
    const n = this.length;
    if (n > 0 && ordinal <= this.session[n - 1]!) {
      throw new AftershockError('STREAM_OUT_OF_ORDER', `${this.symbol}: bar ${row.date} does not come after ${this.dates[n - 1]}`, { field: 'date' });
    }
    if (n === this.session.length) this.grow(n * 2);
    this.dates.push(row.date);
    this.session[n] = ordinal;
    this.open[n] = row.open;
    this.high[n] = row.high;
    this.low[n] = row.low;
    this.close[n] = row.close;
    this.volume[n] = row.volume ?? 0;
    const d = row.dividend ?? 0;
    this.dividend[n] = d;
    this.adjClose[n] = n === 0 ? row.close : (this.adjClose[n - 1]! * (row.close + d)) / this.close[n - 1]!;
    this.length = n + 1;
  }

  private grow(cap: number): void {
    this.session = grown(this.session, cap);
    this.open = grown(this.open, cap);
    this.high = grown(this.high, cap);
    this.low = grown(this.low, cap);
    this.close = grown(this.close, cap);
    this.volume = grown(this.volume, cap);
    this.adjClose = grown(this.adjClose, cap);
    this.dividend = grown(this.dividend, cap);
  }
}
