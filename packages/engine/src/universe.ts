import { AftershockError, type BarSeries, type TradingCalendar } from '@aftershock/core';
import type { BarSlice } from './messages';
import type { BarSource } from './source';

const EMPTY = new Int32Array(0);
export const EMPTY_SLICE: BarSlice = { start: 0, end: 0, symbols: EMPTY, bars: EMPTY };

/**
 * The symbols of a run and what the clock has revealed of them. Symbols are loaded from the source when the
 * clock reaches their listing session (or at the start when the listing is unknown or earlier), and sliced one
 * session at a time with a cursor per symbol, so nothing ahead of the clock is ever materialised in a message.
 */
export class Universe {
  readonly symbols: readonly string[];
  readonly series: (BarSeries | undefined)[];
  /** Visible bars per symbol (today's counts from the open). */
  readonly visible: Int32Array;
  /** Next bar to slice per symbol. */
  private readonly next: Int32Array;
  private readonly index = new Map<string, number>();
  /** Symbols still to load, by listing ordinal (ascending). */
  private pending: Array<{ sym: number; ordinal: number }> = [];
  private pendingAt = 0;
  private readonly source: BarSource;
  barsSliced = 0;

  constructor(source: BarSource, private readonly cal: TradingCalendar) {
    this.source = source;
    this.symbols = source.symbols;
    const n = this.symbols.length;
    this.series = new Array<BarSeries | undefined>(n).fill(undefined);
    this.visible = new Int32Array(n);
    this.next = new Int32Array(n);
    this.symbols.forEach((s, i) => {
      if (this.index.has(s)) throw new AftershockError('DUPLICATE_SYMBOL', `symbol ${s} appears twice in the universe`, { field: 'symbol' });
      this.index.set(s, i);
    });
  }

  symbolIndex(symbol: string): number {
    return this.index.get(symbol) ?? -1;
  }

  /** Loads what lists at or before `startOrdinal` (or has no known listing) and positions every cursor there. */
  open(startOrdinal: number): void {
    const later: Array<{ sym: number; ordinal: number }> = [];
    for (let i = 0; i < this.symbols.length; i++) {
      const listing = this.source.listing?.(this.symbols[i]!);
      const o = listing === undefined ? -1 : this.cal.ordinalOnOrAfter(listing);
      if (o <= startOrdinal) this.load(i, startOrdinal);
      else later.push({ sym: i, ordinal: o });
    }
    this.pending = later.sort((a, b) => a.ordinal - b.ordinal || a.sym - b.sym);
  }

  /** Range of the loaded series (first and last ordinal), for default run bounds. */
  loadedRange(): { first: number; last: number } {
    let first = Infinity;
    let last = -Infinity;
    for (const s of this.series) {
      if (s === undefined || s.length === 0) continue;
      first = Math.min(first, s.session[0]!);
      last = Math.max(last, s.session[s.length - 1]!);
    }
    for (const p of this.pending) first = Math.min(first, p.ordinal);
    return { first, last };
  }

  private load(i: number, startOrdinal: number): void {
    const s = this.source.load(this.symbols[i]!);
    this.series[i] = s;
    // Bars before the start are warm-up history, visible from the beginning.
    let k = 0;
    while (k < s.length && s.session[k]! < startOrdinal) k++;
    this.next[i] = k;
    this.visible[i] = k;
  }

  /**
   * The slice of session `s`: every loaded symbol with a bar there. Loads symbols listing by `s` first.
   * Bars on ordinals skipped by the run (before `s`) are passed over.
   */
  slice(s: number): BarSlice {
    while (this.pendingAt < this.pending.length && this.pending[this.pendingAt]!.ordinal <= s) {
      this.load(this.pending[this.pendingAt]!.sym, s);
      this.pendingAt++;
    }
    const n = this.symbols.length;
    let count = 0;
    const syms = new Int32Array(n);
    const bars = new Int32Array(n);
    const series = this.series;
    const next = this.next;
    for (let i = 0; i < n; i++) {
      const ser = series[i];
      if (ser === undefined) continue;
      let k = next[i]!;
      const sess = ser.session;
      const len = ser.length;
      while (k < len && sess[k]! < s) k++;
      if (k < len && sess[k] === s) {
        syms[count] = i;
        bars[count] = k;
        count++;
        k++;
      }
      next[i] = k;
    }
    this.barsSliced += count;
    if (count === 0) return EMPTY_SLICE;
    return { start: 0, end: count, symbols: syms.subarray(0, count), bars: bars.subarray(0, count) };
  }

  /** Makes a slice's bars visible (at the open). */
  reveal(slice: BarSlice): void {
    for (let k = slice.start; k < slice.end; k++) this.visible[slice.symbols[k]!] = slice.bars[k]! + 1;
  }
}
