/** Escapes text for HTML element content and attribute values. @example escapeHtml('<b>') // '&lt;b&gt;' */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const MINUS = '−';

function signed(s: string): string {
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** A fraction as a percentage: `pct(-0.2083)` → `−20.83%`; null/NaN → `–`. */
export function pct(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return signed((x * 100).toFixed(digits)) + '%';
}

/** A plain number with fixed digits; null/NaN → `–`. */
export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return signed(x.toFixed(digits));
}

/** Money with thousands separators: `money(12345.6)` → `$12,345.60`. */
export function money(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const neg = x < 0;
  const [int, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? MINUS : ''}$${grouped}${frac ? '.' + frac : ''}`;
}

/** A window as `[−1, +1]`. */
export function windowLabel(w: readonly [number, number]): string {
  const o = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '0');
  return `[${o(w[0])}, ${o(w[1])}]`;
}

/** A day offset as `−1`, `0`, `+2`. */
export function offsetLabel(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '0';
}

/** Rounds to 12 significant digits so JSON and CSV output is stable and short; non-finite → null. */
export function stable(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return Number(x.toPrecision(12));
}
