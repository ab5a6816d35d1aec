import type { BarBuilder } from './bar-builder';
import { daysFromCivil, monthDays, yearMonthAt, type SessionIndex } from './session-index';

/** What the fused bar loop does with each column of a per-symbol price file. */
export const BAR_SKIP = 0;
export const BAR_DATE = 1;
export const BAR_OPEN = 2;
export const BAR_HIGH = 3;
export const BAR_LOW = 4;
export const BAR_CLOSE = 5;
export const BAR_VOLUME = 6;
export const BAR_ADJ = 7;

/** 10^0 … 10^22, each exact in a double. */
const POW10_F64 = new Float64Array([1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]);
/** The values of the row being read, by role (scanPlainBars is synchronous, so one array serves every call). */
const VALS = new Float64Array(8);

/** The column roles of a per-symbol file (each field's column index, -1 when absent). */
export function barRoles(ncols: number, cols: { readonly date: number; readonly open: number; readonly high: number; readonly low: number; readonly close: number; readonly volume: number; readonly adjClose: number }): Uint8Array {
  const roles = new Uint8Array(ncols).fill(BAR_SKIP);
  const set = (i: number, role: number): void => {
    if (i >= 0) roles[i] = role;
  };
  set(cols.open, BAR_OPEN);
  set(cols.high, BAR_HIGH);
  set(cols.low, BAR_LOW);
  set(cols.close, BAR_CLOSE);
  set(cols.volume, BAR_VOLUME);
  set(cols.adjClose, BAR_ADJ);
  set(cols.date, BAR_DATE);
  return roles;
}

/**
 * The hot loop of price files: appends to `bb` the bars of consecutive rows from byte `pos`, in one pass over the
 * bytes, each value written straight into the builder's columns, and returns where the first row it leaves starts
 * (`n` when it read them all). It takes only rows the row-at-a-time path (scanPlainRowBytes, then the checks of
 * parsePrices) accepts without a word: the plain form of scanPlainRowBytes (ISO date, unsigned decimals of up to 15
 * significant digits, no quotes, LF or CRLF), on a session after the last bar, every price positive, high ≥ low,
 * no gap warning (fewer than `gapWarn` missing sessions), open and close inside [low, high]. It also stops when the
 * builder is full. Any other row is left to that path, which warns about it, or rejects it with the problem's code,
 * line and field — so a file reads to exactly the same bars and problems either way. Values are exactly
 * `Number(text)` (an exact integer divided by an exact power of ten). `b[n]` must be a 0 sentinel.
 */
export function scanPlainBars(b: Uint8Array, pos: number, n: number, roles: Uint8Array, idx: SessionIndex, gapWarn: number, bb: BarBuilder): number {
  const last = roles.length - 1;
  const table = idx.ordinals;
  const firstDay = idx.firstDay;
  const span = table.length;
  const cap = bb.session.length;
  let hasOpen = false;
  let hasHigh = false;
  let hasLow = false;
  let hasVol = false;
  for (let j = 0; j <= last; j++) {
    const r = roles[j];
    if (r === BAR_OPEN) hasOpen = true;
    else if (r === BAR_HIGH) hasHigh = true;
    else if (r === BAR_LOW) hasLow = true;
    else if (r === BAR_VOLUME) hasVol = true;
  }
  // The month of the last date read: its day number before day 1 and its length (most rows share the month).
  let ymKey = -1;
  let ymBase = 0;
  let ymLen = 0;
  const vals = VALS;
  vals[BAR_VOLUME] = NaN;
  rows: while (pos < n && bb.length < cap) {
    let p = pos;
    let ord = -1;
    for (let j = 0; j <= last; j++) {
      const role = roles[j]!;
      let c: number;
      if (role >= BAR_OPEN) {
        p = scanDecimal(b, p, vals, role);
        if (p < 0) break rows;
        c = b[p]!;
      } else if (role === BAR_DATE) {
        if (p + 10 > n) break rows;
        const key = yearMonthAt(b, p);
        const d0 = b[p + 8]! - 48;
        const d1 = b[p + 9]! - 48;
        if (key < 0 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) break rows;
        if (key !== ymKey) {
          const y = (key / 100) | 0;
          const m = key - y * 100;
          ymKey = key;
          ymLen = monthDays(y, m);
          ymBase = daysFromCivil(y, m, 1) - 1;
        }
        const d = d0 * 10 + d1;
        if (d < 1 || d > ymLen) break rows;
        const at = ymBase + d - firstDay;
        if (at < 0 || at >= span) break rows;
        ord = table[at]!;
        p += 10;
        c = b[p]!;
      } else {
        c = b[p]!;
        while (c !== 44 && c !== 10 && c !== 13 && c !== 0) {
          if (c === 34) break rows;
          c = b[++p]!;
        }
      }
      if (j < last) {
        if (c !== 44) break rows;
        p++;
      } else if (c === 10) p++;
      else if (c === 13) {
        if (b[p + 1] !== 10 || p + 1 >= n) break rows;
        p += 2;
      } else if (c !== 0 || p !== n) break rows;
    }
    const cl = vals[BAR_CLOSE]!;
    const op = hasOpen ? vals[BAR_OPEN]! : cl;
    const hi = hasHigh ? vals[BAR_HIGH]! : cl;
    const lo = hasLow ? vals[BAR_LOW]! : cl;
    const adj = vals[BAR_ADJ]!;
    if (!takePlainRow(bb, ord, op, hi, lo, cl, adj, hasVol ? vals[BAR_VOLUME]! : NaN, gapWarn)) break;
    pos = p;
  }
  return pos;
}

/**
 * Reads the plain decimal at `b[p]` (digits, an optional point and digits) into `vals[slot]` and returns where it
 * ends, or −1 when it is not one the fast path takes: no digit, more than 22 decimals or 15 significant digits.
 * The value is exactly `Number(text)`: an exact integer divided by an exact power of ten.
 */
export function scanDecimal(b: Uint8Array, p: number, vals: Float64Array, slot: number): number {
  // Digits summed as int32 (an integer multiply-add per digit instead of a floating-point one): exact for up to 9
  // digits. A longer number is summed again as a double (mantissaOf).
  const s = p;
  let mi = 0;
  let c = b[p]! - 48;
  while ((c >>> 0) < 10) {
    mi = (mi * 10 + c) | 0;
    c = b[++p]! - 48;
  }
  const intEnd = p;
  let scale = 0;
  if (c === -2) {
    const f = ++p;
    c = b[p]! - 48;
    while ((c >>> 0) < 10) {
      mi = (mi * 10 + c) | 0;
      c = b[++p]! - 48;
    }
    scale = p - f;
  }
  const nd = intEnd - s + scale;
  if (nd === 0 || scale > 22) return -1;
  let m = mi;
  if (nd > 9) {
    m = mantissaOf(b, s, intEnd, scale);
    if (m >= 1e15) return -1;
  }
  // Into a typed array: a double stays unboxed there (a local assigned in the caller's loop would not). One
  // division, also for scale 0 (POW10_F64[0] = 1, so m / 1 is m exactly): `scale === 0 ? m : m / …` joined the
  // tagged m with a double, and V8 then boxed every decimal value it read (38 MB of heap numbers a universe).
  vals[slot] = m / POW10_F64[scale]!;
  return p;
}

/**
 * Appends a scanned row to `bb` when the fast path may take it: on a session after the last bar, every price
 * positive, high ≥ low, and nothing the row-at-a-time path would warn about (a gap of `gapWarn` sessions or more,
 * open or close outside [low, high]). Returns false, appending nothing, otherwise.
 */
export function takePlainRow(bb: BarBuilder, ord: number, op: number, hi: number, lo: number, cl: number, adj: number, vol: number, gapWarn: number): boolean {
  const prev = bb.lastOrdinal;
  const adjClose = bb.adjClose;
  if (!(ord > prev && op > 0 && hi > 0 && lo > 0 && cl > 0 && hi >= lo && (adjClose === undefined || adj > 0))) return false;
  if ((prev >= 0 && ord - prev - 1 >= gapWarn) || op < lo || op > hi || cl < lo || cl > hi) return false;
  bb.append(ord, op, hi, lo, cl, vol, adj);
  return true;
}

/**
 * The digits of `b[s, intEnd)` and the `scale` digits after the point, as one integer summed in doubles: exact while
 * under 2^53, and at least 1e15 whenever there are more than 15 significant digits (rounding is monotone), which is
 * how the caller refuses them.
 */
function mantissaOf(b: Uint8Array, s: number, intEnd: number, scale: number): number {
  let m = 0;
  for (let i = s; i < intEnd; i++) m = m * 10 + (b[i]! - 48);
  const f = intEnd + 1;
  for (let i = f; i < f + scale; i++) m = m * 10 + (b[i]! - 48);
  return m;
}
