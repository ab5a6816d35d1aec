import { num, pct } from './format';
import type { ComparisonPair, ComparisonResult, PairFigure } from './result-types';
import { diffDigits, verdict } from './verdict';

/** The `compared` cell of a union-with-zeros row: what it is, and that it is not a paired comparison. */
export const UNION_LABEL = 'per-event return, union of events, untraded = 0 (not true pairs)';

/** How the comparison is computed, in words (the Markdown and HTML say the same). */
export function comparisonMethod(cmp: Pick<ComparisonResult, 'resamples' | 'seed'>): string {
  return (
    `Seeded paired bootstrap (${cmp.resamples.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} resamples, seed ${cmp.seed}) of the mean difference a − b on true pairs: ` +
    'the per-event returns over the events both strategies traded (n = those events; the events only one side traded are counted beside them, outside the pairs), ' +
    'or, when no event was traded by both (one side trades none, as buy-and-hold, or they traded different events), the daily returns over the sessions both ran. ' +
    `t is the mean difference over its standard error. A row "${UNION_LABEL}" is the mean over every event either traded with an untraded event counted as a 0 return: ` +
    'not a paired comparison (a filter that skips losers gets credit for it), shown for reference. An interval that excludes 0 marks a difference; with fewer than 5 pairs it says little.'
  );
}

export const COMPARISON_HEADER = ['a', 'b', 'compared', 'n', 'mean difference a − b', '95% interval', 't', 'verdict', 'events: both / a only / b only'];
/** Right-aligned (numeric) columns of COMPARISON_HEADER. */
export const COMPARISON_NUMERIC = [false, false, false, true, true, false, true, false, false];

/** One row of the comparison table: the cells as text and the numbers behind the numeric ones. */
export interface ComparisonRow {
  readonly cells: readonly string[];
  readonly values: { readonly n: number; readonly meanDiff: number | null; readonly tStat: number | null };
}

function figureRow(p: ComparisonPair, f: PairFigure, compared: string, events: string): ComparisonRow {
  const d = diffDigits(f);
  const t = f.tStat ?? null;
  return {
    cells: [p.a, p.b, compared, String(f.n), pct(f.meanDiff, d), `${pct(f.ci95[0], d)} … ${pct(f.ci95[1], d)}`, num(t), verdict(f), events],
    values: { n: f.n, meanDiff: f.meanDiff, tStat: t },
  };
}

/** Each pair's row, followed by its union-with-zeros row when there is one. */
export function comparisonRows(cmp: Pick<ComparisonResult, 'pairs'>): ComparisonRow[] {
  return cmp.pairs.flatMap((p) => {
    const ev = p.events ? `${p.events.both} / ${p.events.onlyA} / ${p.events.onlyB}` : '–';
    const main = figureRow(p, p, p.metric, ev);
    return p.unionWithZeros ? [main, figureRow(p, p.unionWithZeros, UNION_LABEL, ev)] : [main];
  });
}
