import { writeNum17 } from './number-format';
import { encodeCell, numBytes, type CsvWriter } from './csv-writer';
import type { StudyResult } from './study-types';
import type { TableFile } from './tables';

/**
 * A text of ar.csv that repeats (a key, a date, a label, a market return), with the comma after it, as little-endian
 * 32-bit words: copied four bytes a store (`putWords`), not byte by byte.
 */
interface Cell {
  readonly len: number;
  readonly words: Int32Array;
}

/** A session's date as it appears in ar.csv, with the market return last written beside it (the same on most rows). */
interface DateCell {
  readonly cell: Cell;
  mkt: number;
  mktCell: Cell;
}

/** The most a number takes in writeNum17's text (sign, 17 digits, point, exponent), with room to spare. */
const NUM_MAX = 32;

/** `bytes` and a comma as a Cell (the words put together by shifts: a small array's `.buffer` costs an allocation). */
function cellOf(bytes: Uint8Array): Cell {
  const len = bytes.length + 1;
  const words = new Int32Array((len + 3) >> 2);
  for (let j = 0; j < len; j++) words[j >> 2]! |= (j < bytes.length ? bytes[j]! : 44) << (8 * (j & 3));
  return { len, words };
}

/**
 * Writes `c` at `p` through `v` (a view of the writer's buffer) and returns the position after it. The last word
 * may store up to 3 bytes past that position: the row's next cells overwrite them (the room reserved covers them).
 */
function putWords(v: DataView, p: number, c: Cell): number {
  const w = c.words;
  for (let j = 0; j < w.length; j++) v.setInt32(p + 4 * j, w[j]!, true);
  return p + c.len;
}

/**
 * ar.csv: `symbol, event_date, rel_day, date, window, ret, mkt, predicted, ar`, rows `first..` of every event
 * (`first` = 0 for every row, else the event window's first). Each row goes straight into the writer's buffer:
 * bytes made once wherever a text repeats — each event's key, each relative day and window label, each session's
 * date and, as long as it is the same number, that session's market return (every event on that date shares it) —
 * and `writeNum17` for the other numbers, so the file equals the table written cell by cell (test/ar-table.test.ts).
 */
export function arTableFile(res: StudyResult, first: number): TableFile {
  return {
    name: 'ar.csv',
    write(w: CsvWriter) {
      w.row(['symbol', 'event_date', 'rel_day', 'date', 'window', 'ret', 'mkt', 'predicted', 'ar']);
      const rows = res.relDays.length;
      const noMarket = res.model === 'constant-mean';
      const window = res.rowWindow.map((x) => cellOf(encodeCell(x)));
      const rel = Array.from(res.relDays, (d) => cellOf(numBytes(d)));
      const na = cellOf(numBytes(NaN));
      const dates = new Map<string, DateCell>();
      const b = w.buffer;
      const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
      // Each event's predicted rows, computed into one array (none allocated per event).
      const scratch = new Float64Array(Math.max(0, rows - first));
      let widest = 0;
      for (const c of [...window, ...rel]) widest = Math.max(widest, c.words.length * 4);
      for (const e of res.events) {
        // Read once per event (the closures and views are the same on every row).
        const { ret, mkt, ar, dateAt } = e;
        const predicted = e.predictedFrom(first, scratch);
        const sym = encodeCell(e.symbol);
        const ed = encodeCell(e.eventDate);
        const keyBytes = new Uint8Array(sym.length + 1 + ed.length);
        keyBytes.set(sym);
        keyBytes[sym.length] = 44;
        keyBytes.set(ed, sym.length + 1);
        const key = cellOf(keyBytes);
        for (let r = first; r < rows; r++) {
          const d = dateAt(r);
          let dc = dates.get(d);
          if (dc === undefined) dates.set(d, (dc = { cell: cellOf(encodeCell(d)), mkt: NaN, mktCell: na }));
          // A row's most: its texts (whole words), four numbers, the separators and the newline.
          const room = 4 * key.words.length + 2 * widest + 4 * dc.cell.words.length + 4 * NUM_MAX + 16;
          if (room > 4096) {
            // A key or date too long for the buffer's spare room (no real symbol): the cell-by-cell path.
            w.cellBytes(keyBytes).cellBytes(numBytes(res.relDays[r]!)).cellBytes(encodeCell(d)).cellBytes(encodeCell(res.rowWindow[r]!));
            w.num(ret[r]!).num(noMarket ? NaN : mkt[r]!).num(predicted[r - first]!).num(ar[r]!).end();
            continue;
          }
          let p = w.reserve(room);
          p = putWords(v, p, key);
          p = putWords(v, p, rel[r]!);
          p = putWords(v, p, dc.cell);
          p = putWords(v, p, window[r]!);
          p = writeNum17(b, p, ret[r]!);
          b[p++] = 44;
          if (noMarket) p = putWords(v, p, na);
          else {
            const m = mkt[r]!;
            if (m === dc.mkt) p = putWords(v, p, dc.mktCell);
            else {
              // A new value for this date (NaN never equals: written as NA each time, never kept).
              const at = p;
              p = writeNum17(b, p, m);
              b[p++] = 44;
              if (m === m) {
                dc.mkt = m;
                dc.mktCell = cellOf(b.subarray(at, p - 1));
              }
            }
          }
          p = writeNum17(b, p, predicted[r - first]!);
          b[p++] = 44;
          p = writeNum17(b, p, ar[r]!);
          b[p++] = 10;
          w.commit(p);
        }
      }
    },
  };
}
