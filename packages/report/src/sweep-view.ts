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

/** The walk-forward folds as a table: each fold's dates (by day 0), its events, what was purged, and its scores. */
export function foldRows(sw: SweepSummary): { header: string[]; rows: { cells: string[]; values: (number | null | undefined)[] }[] } {
  const header = ['fold', 'trained on (day 0)', 'tested on (day 0)', 'train events', 'test events', 'purged', 'embargoed', 'best in-sample', 'in-sample score', 'out-of-sample score'];
  const opt = (x: number | undefined) => (x === undefined ? '–' : String(x));
  const rows = sw.folds.map((f, k) => ({
    cells: [String(k + 1), `${f.trainRange[0]} … ${f.trainRange[1]}`, `${f.testRange[0]} … ${f.testRange[1]}`, opt(f.trainEvents), opt(f.testEvents), opt(f.purged), opt(f.embargoed), paramsText(f.bestParams), scoreText(sw.objective, f.inSample), scoreText(sw.objective, f.outOfSample)],
    values: [k + 1, undefined, undefined, f.trainEvents ?? null, f.testEvents ?? null, f.purged ?? null, f.embargoed ?? null, undefined, f.inSample?.score ?? null, f.outOfSample?.score ?? null],
  }));
  return { header, rows };
}
