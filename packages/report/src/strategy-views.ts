import { lttbIndices } from './downsample';
import type { SeriesPoint, TradeRow } from './result-types';

/**
 * The benchmark held with the money the strategy had at work: each session after a trade's entry, up to and
 * including its exit (or the last session while it is open), the trade's entry notional |quantity| × entry price
 * earns the benchmark's close-to-close return. Starts at `capital`; same sessions as `equity`. A strategy that puts
 * $10k on each trade is set against $10k in the benchmark for those sessions, not against the whole capital.
 */
export function benchmarkAtWork(equity: readonly SeriesPoint[], benchmark: readonly SeriesPoint[], trades: readonly TradeRow[], capital: number): SeriesPoint[] {
  const n = equity.length;
  if (n === 0 || benchmark.length === 0) return [];
  const bench = new Map(benchmark.map((p) => [p.date, p.value]));
  const index = new Map(equity.map((p, i) => [p.date, i]));
  // Money at work from session i on: + notional after the entry session, − after the exit session.
  const delta = new Float64Array(n + 1);
  for (const t of trades) {
    const a = index.get(t.entryDate);
    if (a === undefined) continue;
    const b = t.exitDate === null ? n - 1 : (index.get(t.exitDate) ?? n - 1);
    const money = Math.abs(t.quantity * t.entryPrice);
    delta[a + 1] = delta[a + 1]! + money;
    delta[b + 1] = delta[b + 1]! - money;
  }
  const out: SeriesPoint[] = [{ date: equity[0]!.date, value: capital }];
  let atWork = 0;
  let value = capital;
  for (let i = 1; i < n; i++) {
    atWork += delta[i]!;
    const b0 = bench.get(equity[i - 1]!.date);
    const b1 = bench.get(equity[i]!.date);
    if (b0 !== undefined && b1 !== undefined && b0 > 0 && atWork > 1e-9) value += atWork * (b1 / b0 - 1);
    out.push({ date: equity[i]!.date, value });
  }
  return out;
}

/** One year of monthly returns: `months[0]` is January (null: no session that month); `year` compounds them. */
export interface MonthlyRow {
  readonly year: number;
  readonly months: readonly (number | null)[];
  readonly total: number | null;
}

/**
 * Monthly returns of an equity curve: each month's last value over the previous month's last value (the first
 * month over the curve's first value), compounded per year.
 */
export function monthlyReturns(equity: readonly SeriesPoint[]): MonthlyRow[] {
  if (equity.length < 2) return [];
  const ends: { year: number; month: number; value: number }[] = [];
  for (const p of equity) {
    const year = Number(p.date.slice(0, 4));
    const month = Number(p.date.slice(5, 7)) - 1;
    const last = ends[ends.length - 1];
    if (last && last.year === year && last.month === month) last.value = p.value;
    else ends.push({ year, month, value: p.value });
  }
  const rows = new Map<number, (number | null)[]>();
  let prev = equity[0]!.value;
  for (const e of ends) {
    const row = rows.get(e.year) ?? new Array<number | null>(12).fill(null);
    row[e.month] = prev > 0 ? e.value / prev - 1 : null;
    rows.set(e.year, row);
    prev = e.value;
  }
  return [...rows].map(([year, months]) => {
    const seen = months.filter((m): m is number => m !== null);
    return { year, months, total: seen.length ? seen.reduce((g, m) => g * (1 + m), 1) - 1 : null };
  });
}

/**
 * Indices to draw of several aligned series: the union of each one's LTTB selection, with the budget `max` shared
 * out, so the peaks of every line survive and all lines keep one x axis.
 */
export function sharedIndices(series: readonly ArrayLike<number>[], max: number): number[] {
  const n = series[0]?.length ?? 0;
  if (n <= max || series.length === 0) return Array.from({ length: n }, (_, i) => i);
  const each = Math.max(3, Math.floor(max / series.length));
  const keep = new Set<number>();
  for (const s of series) for (const i of lttbIndices(s, each)) keep.add(i);
  return [...keep].sort((a, b) => a - b);
}
