import { COMPARISON_HEADER, COMPARISON_NUMERIC, comparisonMethod, comparisonRows } from './comparison-view';
import { escapeHtml, pct } from './format';
import { c, htmlTable, n } from './html-table';
import type { RunResult } from './result-types';

export function comparisonSection(r: RunResult): string {
  const cmp = r.comparison;
  if (!cmp || cmp.pairs.length === 0) return '';
  const table = htmlTable(
    COMPARISON_HEADER,
    comparisonRows(cmp).map((row) => row.cells.map((cell, k) => (k === 3 ? n(cell, row.values.n) : k === 4 ? n(cell, row.values.meanDiff, true) : k === 6 ? n(cell, row.values.tStat) : c(cell)))),
    COMPARISON_NUMERIC,
  );
  return `<section id="comparison"><h2>Comparison</h2><p class="muted">${escapeHtml(comparisonMethod(cmp))}</p><div class="scroll">${table}</div>${eventReturns(cmp)}</section>`;
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
