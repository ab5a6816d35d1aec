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
    let plain = len <= 256;
    if (plain) {
      for (let j = 0; j < len; j++) {
        const c = s.charCodeAt(j);
        if (c === 44 || c === 34 || c === 10 || c === 13 || c >= 128) {
          plain = false;
          break;
        }
      }
    }
    if (plain) {
      this.cell(len);
      for (let j = 0; j < len; j++) this.buf[this.pos++] = s.charCodeAt(j);
      return this;
    }
    const quoted = /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    this.cell(0);
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
    this.buf.set(b, this.pos);
    this.pos += b.length;
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
  if (s === null) return ENCODER.encode('NA');
  return ENCODER.encode(/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
}

const ENCODER = new TextEncoder();

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
