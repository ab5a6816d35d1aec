/** Entries per chunk: a chunk holds the slices of many sessions (at least one full session of every symbol). */
const CHUNK = 1 << 16;

/**
 * The two columns of the run's slices (universe index, bar index), written session after session into shared
 * chunks. A slice is a view of its own stretch of a chunk, so slices stay valid after their session (a stream
 * consumer may keep every message) while a session costs no buffer allocation.
 */
export class SliceColumns {
  symbols: Int32Array;
  bars: Int32Array;
  private at = 0;

  constructor(
    private readonly width: number,
    chunk = CHUNK,
  ) {
    this.symbols = new Int32Array(Math.max(chunk, width));
    this.bars = new Int32Array(this.symbols.length);
  }

  /** Offset where the next slice is written: room for `width` entries (a fresh chunk when this one is full). */
  reserve(): number {
    if (this.at + this.width > this.symbols.length) {
      this.symbols = new Int32Array(this.symbols.length);
      this.bars = new Int32Array(this.symbols.length);
      this.at = 0;
    }
    return this.at;
  }

  /** The slice at the reserved offset took `count` entries. */
  used(count: number): void {
    this.at += count;
  }
}
