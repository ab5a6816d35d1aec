import { daysFromCivil, monthDays, parseIsoDayAt, yearMonthAt } from './session-index';

/** What the fast row scanner does with each column. */
export const COL_SKIP = 0;
export const COL_DATE = 1;
export const COL_NUMBER = 2;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Scans one plain CSV row starting at `pos` in a single pass, the hot path of price files: dates must be exactly
 * `YYYY-MM-DD`, numbers plain unsigned decimals of up to 15 significant digits (`41.94`, `148158800`), no quotes,
 * and the row must end in LF, CRLF or the end of the text. Writes each date column's day number and each number
 * column's value into `out` (by column index) and returns where the next row starts, or -1 when the row is anything
 * else. Then the caller reads the row with the general `CsvCursor`, which reports what is wrong with it. A value
 * read here is exactly `Number(text)` (Clinger's fast path: an exact integer divided by an exact power of ten).
 */
export function scanPlainRow(t: string, pos: number, roles: Uint8Array, out: Float64Array): number {
  const last = roles.length - 1;
  for (let j = 0; j <= last; j++) {
    const role = roles[j]!;
    let c: number;
    if (role === COL_NUMBER) {
      let m = 0;
      let digits = 0;
      let scale = 0;
      let any = false;
      c = t.charCodeAt(pos) - 48;
      while (c >= 0 && c <= 9) {
        m = m * 10 + c;
        if (m !== 0) digits++;
        any = true;
        c = t.charCodeAt(++pos) - 48;
      }
      if (c === -2) {
        c = t.charCodeAt(++pos) - 48;
        while (c >= 0 && c <= 9) {
          m = m * 10 + c;
          if (m !== 0) digits++;
          scale++;
          any = true;
          c = t.charCodeAt(++pos) - 48;
        }
      }
      if (!any || digits > 15 || scale > 22) return -1;
      out[j] = scale === 0 ? m : m / POW10[scale]!;
      c += 48;
    } else if (role === COL_DATE) {
      const d = parseIsoDayAt(t, pos, pos + 10);
      if (d !== d) return -1;
      out[j] = d;
      pos += 10;
      c = t.charCodeAt(pos);
    } else {
      c = t.charCodeAt(pos);
      while (c !== 44 && c !== 10 && c !== 13 && c === c) {
        if (c === 34) return -1;
        c = t.charCodeAt(++pos);
      }
    }
    if (j < last) {
      if (c !== 44) return -1;
      pos++;
    } else if (c === 10) return pos + 1;
    else if (c === 13) return t.charCodeAt(pos + 1) === 10 ? pos + 2 : -1;
    else if (c !== c) return pos;
    else return -1;
  }
  return -1;
}

/**
 * `scanPlainRow` over the bytes of a file: the same rows accepted, the same values, the same next-row position (in
 * bytes). `b[n]` must be a 0 sentinel (`b.length > n`), so every scan stops at the end without a bounds check; a
 * 0 byte inside the text declines the row. Bytes ≥ 128 (UTF-8) may appear only in skipped columns, as in the text.
 */
export function scanPlainRowBytes(b: Uint8Array, pos: number, n: number, roles: Uint8Array, out: Float64Array): number {
  const last = roles.length - 1;
  for (let j = 0; j <= last; j++) {
    const role = roles[j]!;
    let c: number;
    if (role === COL_NUMBER) {
      let m = 0;
      let digits = 0;
      let scale = 0;
      let any = false;
      c = b[pos]! - 48;
      while (c >= 0 && c <= 9) {
        m = m * 10 + c;
        if (m !== 0) digits++;
        any = true;
        c = b[++pos]! - 48;
      }
      if (c === -2) {
        c = b[++pos]! - 48;
        while (c >= 0 && c <= 9) {
          m = m * 10 + c;
          if (m !== 0) digits++;
          scale++;
          any = true;
          c = b[++pos]! - 48;
        }
      }
      if (!any || digits > 15 || scale > 22) return -1;
      out[j] = scale === 0 ? m : m / POW10[scale]!;
      c += 48;
    } else if (role === COL_DATE) {
      if (pos + 10 > n) return -1;
      const d = isoDayOfBytes(b, pos);
      if (d !== d) return -1;
      out[j] = d;
      pos += 10;
      c = b[pos]!;
    } else {
      c = b[pos]!;
      while (c !== 44 && c !== 10 && c !== 13 && c !== 0) {
        if (c === 34) return -1;
        c = b[++pos]!;
      }
    }
    if (j < last) {
      if (c !== 44) return -1;
      pos++;
    } else if (c === 10) return pos + 1;
    else if (c === 13) return b[pos + 1] === 10 && pos + 1 < n ? pos + 2 : -1;
    else if (c === 0 && pos === n) return pos;
    else return -1;
  }
  return -1;
}

/** Day number of the `YYYY-MM-DD` in `b[at, at + 10)`, NaN unless it is exactly that and a real date (as `parseIsoDayAt`). */
function isoDayOfBytes(b: Uint8Array, at: number): number {
  const ym = yearMonthAt(b, at);
  const d0 = b[at + 8]! - 48;
  const d1 = b[at + 9]! - 48;
  if (ym < 0 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return NaN;
  const y = (ym / 100) | 0;
  const m = ym - y * 100;
  const d = d0 * 10 + d1;
  if (d < 1) return NaN;
  if (d > 28 && d > monthDays(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}
