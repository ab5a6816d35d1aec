/**
 * Numbers the way R's write.csv writes them with 17 significant digits: trailing zeros dropped, fixed or scientific
 * notation whichever is shorter (fixed on a tie), exponent with at least two digits; NA for missing. 17 significant
 * digits always round-trip (`Number(fmt17(x)) === x`).
 *
 * `writeNum17` writes the ASCII bytes straight into a buffer (the tables of `aftershock study` hold millions of
 * numbers). Fast path, 1e-6 ≤ |x| < 1e17 (nearly every number a study writes): a·10^k with 10^k exact (k ≤ 22) is
 * computed exactly as a double-double h + l (Dekker's product); h lands in [1e16, 1e17), where every double is an
 * even integer, so the 17 digits are h + round(l), rounded half up like `toExponential`. The output equals
 * `fmt17Exact` (seeded tests compare them); 0 < |x| < 1e-6 is read from `toExponential(16)`, anything else written
 * from `fmt17Exact`. Needs 32 bytes of room at `pos`: the 17 digits are always stored, the trailing zeros past the
 * returned position included. Returns the position after the number.
 */
export function writeNum17(buf: Uint8Array, pos: number, x: number): number {
  // The number goes to the body through a typed array: the body is too large for V8 to inline into its callers, and
  // a double passed as an argument to a call that is not inlined is boxed (a heap number for every number written).
  NUM_IN[0] = x;
  return writeNumIn(buf, pos);
}

/** The number `writeNum17` is writing (read once, at the start of `writeNumIn`). */
const NUM_IN = new Float64Array(1);

/** `writeNum17` of NUM_IN[0]. */
function writeNumIn(buf: Uint8Array, pos: number): number {
  const x = NUM_IN[0]!;
  if (x !== x) {
    buf[pos] = 78; // N
    buf[pos + 1] = 65; // A
    return pos + 2;
  }
  if (x === 0) {
    buf[pos] = 48;
    return pos + 1;
  }
  const a = x < 0 ? -x : x;
  if (a < 1e15 && Math.floor(a) === a) {
    if (x < 0) buf[pos++] = 45;
    return writeUint(buf, pos, a);
  }
  if (!(a >= 1e-6 && a < 1e17)) return a < 1e-6 ? writeTiny(buf, pos, x) : writeAscii(buf, pos, fmt17Exact(x));
  // Decimal exponent from the binary one (0.30103 ≈ log10 2): floor(log10 a) is e or e + 1; a ≥ 1e-6 means e ≥ −6.
  F64[0] = a;
  let e = Math.floor(((U32[1]! >>> 20) - 1023) * 0.30102999566398120);
  if (e < -6) e = -6;
  let h = 0;
  let l = 0;
  // Find k = 16 − e with 1e16 ≤ a·10^k < 1e17 exactly: the rounded product decides unless it lands on a bound,
  // where the exact error l (Dekker: h + l = a·10^k, Veltkamp split with 2^27 + 1, 10^k's split tabled) decides.
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  for (let tries = 0; ; tries++) {
    const k = 16 - e;
    if (tries > 3 || k < 0 || k > 22) return writeAscii(buf, pos, fmt17Exact(x));
    h = a * POW10[k]!;
    if (h > 1e17) {
      e++;
      continue;
    }
    if (h < 1e16) {
      e--;
      continue;
    }
    const ph = POW10_HI[k]!;
    const pl = POW10_LO[k]!;
    l = ah * ph - h + ah * pl + al * ph + al * pl;
    if (h === 1e16 && l < 0) e--;
    else if (h === 1e17 && l >= 0) e++;
    else break;
  }
  // h is an integer > 2^53: split it exactly into 8 high and 9 low digits, then add round(l) (half up).
  let hi = Math.floor(h / 1e9);
  let lo = h - hi * 1e9 + Math.round(l);
  if (lo < 0) {
    hi--;
    lo += 1e9;
  } else if (lo >= 1e9) {
    hi++;
    lo -= 1e9;
  }
  if (hi >= 1e8) {
    // 99…9.5 rounded up: 1 followed by zeros.
    e++;
    hi = 1e7;
    lo = 0;
  }
  // Both halves are below 2^31: int32 arithmetic from here (a double's % 10 is a slow fmod).
  const h32 = hi | 0;
  const l32 = lo | 0;
  // Significant digits without the trailing zeros.
  let d = 17;
  let v = l32;
  if (v === 0) {
    d = 8;
    v = h32;
  }
  for (let q = (v / 10) | 0; v === q * 10; q = (v / 10) | 0) {
    v = q;
    d--;
  }
  if (x < 0) buf[pos++] = 45;
  const ae = e < 0 ? -e : e;
  const sciLen = d + (d > 1 ? 1 : 0) + 4; // |e| ≤ 16 here: two exponent digits
  if (e < 0) {
    if (1 - e + d <= sciLen) {
      // 0.000ddd: the digits follow the zeros (those past d are written, then left beyond the end).
      buf[pos] = 48;
      buf[pos + 1] = 46;
      for (let j = 2; j < 1 - e; j++) buf[pos + j] = 48;
      put17(buf, pos + 1 - e, h32, l32);
      return pos + 1 - e + d;
    }
  } else if ((d > e + 1 ? d + 1 : e + 1) <= sciLen) {
    // ddd.ddd: the digits written one place on, the integer part moved back over the point's place.
    put17(buf, pos + 1, h32, l32);
    for (let j = 0; j <= e; j++) buf[pos + j] = buf[pos + j + 1]!;
    if (d > e + 1) {
      buf[pos + e + 1] = 46;
      return pos + 1 + d;
    }
    return pos + e + 1;
  }
  // d.ddde±XX
  put17(buf, pos + 1, h32, l32);
  buf[pos] = buf[pos + 1]!;
  let q = pos + 1;
  if (d > 1) {
    buf[q] = 46;
    q += d;
  }
  buf[q] = 101; // e
  buf[q + 1] = e < 0 ? 45 : 43;
  const t = (ae / 10) | 0;
  buf[q + 2] = 48 + t;
  buf[q + 3] = 48 + ae - t * 10;
  return q + 4;
}

/**
 * The 17 digits of hi·10^9 + lo (10^7 ≤ hi < 10^8, 0 ≤ lo < 10^9) as ASCII at buf[at..at+16]: four digits a store,
 * from a table of four-byte words, through a DataView of the buffer (kept for the last buffer seen: a writer's).
 */
function put17(buf: Uint8Array, at: number, hi: number, lo: number): void {
  if (buf !== viewOf) {
    viewOf = buf;
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const v = view;
  const h1 = (hi / 10000) | 0;
  v.setUint32(at, DIG4[h1]!, true);
  v.setUint32(at + 4, DIG4[hi - h1 * 10000]!, true);
  const l0 = (lo / 100000000) | 0;
  buf[at + 8] = 48 + l0;
  const rest = lo - l0 * 100000000;
  const l1 = (rest / 10000) | 0;
  v.setUint32(at + 9, DIG4[l1]!, true);
  v.setUint32(at + 13, DIG4[rest - l1 * 10000]!, true);
}

let viewOf: Uint8Array | undefined;
let view: DataView = new DataView(new ArrayBuffer(0));

/**
 * 0 < |x| < 1e-6: always the scientific form (the fixed one, 0.000000ddd, is longer), read from `toExponential(16)`
 * — the reference itself — without the reference's regular expressions (a study's near-zero residual means land here).
 */
function writeTiny(buf: Uint8Array, pos: number, x: number): number {
  const s = x.toExponential(16);
  const ep = s.indexOf('e');
  // The mantissa without its trailing zeros (and without the point when nothing is left after it).
  let m = ep;
  while (s.charCodeAt(m - 1) === 48) m--;
  if (s.charCodeAt(m - 1) === 46) m--;
  for (let j = 0; j < m; j++) buf[pos++] = s.charCodeAt(j);
  buf[pos++] = 101; // e
  buf[pos++] = 45; // the exponent is negative here
  // toExponential writes "e-7": R pads to two digits.
  if (s.length - ep - 2 < 2) buf[pos++] = 48;
  for (let j = ep + 2; j < s.length; j++) buf[pos++] = s.charCodeAt(j);
  return pos;
}

/** `writeNum17` as a string. */
export function fmt17(x: number): string {
  const n = writeNum17(SCRATCH, 0, x);
  return String.fromCharCode.apply(null, SCRATCH.subarray(0, n) as unknown as number[]);
}

/** The reference: V8's exact `toExponential(16)` / `toFixed`, slower but correct for every double. */
export function fmt17Exact(x: number): string {
  if (x !== x) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const [mant, exp] = x.toExponential(16).split('e') as [string, string];
  const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  const e = Number(exp);
  const sci = `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const decimals = 16 - e;
  // Below 1e-4 the fixed form ("0.0000…", 1 − e + digits chars) is always longer than the scientific one.
  if (decimals < 0 || decimals > 100 || e <= -5) return sci;
  let fixed = x.toFixed(decimals);
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return fixed.length <= sci.length ? fixed : sci;
}

/** Writes a whole number 0 ≤ n < 1e16 in decimal. */
export function writeUint(buf: Uint8Array, pos: number, n: number): number {
  if (n >= 1e8) {
    const top = Math.floor(n / 1e8);
    pos = writeUint(buf, pos, top);
    return writeFixedWidth(buf, pos, n - top * 1e8, 8);
  }
  const v = n | 0;
  let w = 1;
  for (let t = 10; t <= v; t *= 10) w++;
  return writeFixedWidth(buf, pos, v, w);
}

function writeFixedWidth(buf: Uint8Array, pos: number, v: number, width: number): number {
  let u = v | 0;
  for (let j = pos + width - 1; j >= pos; j--) {
    const q = (u / 10) | 0;
    buf[j] = 48 + u - q * 10;
    u = q;
  }
  return pos + width;
}

/** Writes an ASCII string's bytes. */
function writeAscii(buf: Uint8Array, pos: number, s: string): number {
  for (let j = 0; j < s.length; j++) buf[pos++] = s.charCodeAt(j);
  return pos;
}

const SPLIT = 134217729; // 2^27 + 1
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** Veltkamp halves of each 10^k (Dekker's product needs both factors split). */
const POW10_HI = POW10.map((p) => {
  const c = SPLIT * p;
  return c - (c - p);
});
const POW10_LO = POW10.map((p, k) => p - POW10_HI[k]!);
/** "0000".."9999" as ASCII, each a little-endian 32-bit word (the first digit in the lowest byte). */
const DIG4 = new Uint32Array(10000);
for (let n = 0; n < 10000; n++) {
  DIG4[n] = (48 + ((n / 1000) | 0)) | ((48 + (((n / 100) | 0) % 10)) << 8) | ((48 + (((n / 10) | 0) % 10)) << 16) | ((48 + (n % 10)) << 24);
}
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const SCRATCH = new Uint8Array(64);
