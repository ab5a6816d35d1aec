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
  return `<section id="comparison"><h2>Comparison</h2><p class="muted">Seeded paired bootstrap (${cmp.resamples.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} resamples, seed ${cmp.seed}) of the mean difference in per-event returns over every event either strategy traded (an event a strategy did not trade counts as 0), or, when one side trades no event (buy-and-hold), in daily returns over the sessions both ran. An interval that excludes 0 marks a difference; with fewer than 5 pairs it says little.</p><div class="scroll">${table}</div>${eventReturns(cmp)}</section>`;
}

/** Each event any strategy traded, with every strategy's return on it (– where it did not trade). */
function eventReturns(cmp: NonNullable<RunResult['comparison']>): string {
  if (cmp.events.length === 0) return '';
  const labels = cmp.table.map((t) => t.label).filter((l) => cmp.events.some((e) => e.returns[l] !== undefined && e.returns[l] !== null));
  const table = htmlTable(
    ['event', 'symbol', 'date', ...labels],
    cmp.events.map((e) => [c(e.eventId), c(e.symbol), c(e.date ?? '–'), ...labels.map((l) => n(pct(e.returns[l] ?? null), e.returns[l] ?? null, true))]),
    [false, false, false, ...labels.map(() => true)],
  );
  return `<h3>Return per event</h3><p class="muted">Each strategy's net return on the events it traded (P&amp;L over the money put in).</p><div class="scroll">${table}</div>`;
}
