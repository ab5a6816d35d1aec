import { num, pct } from './format';
import type { SweepScore, SweepSummary } from './result-types';

/** `before=2, after=3`. */
export function paramsText(p: Readonly<Record<string, number | string | boolean>> | null | undefined): string {
  if (!p) return '–';
  return Object.entries(p).map(([k, v]) => `${k}=${String(v)}`).join(', ') || '–';
}

/** The objective's value in its unit. */
export function scoreText(objective: string, s: SweepScore | null | undefined): string {
  if (!s || s.score === null) return '–';
  if (objective === 'event.meanReturn' || objective === 'trade.hitRate') return pct(s.score);
  if (objective === 'trade.netPnl') return `$${num(s.score)}`;
  return num(s.score);
}

/**
 * The header and rows of a sweep's point table, the best point marked with ★. Rows in grid order of the columns:
 * by the first parameter's values as listed in the grid, then the second's, … (report.json keeps the grid's keys
 * sorted, so the columns are in that order, and the rows follow the columns whatever order the sweep ran in).
 */
export function sweepRows(sw: SweepSummary): { header: string[]; rows: { cells: string[]; values: (number | null)[] }[] } {
  const keys = Object.keys(sw.grid);
  const best = sw.best?.params;
  const isBest = (p: Readonly<Record<string, unknown>>) => best !== undefined && Object.keys(best).length === Object.keys(p).length && Object.keys(best).every((k) => best[k] === p[k]);
  const header = [...keys, `score (${sw.objective})`, 'events', 'mean per event', 't', 'trades', 'hit rate', ''];
  const rank = (k: string, v: unknown) => (sw.grid[k] ?? []).findIndex((g) => String(g) === String(v));
  const ordered = [...sw.points].sort((a, b) => {
    for (const k of keys) {
      const d = rank(k, a.params[k]) - rank(k, b.params[k]);
      if (d !== 0) return d;
    }
    return 0;
  });
  const rows = ordered.map((p) => ({
    cells: [
      ...keys.map((k) => String(p.params[k])),
      scoreText(sw.objective, p.all),
      String(p.all.events),
      pct(p.all.meanReturn),
      num(p.all.tStat),
      String(p.all.trades),
      pct(p.all.hitRate, 0),
      isBest(p.params) ? '★ best' : '',
    ],
    values: [...keys.map((k) => (typeof p.params[k] === 'number' ? (p.params[k] as number) : null)), p.all.score, p.all.events, p.all.meanReturn, p.all.tStat, p.all.trades, p.all.hitRate, null],
  }));
  return { header, rows };
}
