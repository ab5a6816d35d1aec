import { escapeHtml } from './format';
import { c, htmlTable, n } from './html-table';
import type { RunResult, SweepSummary } from './result-types';
import { foldRows, paramsText, scoreText, sweepRows } from './sweep-view';

function sweepBlock(sw: SweepSummary): string {
  const { header, rows } = sweepRows(sw);
  const keys = Object.keys(sw.grid).length;
  const table = htmlTable(
    header,
    rows.map((r) => r.cells.map((t, i) => (r.values[i] === undefined || i === r.cells.length - 1 ? c(t) : n(t, r.values[i] ?? null, i === keys + 2)))),
    header.map((_, i) => i > 0 && i < header.length - 1),
  );
  const fr = foldRows(sw);
  const folds = sw.folds.length
    ? htmlTable(
        fr.header,
        fr.rows.map((r) => r.cells.map((t, i) => (r.values[i] === undefined ? c(t) : n(t, r.values[i] ?? null)))),
        fr.header.map((_, i) => i === 0 || (i >= 3 && i <= 6) || i >= 8),
      )
    : '';
  const oos = sw.outOfSample
    ? `<p><b>Out of sample</b> (${escapeHtml(sw.walkForward ?? '')}): ${escapeHtml(scoreText(sw.objective, sw.outOfSample))} over ${sw.outOfSample.events} event(s); the best point on all events scores ${escapeHtml(sw.best?.score === null || !sw.best ? '–' : scoreText(sw.objective, { ...sw.outOfSample, score: sw.best.score }))} in sample.</p>`
    : '<p class="muted">No out-of-sample check (give walkForward): the best point is in-sample by construction.</p>';
  return `<h3>${escapeHtml(sw.label)}: ${sw.points.length} points</h3><p class="muted">Fixed: ${escapeHtml(paramsText(sw.base))}. Best on all events: ${escapeHtml(paramsText(sw.best?.params))}.</p>${oos}<div class="scroll">${table}</div>${folds}`;
}

/** The sweeps: every grid point's score, the best point, and the walk-forward check. */
export function sweepsSection(r: RunResult): string {
  if (r.sweeps.length === 0) return '';
  return `<section id="sweeps"><h2>Parameter sweeps</h2><p class="muted">Each grid point runs on the same events, data and costs. The best point on all events is in-sample; the walk-forward check scores each fold's in-sample best on events it never saw, by day 0 (one session's events stay in one fold); a training event whose trade shares a session with the test trades' span is purged from that fold's training (and, in a k-fold, later ones within the embargo). The best point also runs as a strategy above.</p>${r.sweeps.map(sweepBlock).join('\n')}</section>`;
}
