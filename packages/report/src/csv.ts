import { confoundingText, stable } from './format';
import type { RunResult } from './result-types';

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const s = stable(v);
    return s === null ? '' : String(s);
  }
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** `events.csv`: one row per event with day 0, the raw day-0 return and each CAR window (fractions). */
export function eventsCsv(r: RunResult): string {
  const wins = r.meta.windows.car;
  const header = ['id', 'symbol', 'kind', 'event_date', 'timing', 'day0', 'day0_return', 'day0_abnormal', ...wins.map((w) => `car_${w[0]}_${w[1]}`), 'excluded', 'confounded_by'];
  const rows = r.events.map((e) => [
    e.id,
    e.symbol,
    e.kind,
    e.eventDate,
    e.timing,
    e.day0,
    e.reaction.day0Return,
    e.reaction.day0Abnormal,
    ...wins.map((_, i) => e.reaction.car[i]?.car ?? null),
    e.excluded ?? '',
    e.confoundedBy?.length ? confoundingText(e.confoundedBy) : '',
  ]);
  return table(header, rows);
}

/** `trades.csv`: one row per trade of every strategy. */
export function tradesCsv(r: RunResult): string {
  const header = ['strategy', 'id', 'symbol', 'direction', 'quantity', 'entry_date', 'entry_price', 'exit_date', 'exit_price', 'event_id', 'pnl', 'return', 'costs', 'sessions_held'];
  const rows = r.strategies.flatMap((s) =>
    s.trades.map((t) => [s.label, t.id, t.symbol, t.direction, t.quantity, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice, t.eventId, t.pnl, t.returnPct, t.costs, t.sessionsHeld]),
  );
  return table(header, rows);
}

/** `spillovers.csv`: one row per (event, related symbol) pair. */
export function spilloversCsv(r: RunResult): string {
  const wins = r.meta.windows.car;
  const header = ['event_id', 'event_symbol', 'symbol', 'relation', 'day0', 'day0_return', 'day0_abnormal', ...wins.map((w) => `car_${w[0]}_${w[1]}`), 'contaminated'];
  const rows = r.spillovers.map((s) => [s.eventId, s.eventSymbol, s.symbol, s.relation, s.day0, s.day0Return, s.day0Abnormal, ...wins.map((_, i) => s.car[i]?.car ?? null), s.contaminated]);
  return table(header, rows);
}
