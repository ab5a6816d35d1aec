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

/** A percentage tick label with just enough digits for ticks `step` apart: `pctTick(0.05, 0.05)` → `5%`. */
export function pctTick(v: number, step: number): string {
  const digits = Math.max(0, Math.min(4, -Math.floor(Math.log10(Math.abs(step) * 100 || 1) + 1e-9)));
  return pct(v, digits);
}

/** Money tick label: whole dollars with separators, or cents for small steps. */
export function moneyTick(v: number, step: number): string {
  return money(v, Math.abs(step) < 1 ? 2 : 0);
}

/** The costs of a run in words: `commission $0.005/share (min $1); slippage 5 bps; …`. */
export function costsText(costs: Readonly<Record<string, number | string | readonly string[]>>): string {
  const n = (k: string) => (typeof costs[k] === 'number' ? (costs[k] as number) : undefined);
  const parts: string[] = [];
  const used = new Set<string>();
  const take = (...ks: string[]) => ks.forEach((k) => used.add(k));
  if (n('commissionPerShare') !== undefined) {
    parts.push(`commission $${n('commissionPerShare')}/share${n('minCommission') !== undefined ? ` (min ${money(n('minCommission')!)})` : ''}`);
    take('commissionPerShare', 'minCommission');
  }
  if (n('slippageBps') !== undefined) {
    parts.push(`slippage ${n('slippageBps')} bps per fill`);
    take('slippageBps');
  }
  if (n('borrowBpsPerYear') !== undefined) {
    const htb = n('hardToBorrowBpsPerYear');
    const list = costs['hardToBorrow'];
    const names = Array.isArray(list) && list.length ? ` for ${list.join(', ')} and names listed < 1 year` : ' for names listed < 1 year';
    parts.push(`short borrow ${pct(n('borrowBpsPerYear')! / 10_000)}/yr${htb !== undefined ? ` (hard-to-borrow ${pct(htb / 10_000, 0)}/yr${names})` : ''}`);
    take('borrowBpsPerYear', 'hardToBorrowBpsPerYear', 'hardToBorrow');
  }
  for (const [k, v] of Object.entries(costs)) if (!used.has(k)) parts.push(`${k} ${Array.isArray(v) ? v.join(', ') || '–' : String(v)}`);
  return parts.join('; ');
}

/** An event's confounders as `CRWV-q2 (earnings, day 0 2025-08-13, at −2)`, joined by `; `. */
export function confoundingText(list: readonly { eventId: string; kind: string; day0: string; offset: number }[]): string {
  return list.map((c) => `${c.eventId} (${c.kind}, day 0 ${c.day0}, at ${offsetLabel(c.offset)})`).join('; ');
}
