import { writeNum17 } from './number-format';

/** Receives each filled chunk of bytes (the view is reused afterwards: write or copy it before returning). */
export type ByteSink = (bytes: Uint8Array) => void;

/**
 * A CSV writer over a fixed 64 KB buffer handed to a sink as it fills, so a table of any size is written in bounded
 * memory and no whole-file string exists. Numbers are written by `writeNum17` (R's 17 significant digits, NA for
 * missing); text is quoted when it holds a comma, a quote or a line break.
 */
export class CsvWriter {
  private readonly buf = new Uint8Array(1 << 16);
  private pos = 0;
  private first = true;
  private static readonly encoder = new TextEncoder();

  constructor(private readonly sink: ByteSink) {}

  /** Starts the next cell (a comma unless it is the first of its row). */
  private cell(room: number): void {
    if (this.pos + room + 1 > this.buf.length) this.flush();
    if (!this.first) this.buf[this.pos++] = 44;
    this.first = false;
  }

  num(x: number): this {
    this.cell(32);
    this.pos = writeNum17(this.buf, this.pos, x);
    return this;
  }

  /** Text, or NA for null. */
  text(s: string | null): this {
    if (s === null) return this.raw('NA');
    const len = s.length;
    if (len <= 256) {
      // Copied while checked, in one pass; a text that is not plain ASCII without a separator is written again
      // over the copy, encoded (and quoted when it must be).
      this.cell(len);
      const buf = this.buf;
      let p = this.pos;
      for (let j = 0; j < len; j++) {
        const c = s.charCodeAt(j);
        if (c === 44 || c === 34 || c === 10 || c === 13 || c >= 128) {
          p = -1;
          break;
        }
        buf[p++] = c;
      }
      if (p >= 0) {
        this.pos = p;
        return this;
      }
    } else this.cell(0);
    const quoted = /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    this.bytes(CsvWriter.encoder.encode(quoted));
    return this;
  }

  /**
   * A cell from bytes made by `encodeCell` (or several cells joined by commas): a text repeated on many rows is
   * encoded once, not checked and copied character by character on every row.
   */
  cellBytes(b: Uint8Array): this {
    if (b.length > 4096) {
      this.cell(0);
      this.bytes(b);
      return this;
    }
    this.cell(b.length);
    const buf = this.buf;
    let p = this.pos;
    // A loop, not buf.set: for the few bytes of a date or a key the builtin's call costs more than the copy.
    for (let j = 0; j < b.length; j++) buf[p++] = b[j]!;
    this.pos = p;
    return this;
  }

  /** A cell of any kind: number, text, or NA for null. */
  value(v: string | number | null): this {
    return typeof v === 'number' ? this.num(v) : this.text(v);
  }

  /** A header or any row of plain cells. */
  row(cells: readonly (string | number | null)[]): this {
    for (const c of cells) this.value(c);
    return this.end();
  }

  /** Ends the row. */
  end(): this {
    if (this.pos + 1 > this.buf.length) this.flush();
    this.buf[this.pos++] = 10;
    this.first = true;
    return this;
  }

  /** Text written as is (no cell separator, no quoting): e.g. a Markdown document. */
  write(s: string): this {
    this.bytes(CsvWriter.encoder.encode(s));
    return this;
  }

  /**
   * For a table that writes whole rows itself (ar.csv: millions of rows): makes room for `n` bytes (n ≤ 64 KB) and
   * returns the position in `buffer` to write them at; `commit` takes the position after the row's newline.
   */
  reserve(n: number): number {
    if (this.pos + n > this.buf.length) this.flush();
    return this.pos;
  }

  /** The buffer `reserve` returned a position in. */
  get buffer(): Uint8Array {
    return this.buf;
  }

  /** Ends rows written straight into `buffer`: `pos` is just after the last one's newline. */
  commit(pos: number): void {
    this.pos = pos;
    this.first = true;
  }

  /** Hands what is buffered to the sink. */
  flush(): void {
    if (this.pos > 0) this.sink(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }

  private raw(s: string): this {
    this.cell(s.length);
    for (let j = 0; j < s.length; j++) this.buf[this.pos++] = s.charCodeAt(j);
    return this;
  }

  private bytes(b: Uint8Array): void {
    if (this.pos + b.length > this.buf.length) this.flush();
    if (b.length > this.buf.length) this.sink(b);
    else {
      this.buf.set(b, this.pos);
      this.pos += b.length;
    }
  }
}

/** The bytes `CsvWriter.text(s)` writes for `s` (quoted when it holds a comma, a quote or a line break; UTF-8). */
export function encodeCell(s: string | null): Uint8Array {
  if (s === null) s = 'NA';
  // Plain ASCII (symbols, dates, labels): copied char by char, not through TextEncoder's native call.
  const out = new Uint8Array(s.length);
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 44 || c === 34 || c === 10 || c === 13 || c >= 128) return ENCODER.encode(/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    out[j] = c;
  }
  return out;
}

const ENCODER = new TextEncoder();

/** The bytes `CsvWriter.num(x)` writes for `x`. */
export function numBytes(x: number): Uint8Array {
  return NUM_SCRATCH.slice(0, writeNum17(NUM_SCRATCH, 0, x));
}

const NUM_SCRATCH = new Uint8Array(64);

/** Everything a writer produced, as one string (for small tables and tests). */
export function collect(write: (w: CsvWriter) => void): string {
  const parts: string[] = [];
  const dec = new TextDecoder();
  const w = new CsvWriter((b) => parts.push(dec.decode(b, { stream: true })));
  write(w);
  w.flush();
  parts.push(dec.decode());
  return parts.join('');
}
