import { writeNum17 } from './number-format';
import { encodeCell, numBytes, type CsvWriter } from './csv-writer';
import type { StudyResult } from './study-types';
import type { TableFile } from './tables';

/** A session's date as it appears in ar.csv, with the market return last written beside it (the same on most rows). */
interface DateCell {
  readonly bytes: Uint8Array;
  mkt: number;
  mktBytes: Uint8Array;
}

/** The most a number takes in writeNum17's text (sign, 17 digits, point, exponent), with room to spare. */
const NUM_MAX = 32;

/** Copies `src` to `buf` at `p` and returns the position after it (a loop: the arrays are a few bytes long). */
function put(buf: Uint8Array, p: number, src: Uint8Array): number {
  for (let j = 0; j < src.length; j++) buf[p++] = src[j]!;
  return p;
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
      const window = res.rowWindow.map(encodeCell);
      const rel = Array.from(res.relDays, (d) => numBytes(d));
      const na = numBytes(NaN);
      const dates = new Map<string, DateCell>();
      let widest = 0;
      for (const b of [...window, ...rel]) widest = Math.max(widest, b.length);
      for (const e of res.events) {
        // Read once per event (the closures and views are the same on every row).
        const { ret, mkt, ar, dateAt } = e;
        const predicted = e.predictedFrom(first);
        const sym = encodeCell(e.symbol);
        const ed = encodeCell(e.eventDate);
        const key = new Uint8Array(sym.length + 1 + ed.length);
        key.set(sym);
        key[sym.length] = 44;
        key.set(ed, sym.length + 1);
        for (let r = first; r < rows; r++) {
          const d = dateAt(r);
          let dc = dates.get(d);
          if (dc === undefined) dates.set(d, (dc = { bytes: encodeCell(d), mkt: NaN, mktBytes: na }));
          // A row's most: its texts, four numbers, nine separators and the newline.
          const room = key.length + 2 * widest + dc.bytes.length + 4 * NUM_MAX + 16;
          if (room > 4096) {
            // A key or date too long for the buffer's spare room (no real symbol): the cell-by-cell path.
            w.cellBytes(key).cellBytes(rel[r]!).cellBytes(dc.bytes).cellBytes(window[r]!);
            w.num(ret[r]!).num(noMarket ? NaN : mkt[r]!).num(predicted[r - first]!).num(ar[r]!).end();
            continue;
          }
          let p = w.reserve(room);
          const b = w.buffer;
          p = put(b, p, key);
          b[p++] = 44;
          p = put(b, p, rel[r]!);
          b[p++] = 44;
          p = put(b, p, dc.bytes);
          b[p++] = 44;
          p = put(b, p, window[r]!);
          b[p++] = 44;
          p = writeNum17(b, p, ret[r]!);
          b[p++] = 44;
          if (noMarket) p = put(b, p, na);
          else {
            const m = mkt[r]!;
            if (m === dc.mkt) p = put(b, p, dc.mktBytes);
            else {
              // A new value for this date (NaN never equals: written as NA each time, never kept).
              const at = p;
              p = writeNum17(b, p, m);
              if (m === m) {
                dc.mkt = m;
                dc.mktBytes = b.slice(at, p);
              }
            }
          }
          b[p++] = 44;
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
