import { AftershockError, type BarSeries, type TradingCalendar } from '@aftershock/core';
import { GrowingSeries, type BarRow } from './growing-series';
import { packedSeries } from './packed-series';
import type { BarSlice } from './messages';
import { SliceColumns } from './slice-columns';
import { isStreamingSource, type BarSource, type StreamingSource } from './source';
import { HistoryView, type MutableClock } from './series-view';

/** One symbol of a streaming source: its iterator and the next row (read, not yet reached by the clock). */
interface Stream {
  readonly sym: number;
  readonly it: Iterator<BarRow>;
  readonly series: GrowingSeries;
  row: BarRow | undefined;
  ordinal: number;
}

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
  /** 0 before the current session's open, 1 from its open, 2 from its close. */
  readonly level = new Int32Array(1);
  /**
   * Bars per symbol whose close is known now: the bars before the current session (all of them are known), and
   * from the close today's bar too (`today`). Today's bar is known from the open (its open, date, dividend) and
   * complete from the close, as `level` says. Written by the slicing loop and at the close, so a history read of a
   * close is one comparison.
   */
  readonly closed: Int32Array;
  /** The last slice's columns (its symbols' closes become known at the close). */
  private lastSyms: Int32Array = EMPTY;
  private lastBars: Int32Array = EMPTY;
  /** Next bar to slice per symbol. */
  private readonly next: Int32Array;
  /** Bar index per symbol in the session sliced last, or −1 (written by the slicing loop for every symbol). */
  readonly today: Int32Array;
  /** Per loaded series: ordinal of its first bar, whether it has no gaps, and its next ex-dividend bar index. */
  private readonly first: Int32Array;
  /** Bars per loaded series (0 until loaded). */
  private readonly lengths: Int32Array;
  private readonly gapless: Uint8Array;
  private readonly nextDiv: Int32Array;
  /** Per loaded series: its ex-dividend bar indices (found in one pass at load), and the next one to reach. */
  private readonly divBars: Int32Array[];
  private readonly divAt: Int32Array;
  private readonly index = new Map<string, number>();
  /** Symbols still to load, by listing ordinal (ascending). */
  private pending: Array<{ sym: number; ordinal: number }> = [];
  private pendingAt = 0;
  private readonly source: BarSource | StreamingSource;
  private readonly streams: (Stream | undefined)[];
  private pendingStreams = 0;
  barsSliced = 0;
  /** Where the slices' columns live (shared chunks: no buffer allocated per session). */
  private readonly columns: SliceColumns;
  /** Positions in the last slice whose bar is an ex-dividend date. */
  readonly dividendEntries: number[] = [];
  /** Per loaded in-memory series: the arena chunk holding its closes and where they start (undefined for a stream). */
  readonly closeChunk: (Float64Array | undefined)[];
  readonly closeOffset: Int32Array;
  /** The history views made so far, per symbol: the universe attaches their columns (see HistoryView). */
  private readonly views: (HistoryView | undefined)[];

  constructor(source: BarSource | StreamingSource, private readonly cal: TradingCalendar) {
    this.source = source;
    this.symbols = source.symbols;
    const n = this.symbols.length;
    this.series = new Array<BarSeries | undefined>(n).fill(undefined);
    this.closed = new Int32Array(n);
    this.next = new Int32Array(n);
    this.today = new Int32Array(n).fill(-1);
    this.first = new Int32Array(n);
    this.lengths = new Int32Array(n);
    this.gapless = new Uint8Array(n);
    this.nextDiv = new Int32Array(n);
    this.divBars = new Array<Int32Array>(n).fill(EMPTY);
    this.divAt = new Int32Array(n);
    this.closeChunk = new Array<Float64Array | undefined>(n).fill(undefined);
    this.closeOffset = new Int32Array(n);
    this.streams = new Array<Stream | undefined>(n).fill(undefined);
    this.views = new Array<HistoryView | undefined>(n).fill(undefined);
    this.columns = new SliceColumns(n);
    this.symbols.forEach((s, i) => {
      if (this.index.has(s)) throw new AftershockError('DUPLICATE_SYMBOL', `symbol ${s} appears twice in the universe`, { field: 'symbol' });
      this.index.set(s, i);
    });
  }

  /** The history view of `sym` (one per symbol and run), its columns attached when its series is there. */
  view(sym: number, clock: MutableClock): HistoryView {
    let v = this.views[sym];
    if (v === undefined) {
      v = new HistoryView(this.symbols[sym]!, sym, this, clock);
      this.views[sym] = v;
      this.attachView(sym);
    }
    return v;
  }

  private attachView(sym: number): void {
    const s = this.series[sym];
    if (s !== undefined) this.views[sym]?.attach(s, this.closeChunk[sym], this.closeOffset[sym]!);
  }

  symbolIndex(symbol: string): number {
    return this.index.get(symbol) ?? -1;
  }

  /** Loads what lists at or before `startOrdinal` (or has no known listing) and positions every cursor there. */
  open(startOrdinal: number): void {
    const src = this.source;
    if (isStreamingSource(src)) {
      for (let i = 0; i < this.symbols.length; i++) this.openStream(src, i, startOrdinal);
      return;
    }
    const later: Array<{ sym: number; ordinal: number }> = [];
    for (let i = 0; i < this.symbols.length; i++) {
      const listing = src.listing?.(this.symbols[i]!);
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
    for (const p of this.pending) {
      first = Math.min(first, p.ordinal);
      // A symbol listing later may end later: ask the source, or load it when the source cannot tell.
      const src = this.source as BarSource;
      const lastDate = src.lastDate?.(this.symbols[p.sym]!);
      if (lastDate !== undefined) last = Math.max(last, this.cal.ordinalOnOrBefore(lastDate));
      else {
        const s = src.load(this.symbols[p.sym]!);
        if (s.length > 0) last = Math.max(last, s.session[s.length - 1]!);
      }
    }
    for (const st of this.streams) if (st?.row !== undefined) first = Math.min(first, st.ordinal);
    return { first, last };
  }

  /** True when the source streams: the last session is known only when every stream is exhausted. */
  get streaming(): boolean {
    return isStreamingSource(this.source);
  }

  /** Streams that still hold bars the clock has not reached. */
  get hasPendingBars(): boolean {
    return this.pendingStreams > 0;
  }

  private openStream(src: StreamingSource, i: number, startOrdinal: number): void {
    const series = new GrowingSeries(this.symbols[i]!);
    const st: Stream = { sym: i, it: src.stream(this.symbols[i]!), series, row: undefined, ordinal: -1 };
    this.streams[i] = st;
    this.series[i] = series;
    this.pull(st);
    if (st.row !== undefined) this.pendingStreams++;
    // Bars before the start are warm-up history, visible from the beginning.
    while (st.row !== undefined && st.ordinal < startOrdinal) this.take(st);
    this.next[i] = series.length;
    this.closed[i] = series.length;
  }

  private pull(st: Stream): void {
    const r = st.it.next();
    if (r.done === true) {
      st.row = undefined;
      return;
    }
    const o = this.cal.ordinal(r.value.date);
    if (o < 0) throw new AftershockError('NOT_A_SESSION', `${st.series.symbol}: bar dated ${r.value.date} is not a ${this.cal.name} session`, { field: 'date' });
    st.row = r.value;
    st.ordinal = o;
  }

  /** Appends the pending row to the growing series and reads the next one. */
  private take(st: Stream): void {
    st.series.append(st.row!, st.ordinal);
    const v = this.views[st.sym];
    if (v !== undefined && v.isStale(st.series)) v.attach(st.series, undefined, 0);
    this.pull(st);
    if (st.row === undefined) this.pendingStreams--;
  }

  private load(i: number, startOrdinal: number): void {
    const loaded = (this.source as BarSource).load(this.symbols[i]!);
    // Closes packed into a shared arena (the field marks, equity and most strategies read every session).
    const packed = packedSeries(loaded);
    const s = packed.series;
    this.series[i] = s;
    this.closeChunk[i] = packed.chunk;
    this.closeOffset[i] = packed.offset;
    this.attachView(i);
    // Bars before the start are warm-up history, visible from the beginning.
    let k = 0;
    while (k < s.length && s.session[k]! < startOrdinal) k++;
    this.next[i] = k;
    this.closed[i] = k;
    // A series without gaps maps session s to bar s − first: slicing then never reads its session column.
    const n = s.length;
    this.lengths[i] = n;
    this.first[i] = n > 0 ? s.session[0]! : 0;
    this.gapless[i] = n > 0 && s.session[n - 1]! - s.session[0]! === n - 1 ? 1 : 0;
    const divs = dividendBars(s);
    let p = 0;
    while (p < divs.length && divs[p]! < k) p++;
    this.divBars[i] = divs;
    this.divAt[i] = p;
    this.nextDiv[i] = p < divs.length ? divs[p]! : n;
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
    this.dividendEntries.length = 0;
    this.level[0] = 0;
    const at = this.columns.reserve();
    const syms = this.columns.symbols;
    const bars = this.columns.bars;
    const count = this.streaming ? this.sliceStreams(s, syms, bars, at) : this.sliceSeries(s, syms, bars, at);
    this.barsSliced += count;
    if (count === 0) {
      this.lastSyms = EMPTY;
      return EMPTY_SLICE;
    }
    this.columns.used(count);
    this.lastSyms = syms.subarray(at, at + count);
    this.lastBars = bars.subarray(at, at + count);
    return { start: 0, end: count, symbols: this.lastSyms, bars: this.lastBars };
  }

  /** Bar index of `sym` in the session sliced last, or −1 when it has no bar there. */
  barToday(sym: number): number {
    return this.today[sym]!;
  }

  private sliceStreams(s: number, syms: Int32Array, bars: Int32Array, at: number): number {
    let count = 0;
    const next = this.next;
    const today = this.today;
    const closed = this.closed;
    const n = this.symbols.length;
    for (let i = 0; i < n; i++) {
      const st = this.streams[i]!;
      today[i] = -1;
      // Rows on sessions the run skipped (before s) are history; the row of s becomes today's bar.
      while (st.row !== undefined && st.ordinal < s) this.take(st);
      if (st.row !== undefined && st.ordinal === s) {
        this.take(st);
        syms[at + count] = i;
        bars[at + count] = st.series.length - 1;
        today[i] = st.series.length - 1;
        if (st.series.dividend[st.series.length - 1] !== 0) this.dividendEntries.push(count);
        count++;
      }
      next[i] = st.series.length;
      closed[i] = today[i]! >= 0 ? st.series.length - 1 : st.series.length;
    }
    return count;
  }

  private sliceSeries(s: number, syms: Int32Array, bars: Int32Array, at: number): number {
    let count = 0;
    const n = this.symbols.length;
    const series = this.series;
    const next = this.next;
    const gapless = this.gapless;
    const first = this.first;
    const lengths = this.lengths;
    const nextDiv = this.nextDiv;
    const today = this.today;
    const closed = this.closed;
    for (let i = 0; i < n; i++) {
      const len = lengths[i]!;
      let k: number;
      let hit: boolean;
      const noGaps = gapless[i] === 1;
      if (noGaps) {
        // A series without gaps maps session s to bar s − first: its session column (and cursor) are never read.
        k = s - first[i]!;
        hit = k >= 0 && k < len;
        if (!hit) k = k < 0 ? 0 : len;
      } else if (len === 0) {
        // Not loaded (or empty): no bars before today, none today.
        today[i] = -1;
        continue;
      } else {
        k = next[i]!;
        const sess = series[i]!.session;
        while (k < len && sess[k]! < s) k++;
        hit = k < len && sess[k] === s;
      }
      closed[i] = k;
      if (hit) {
        syms[at + count] = i;
        bars[at + count] = k;
        today[i] = k;
        if (k >= nextDiv[i]!) {
          if (k === nextDiv[i]) this.dividendEntries.push(count);
          const divs = this.divBars[i]!;
          let p = this.divAt[i]!;
          while (p < divs.length && divs[p]! <= k) p++;
          this.divAt[i] = p;
          nextDiv[i] = p < divs.length ? divs[p]! : len;
        }
        count++;
        k++;
      } else today[i] = -1;
      if (!noGaps) next[i] = k;
    }
    return count;
  }

  /** Makes today's bars visible (at the open): their opens are known, their closes not yet. */
  reveal(): void {
    this.level[0] = 1;
  }

  /** Makes today's bars complete (at the close). */
  complete(): void {
    this.level[0] = 2;
    const syms = this.lastSyms;
    const bars = this.lastBars;
    const closed = this.closed;
    for (let k = 0; k < syms.length; k++) closed[syms[k]!] = bars[k]! + 1;
  }

  /** Bars of `sym` visible now (today's from the open). */
  visibleCount(sym: number): number {
    return this.closed[sym]! + (this.level[0] === 1 && this.today[sym]! >= 0 ? 1 : 0);
  }

  /** Bars of `sym` with a known close now (today's from the close). */
  closedCount(sym: number): number {
    return this.closed[sym]!;
  }
}

/** The bar indices of a series' ex-dividend dates, ascending (one sequential pass over its dividend column). */
function dividendBars(s: BarSeries): Int32Array {
  const d = s.dividend;
  const n = s.length;
  if (scratch.length < n) scratch = new Int32Array(n);
  let count = 0;
  for (let k = 0; k < n; k++) if (d[k] !== 0) scratch[count++] = k;
  return scratch.slice(0, count);
}

let scratch = new Int32Array(0);
