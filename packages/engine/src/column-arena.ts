/** Smallest chunk: a run over a few short series allocates little. */
const FIRST_CHUNK = 1 << 14;
/** Largest chunk (8 MB of doubles). */
const MAX_CHUNK = 1 << 20;

/**
 * Copies of one price field of the run's series, laid end to end in a few large shared buffers. Reading the
 * bars session by session touches one element of every symbol's column at a time; columns packed side by side
 * are read several times faster than the loader's own (each symbol's columns interleaved with its other fields).
 * Chunks grow geometrically, so a run over a few short series allocates little.
 */
export class ColumnArena {
  private buf = new Float64Array(0);
  private at = 0;
  private nextSize = FIRST_CHUNK;
  /** The chunk and offset of the last copy: a reader can index the chunk (one typed array shared by many series). */
  lastChunk: Float64Array = this.buf;
  lastOffset = 0;

  /** A packed copy of `a` (same values). */
  copy(a: Float64Array): Float64Array {
    const n = a.length;
    if (this.at + n > this.buf.length) {
      this.buf = new Float64Array(Math.max(n, this.nextSize));
      this.nextSize = Math.min(MAX_CHUNK, this.nextSize * 2);
      this.at = 0;
    }
    const out = this.buf.subarray(this.at, this.at + n);
    out.set(a);
    this.lastChunk = this.buf;
    this.lastOffset = this.at;
    this.at += n;
    return out;
  }
}
