/**
 * Formats a number the way R's write.csv does with 17 significant digits: trailing zeros dropped, fixed or
 * scientific notation whichever is shorter (fixed on a tie), exponent with at least two digits; NA for missing.
 */
export function fmt17(x: number): string {
  if (x !== x) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const [mant, exp] = x.toExponential(16).split('e') as [string, string];
  const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  const e = Number(exp);
  const sci = `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const decimals = 16 - e;
  if (decimals < 0 || decimals > 100) return sci;
  let fixed = x.toFixed(decimals);
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return fixed.length <= sci.length ? fixed : sci;
}
