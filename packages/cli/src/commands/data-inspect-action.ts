import { Problems, formatProblem, resolveDay0, xnysCalendar, type BarSeries, type MarketEvent } from '@aftershock/core';
import {
  attachRelated,
  checkEvents,
  listSymbols,
  loadEvents,
  loadRelations,
  loadSymbol,
  projectCalendars,
  resolveDataRoot,
  summarizeSeries,
  type SeriesSummary,
} from '@aftershock/data';
import type { InspectOptions } from './data-inspect';

/** The action of `aftershock data inspect`: loads each symbol and its events and prints their summaries. */
export function inspectData(wanted: readonly string[], opts: InspectOptions): void {
  const out = (s: string): void => void process.stdout.write(s);
  const root = resolveDataRoot({ root: opts.root });
  out(`data root: ${root.dir} (${root.via})\n`);
  if (opts.list) {
    const all = listSymbols(root);
    out(`${all.length} symbols: ${all.join(' ')}\n`);
    return;
  }
  const problems = new Problems();
  const series = new Map<string, BarSeries>();
  for (const s of wanted) {
    const bars = loadSymbol(root, s, { problems });
    series.set(bars.symbol, bars);
  }
  const project = projectCalendars();
  const files = opts.events ?? project?.events ?? [];
  let events: MarketEvent[] = files.length > 0 ? loadEvents(files, { problems }) : [];
  if (!opts.events && project?.relations) events = attachRelated(events, loadRelations(project.relations, problems));
  out(`events: ${files.length > 0 ? files.join(', ') : '(none)'}\n`);
  const mine = events.filter((e) => series.has(e.symbol));
  checkEvents(mine, series, problems, { outsideData: 'warning' });
  for (const bars of series.values()) out('\n' + formatSummary(summarizeSeries(bars, mine)));
  const warnings = problems.warnings;
  if (warnings.length > 0) {
    out(`\n${warnings.length} warning(s):\n`);
    for (const w of warnings) out(`  ${formatProblem(w)}\n`);
  }
}

const num = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** Formats one symbol's summary as an indented block. */
export function formatSummary(s: SeriesSummary): string {
  const cal = xnysCalendar();
  const lines: string[] = [];
  lines.push(`${s.symbol}  ${s.source ?? ''}`.trimEnd());
  const gapText = s.missingSessions === 0 ? 'no gaps' : `${s.missingSessions} missing session(s) in ${s.gaps.length} gap(s)`;
  lines.push(`  sessions   ${s.first} .. ${s.last}: ${s.bars} bars of ${s.calendarSessions} calendar sessions, ${gapText}`);
  for (const g of s.gaps.slice(0, 5)) lines.push(`    gap      ${g.from} .. ${g.to} (${g.sessions} session(s))`);
  if (s.gaps.length > 5) lines.push(`    …        ${s.gaps.length - 5} more gap(s)`);
  const d = s.dividends;
  lines.push(
    d.count === 0
      ? '  dividends  none in range'
      : `  dividends  ${d.count}, total ${num(d.total, 4)}/share, last ${d.last!.date} ${num(d.last!.amount, 4)}`,
  );
  lines.push(`  close      last ${num(s.lastClose)}; total return over the range ${num(s.totalReturnPct, 1)}% (dividends reinvested)`);
  const related = [...new Set(s.events.flatMap((e) => (e.related ?? []).map((r) => `${r.symbol}${r.relation ? ` (${r.relation})` : ''}`)))];
  if (related.length > 0) lines.push(`  related    ${related.join(', ')}`);
  if (s.events.length === 0) lines.push('  events     none');
  else {
    lines.push(`  events     ${s.events.length}`);
    for (const e of s.events) {
      const day0 = resolveDay0(cal, e.date, e.timing, {}, e.kind).day0 ?? 'skipped';
      lines.push(`    ${e.date}  ${e.kind.padEnd(13)} ${e.timing.padEnd(11)} day 0 ${day0}  ${eventDetail(e)}`.trimEnd());
    }
  }
  return lines.join('\n') + '\n';
}

function eventDetail(e: MarketEvent): string {
  switch (e.kind) {
    case 'earnings': {
      const parts = [e.fiscalPeriod ?? ''];
      if (e.epsActual !== undefined) parts.push(`EPS ${e.epsActual}${e.epsEstimate !== undefined ? ` vs ${e.epsEstimate}` : ''}`);
      if (e.surprisePct !== undefined) parts.push(`surprise ${num(e.surprisePct, 1)}%`);
      return parts.filter(Boolean).join(', ');
    }
    case 'lockup-expiry':
      return [`IPO ${e.ipoDate}`, e.confirmed ? 'confirmed' : 'estimated', e.sharesUnlockedPct !== undefined ? `${e.sharesUnlockedPct}% unlocked` : ''].filter(Boolean).join(', ');
    case 'ipo':
      return e.offerPrice !== undefined ? `offer ${e.offerPrice}` : '';
    case 'custom':
      return e.label ?? '';
  }
}
