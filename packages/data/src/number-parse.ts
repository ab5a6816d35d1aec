/** Exact powers of ten representable in a double (10^0 … 10^22). */
const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
  1e22,
];

/**
 * Parses a decimal number in `text[start, end)` straight from char codes, without allocating a string.
 * Grammar: optional spaces, optional sign, digits with an optional fraction (`12`, `12.5`, `.5`, `12.`), an optional
 * exponent (`1e-3`), optional spaces. Returns NaN for anything else (including an empty range).
 *
 * Results are exactly those of `Number(...)`: up to 15 significant digits and |exponent| ≤ 22 use Clinger's fast
 * path (one correctly rounded multiply or divide); longer numbers fall back to the engine's parser.
 *
 * @example parseNumberAt('a,41.94,b', 2, 7) // → 41.94
 */
export function parseNumberAt(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  while (end > i && text.charCodeAt(end - 1) === 32) end--;
  if (i >= end) return NaN;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let digits = 0; // significant digits accumulated into mant
  let any = false;
  let scale = 0; // decimal exponent adjustment from the fraction
  let exact = true;
  for (; i < end; i++) {
    c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    any = true;
    if (mant !== 0 || c !== 0) {
      if (digits < 15) mant = mant * 10 + c;
      else exact = false;
      digits++;
    }
  }
  if (i < end && text.charCodeAt(i) === 46) {
    i++;
    for (; i < end; i++) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      any = true;
      if (mant !== 0 || c !== 0) {
        if (digits < 15) {
          mant = mant * 10 + c;
          scale--;
        } else exact = false;
        digits++;
      } else scale--;
    }
  }
  if (!any) return NaN;
  let exp = 0;
  if (i < end) {
    c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return NaN;
    i++;
    let eneg = false;
    c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      eneg = c === 45;
      i++;
    }
    let eany = false;
    for (; i < end; i++) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return NaN;
      eany = true;
      if (exp < 100000) exp = exp * 10 + c;
    }
    if (!eany) return NaN;
    if (eneg) exp = -exp;
  }
  if (mant === 0 && exact) return neg ? -0 : 0;
  const e = scale + exp;
  if (exact && e >= -22 && e <= 22) {
    const v = e < 0 ? mant / POW10[-e]! : mant * POW10[e]!;
    return neg ? -v : v;
  }
  return Number(text.slice(start, end).trim());
}
