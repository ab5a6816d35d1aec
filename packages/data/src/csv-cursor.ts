import { AftershockError, type Problems } from '@aftershock/core';

/** Where the cursor reports malformed quoting: a `Problems` or anything with the same `error` method. */
export type CsvProblemSink = Pick<Problems, 'error'>;
import { parseNumberAt } from './number-parse';

const COMMA_CODE = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Field flags: quoted, contains a doubled quote (`""`), malformed quoting. */
const F_QUOTED = 1;
const F_ESCAPED = 2;
const F_BAD = 4;

/**
 * A pull cursor over RFC 4180 CSV text: quoted fields, `""` escapes, CRLF/LF/CR line endings and a UTF-8 BOM.
 * It records field boundaries as offsets, so reading a number or a date allocates nothing; `field(i)` materialises a
 * string only when asked. Blank lines are skipped. `line` is the 1-based line on which the current record starts.
 *
 * Malformed quoting is reported to `problems` (CSV_UNTERMINATED_QUOTE, CSV_BAD_QUOTE) and read leniently.
 *
 * @example
 * const c = new CsvCursor('a,b\n1,"x,y"\n');
 * while (c.next()) console.log(c.line, c.field(0), c.field(1)); // 1 a b, then 2 1 x,y
 */
export class CsvCursor {
  readonly text: string;
  /** 1-based line where the current record starts. */
  line = 0;
  /** Number of fields in the current record. */
  count = 0;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private flags = new Uint8Array(16);
  private pos: number;
  private nextLine = 1;
  private readonly file: string | undefined;
  private readonly problems: CsvProblemSink | undefined;
  /** Char code of the field delimiter (a comma unless `delimiter` says otherwise). */
  readonly delimiter: number;

  constructor(text: string, opts: { readonly file?: string; readonly problems?: CsvProblemSink; readonly delimiter?: string } = {}) {
    this.text = text;
    this.delimiter = opts.delimiter !== undefined ? delimiterCode(opts.delimiter) : COMMA_CODE;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.file = opts.file;
    this.problems = opts.problems;
  }

  /** Advances to the next non-blank record; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    const delim = this.delimiter;
    for (;;) {
      if (this.pos >= n) return false;
      this.line = this.nextLine;
      this.count = 0;
      let pos = this.pos;
      for (;;) {
        // One field starts at pos.
        const k = this.count;
        if (k === this.starts.length) this.grow();
        this.count = k + 1;
        let c = pos < n ? text.charCodeAt(pos) : -1;
        if (c === QUOTE) {
          let flag = F_QUOTED;
          const s = pos + 1;
          let p = s;
          let closed = -1;
          while (p < n) {
            c = text.charCodeAt(p);
            if (c === QUOTE) {
              if (p + 1 < n && text.charCodeAt(p + 1) === QUOTE) {
                flag |= F_ESCAPED;
                p += 2;
                continue;
              }
              closed = p;
              p++;
              break;
            }
            if (c === LF) this.nextLine++;
            else if (c === CR) {
              if (p + 1 >= n || text.charCodeAt(p + 1) !== LF) this.nextLine++;
            }
            p++;
          }
          if (closed < 0) {
            this.problems?.error('CSV_UNTERMINATED_QUOTE', 'a quoted field is not closed before the end of the file', this.where());
            this.setField(k, s, n, flag);
            pos = n;
            c = -1;
          } else {
            // After the closing quote only a delimiter or a line end may follow.
            let q = p;
            while (q < n) {
              c = text.charCodeAt(q);
              if (c === delim || c === LF || c === CR) break;
              q++;
            }
            if (q > p) {
              this.problems?.error('CSV_BAD_QUOTE', 'characters after the closing quote of a field', this.where());
              this.setField(k, pos, q, F_BAD);
            } else this.setField(k, s, closed, flag);
            pos = q;
            c = q < n ? text.charCodeAt(q) : -1;
          }
        } else {
          const s = pos;
          // charCodeAt past the end is NaN, which ends the scan like a line end (c !== c).
          while (c !== delim && c !== LF && c !== CR && c === c && c !== -1) c = text.charCodeAt(++pos);
          if (c !== c) c = -1;
          this.setField(k, s, pos, 0);
        }
        // pos is at a delimiter, a line end or the end of the text.
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) pos += pos + 1 < n && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        else if (c === LF) pos++;
        if (c !== -1) this.nextLine++;
        break;
      }
      this.pos = pos;
      if (this.count === 1 && this.flags[0] === 0 && this.starts[0] === this.ends[0]) continue; // blank line
      return true;
    }
  }

  /** Offset in `text` where the next record will be read. */
  get offset(): number {
    return this.pos;
  }

  /** The line on which the next record starts. */
  get nextLineNumber(): number {
    return this.nextLine;
  }

  /** Moves the cursor to a record boundary found by other means (`offset` at the start of `line`). */
  seek(offset: number, line: number): void {
    this.pos = offset;
    this.nextLine = line;
  }

  /** The field as a string (quotes removed, `""` unescaped); '' when the record has fewer fields. */
  field(i: number): string {
    if (i >= this.count) return '';
    const s = this.text.slice(this.starts[i]!, this.ends[i]!);
    return (this.flags[i]! & F_ESCAPED) !== 0 ? s.replaceAll('""', '"') : s;
  }

  /** The field parsed as a number from char codes (NaN when empty, missing or not a number). */
  number(i: number): number {
    if (i >= this.count) return NaN;
    return parseNumberAt(this.text, this.starts[i]!, this.ends[i]!);
  }

  /** True when the field is missing or empty (quoted or not). */
  isEmpty(i: number): boolean {
    return i >= this.count || this.starts[i] === this.ends[i];
  }

  /** Start offset of field i in `text` (its content, inside any quotes). */
  start(i: number): number {
    return this.starts[i]!;
  }

  /** End offset (exclusive) of field i in `text`. */
  end(i: number): number {
    return this.ends[i]!;
  }

  /** Every field of the current record as strings. */
  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.field(i);
    return out;
  }

  private setField(k: number, s: number, e: number, flag: number): void {
    this.starts[k] = s;
    this.ends[k] = e;
    this.flags[k] = flag;
  }

  private grow(): void {
    const m = this.starts.length * 2;
    const s = new Int32Array(m);
    s.set(this.starts);
    const e = new Int32Array(m);
    e.set(this.ends);
    const f = new Uint8Array(m);
    f.set(this.flags);
    this.starts = s;
    this.ends = e;
    this.flags = f;
  }

  private where(): { line: number; file?: string } {
    return this.file !== undefined ? { file: this.file, line: this.line } : { line: this.line };
  }
}

/** The char code of a one-character delimiter (`\t` may be written as "tab"). Throws BAD_OPTION otherwise. */
export function delimiterCode(d: string): number {
  const ch = d === 'tab' || d === '\\t' ? '\t' : d;
  if (ch.length !== 1 || ch === '"' || ch === '\n' || ch === '\r') {
    throw new AftershockError('BAD_OPTION', `a delimiter is one character other than a quote or a line end (or "tab"), got ${JSON.stringify(d)}`, { field: 'delimiter' });
  }
  return ch.charCodeAt(0);
}
