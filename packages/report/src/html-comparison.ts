import { pct } from './format';
import { c, htmlTable, n } from './html-table';
import { diffDigits, verdict } from './verdict';
import type { RunResult } from './result-types';

export function comparisonSection(r: RunResult): string {
  const cmp = r.comparison;
  if (!cmp || cmp.pairs.length === 0) return '';
  const table = htmlTable(
    ['a', 'b', 'compared', 'n (events or sessions)', 'mean difference a − b', '95% interval', 'verdict'],
    cmp.pairs.map((p) => {
      const d = diffDigits(p);
      return [c(p.a), c(p.b), c(p.metric), n(String(p.n), p.n), n(pct(p.meanDiff, d), p.meanDiff, true), c(`${pct(p.ci95[0], d)} … ${pct(p.ci95[1], d)}`), c(verdict(p))];
    }),
    [false, false, false, true, true, false, false],
  );
  return `<section id="comparison"><h2>Comparison</h2><p class="muted">Seeded paired bootstrap (${cmp.resamples.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} resamples, seed ${cmp.seed}) of the difference in per-event returns over the events both strategies traded, or, when they share fewer than two events, in daily returns over the sessions both ran. An interval that excludes 0 marks a difference; with fewer than 5 pairs the interval says little.</p><div class="scroll">${table}</div></section>`;
}
