/**
 * Numbers the way R's write.csv writes them with 17 significant digits: trailing zeros dropped, fixed or scientific
 * notation whichever is shorter (fixed on a tie), exponent with at least two digits; NA for missing. 17 significant
 * digits always round-trip (`Number(fmt17(x)) === x`).
 *
 * `writeNum17` writes the ASCII bytes straight into a buffer (the tables of `aftershock study` hold millions of
 * numbers). Fast path, 1e-6 ≤ |x| < 1e17 (nearly every number a study writes): a·10^k with 10^k exact (k ≤ 22) is
 * computed exactly as a double-double h + l (Dekker's product); h lands in [1e16, 1e17), where every double is an
 * even integer, so the 17 digits are h + round(l), rounded half up like `toExponential`. The output equals
 * `fmt17Exact` (seeded tests compare them); anything else is written from `fmt17Exact`.
 */
export function writeNum17(buf: Uint8Array, pos: number, x: number): number {
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
  if (!(a >= 1e-6 && a < 1e17)) return writeAscii(buf, pos, fmt17Exact(x));
  // Decimal exponent from the binary one (0.30103 ≈ log10 2); the loop below corrects it by one when needed.
  F64[0] = a;
  let e = Math.floor((((U32[1]! >>> 20) & 0x7ff) - 1023) * 0.30102999566398120);
  let h = 0;
  let l = 0;
  // Find k = 16 − e with 1e16 ≤ a·10^k < 1e17 exactly (log10 can be one off; h alone can round onto a bound).
  for (let tries = 0; ; tries++) {
    const k = 16 - e;
    if (tries > 2 || k < 0 || k > 22) return writeAscii(buf, pos, fmt17Exact(x));
    const p = POW10[k]!;
    h = a * p;
    // Dekker: h + l = a·10^k exactly (Veltkamp split with 2^27 + 1).
    const ca = SPLIT * a;
    const ah = ca - (ca - a);
    const al = a - ah;
    const cp = SPLIT * p;
    const ph = cp - (cp - p);
    const pl = p - ph;
    l = ah * ph - h + ah * pl + al * ph + al * pl;
    if (h < 1e16 || (h === 1e16 && l < 0)) e--;
    else if (h > 1e17 || (h === 1e17 && l >= 0)) e++;
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
  const D = DIGITS;
  let d: number;
  if (hi >= 1e8) {
    // 99…9.5 rounded up: 1 followed by zeros.
    e++;
    D[0] = 1;
    d = 1;
  } else {
    // Four digits at a time from a table: hi = 8 digits, lo = 9 digits.
    const h1 = (hi / 10000) | 0;
    put4(D, 0, h1);
    put4(D, 4, hi - h1 * 10000);
    const l1 = (lo / 100000000) | 0;
    const rest = lo - l1 * 100000000;
    const l2 = (rest / 10000) | 0;
    D[8] = l1;
    put4(D, 9, l2);
    put4(D, 13, rest - l2 * 10000);
    d = 17;
    while (d > 1 && D[d - 1] === 0) d--;
  }
  if (x < 0) buf[pos++] = 45;
  const ae = e < 0 ? -e : e;
  const sciLen = d + (d > 1 ? 1 : 0) + 2 + (ae < 100 ? 2 : 3);
  const fixedLen = e >= 0 ? (d > e + 1 ? d + 1 : e + 1) : 1 - e + d;
  if (fixedLen <= sciLen) {
    if (e >= 0) {
      for (let j = 0; j <= e; j++) buf[pos++] = j < d ? 48 + D[j]! : 48;
      if (d > e + 1) {
        buf[pos++] = 46;
        for (let j = e + 1; j < d; j++) buf[pos++] = 48 + D[j]!;
      }
      return pos;
    }
    buf[pos++] = 48;
    buf[pos++] = 46;
    for (let j = 1; j < -e; j++) buf[pos++] = 48;
    for (let j = 0; j < d; j++) buf[pos++] = 48 + D[j]!;
    return pos;
  }
  buf[pos++] = 48 + D[0]!;
  if (d > 1) {
    buf[pos++] = 46;
    for (let j = 1; j < d; j++) buf[pos++] = 48 + D[j]!;
  }
  buf[pos++] = 101; // e
  buf[pos++] = e < 0 ? 45 : 43;
  if (ae < 10) buf[pos++] = 48;
  return writeUint(buf, pos, ae);
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

/** The four decimal digits of n (0 ≤ n < 10000) into D[at..at+3]. */
function put4(D: Uint8Array, at: number, n: number): void {
  const k = n << 2;
  D[at] = DIG4[k]!;
  D[at + 1] = DIG4[k + 1]!;
  D[at + 2] = DIG4[k + 2]!;
  D[at + 3] = DIG4[k + 3]!;
}

const SPLIT = 134217729; // 2^27 + 1
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const DIGITS = new Uint8Array(17);
const DIG4 = new Uint8Array(40000);
for (let n = 0; n < 10000; n++) {
  DIG4[4 * n] = (n / 1000) | 0;
  DIG4[4 * n + 1] = ((n / 100) | 0) % 10;
  DIG4[4 * n + 2] = ((n / 10) | 0) % 10;
  DIG4[4 * n + 3] = n % 10;
}
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const SCRATCH = new Uint8Array(64);
