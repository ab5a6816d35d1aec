import { windowExtras } from './html-study';
import { calendarTimeRows, calendarTimeSentence } from './calendar-time-view';
import { volumeSentence, volumeTables } from './volume-view';
import { groupSummaries } from './study-summary';
import { METRIC_GROUP_TITLES, metricCols, metricText } from './metric-table';
import { foldRows, paramsText, scoreText, sweepRows } from './sweep-view';
import { pivotCarTests } from './car-tests-pivot';
import { COMPARISON_HEADER, COMPARISON_NUMERIC, comparisonMethod, comparisonRows } from './comparison-view';
import { confoundingText, costsText, money, num, offsetLabel, pct, windowLabel } from './format';
import type { EventResult, RunResult, StudyGroup } from './result-types';

/** Escapes a Markdown table cell (pipes and line breaks). */
function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function tableMd(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const a = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${header.map(md).join(' | ')} |`, `| ${a.join(' | ')} |`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n') + '\n';
}

function groupMd(g: StudyGroup): string {
  const out: string[] = [`### Group: ${md(g.name)} (${g.n} event${g.n === 1 ? '' : 's'})\n`];
  const testIdx = g.tests.rows.length ? g.tests.rows : [];
  const aarRows = g.aar.map((r) => {
    const t = testIdx.find((x) => x.offset === r.offset);
    const stats = g.tests.tests.map((_, i) => (t ? `${num(t.stats[i] ?? null)}${t.signif[i] ?? ''}` : '–'));
    return [offsetLabel(r.offset), String(r.n), pct(r.aar), pct(r.caar), `${pct(r.caarLow)} … ${pct(r.caarHigh)}`, ...stats];
  });
  out.push(tableMd(['day', 'N', 'AAR', 'CAAR', 'CAAR 95% band', ...g.tests.tests], aarRows, ['r', 'r', 'r', 'r', 'r', ...g.tests.tests.map(() => 'r' as const)]));
  if (g.carTests.length) {
    const pv = pivotCarTests(g.carTests);
    out.push(
      tableMd(
        ['CAR window', 'CAAR', ...pv.names],
        pv.rows.map((r) => [windowLabel(r.window), pct(r.caar), ...r.cells.map((t) => (t ? `${num(t.stat)}${t.signif}` : '–'))]),
        ['l', 'r', ...pv.names.map(() => 'r' as const)],
      ),
    );
  }
  const w = windowExtras(g);
  if (w.length) {
    out.push(
      tableMd(
        ['CAR window', 'mean BHAR', 'N (BHAR)', 'bootstrap CAAR', 'bootstrap interval'],
        w.map((x) => [windowLabel(x.window), pct(x.bhar), String(x.n), pct(x.caar), x.interval]),
        ['l', 'r', 'r', 'r', 'l'],
      ),
    );
  }
  return out.join('\n');
}

/** `report.md`: the headline tables, for pull requests and notebooks. Deterministic for a given result. */
export function renderMarkdown(r: RunResult): string {
  const m = r.meta;
  const parts: string[] = [];
  parts.push(`# ${md(m.scenario)}\n`);
  if (m.description) parts.push(`${m.description.trim()}\n`);
  parts.push(
    tableMd(
      ['setting', 'value'],
      [
        ['data range', `${m.dataRange.from} … ${m.dataRange.to}`],
        ['benchmark', m.benchmark],
        ['profile / model / returns', `${m.profile} / ${m.model} / ${m.returns}`],
        ['estimation window', `${windowLabel(m.windows.estimation)} sessions`],
        ['event window', `${windowLabel(m.windows.event)} sessions`],
        ['dividends', m.dividends],
        ...(r.strategies.length
          ? [
              ['capital', money(m.capital, 0)],
              ['costs', costsText(m.costs)],
            ]
          : []),
        ['aftershock', m.version],
      ],
    ),
  );
  if (m.notes.length) parts.push(m.notes.map((n) => `- ${n}`).join('\n') + '\n');

  parts.push(`## Events (${r.events.length})\n`);
  const wins = m.windows.car;
  parts.push(
    tableMd(
      ['event', 'symbol', 'kind', 'date', 'timing', 'day 0', 'day-0 return', 'day-0 AR', ...wins.map((w) => `CAR ${windowLabel(w)}`)],
      r.events.map((e) => [
        e.id,
        e.symbol,
        e.kind,
        e.eventDate,
        e.timing,
        e.day0 ?? '–',
        pct(e.reaction.day0Return),
        pct(e.reaction.day0Abnormal),
        ...wins.map((_, i) => pct(e.reaction.car[i]?.car ?? null)),
      ]),
      ['l', 'l', 'l', 'l', 'l', 'l', 'r', 'r', ...wins.map(() => 'r' as const)],
    ),
  );
  const excluded = r.events.filter((e) => e.excluded);
  if (excluded.length) parts.push(excluded.map((e) => `- ${md(e.id)} not in the study: ${md(e.excluded!)}`).join('\n') + '\n');
  const confounded = r.events.filter((e) => e.confoundedBy?.length);
  if (confounded.length) {
    const line = (e: EventResult) => `- ${md(e.id)} is confounded by ${md(confoundingText(e.confoundedBy!))}${e.inTests === false ? '; left out of the tests' : ''}`;
    parts.push(confounded.map(line).join('\n') + '\n');
  }

  parts.push(`## Event study\n`);
  parts.push('Significance: `*` 10%, `**` 5%, `***` 1% (two-sided).\n');
  for (const g of r.study.groups) parts.push(groupMd(g));
  const ct = r.study.calendarTime;
  if (ct) {
    const t = calendarTimeRows(ct);
    parts.push(`### Calendar-time portfolio\n`, `${md(calendarTimeSentence(ct))}\n`, tableMd(t.header, t.rows.map((x) => x.cells), ['l', 'r', 'r', 'r', 'r', 'r']));
  }
  const vol = r.study.volume;
  if (vol) {
    const t = volumeTables(vol);
    parts.push(`### Abnormal volume\n`, `${md(volumeSentence(vol))}\n`, tableMd(t.days.header, t.days.rows.map((x) => x.cells), t.days.header.map((_, k) => (k === 0 ? 'l' : 'r'))));
    if (t.windows.rows.length) parts.push(tableMd(t.windows.header, t.windows.rows.map((x) => x.cells), t.windows.header.map((_, k) => (k === 0 ? 'l' : 'r'))));
    if (t.excluded.length) parts.push(t.excluded.map((x) => `- ${md(x)}`).join('\n') + '\n');
  }

  if (r.strategies.length) {
    parts.push(`## Strategies\n`);
    parts.push(tableMd(['strategy', 'params'], r.strategies.map((s) => [s.label, Object.entries(s.params).map(([k, v]) => `${k}=${String(v)}`).join(' ') || '–'])));
    for (const g of ['period', 'trade', 'costs'] as const) {
      const cols = metricCols(g);
      parts.push(`${METRIC_GROUP_TITLES[g]}\n`);
      parts.push(tableMd(['strategy', ...cols.map((c) => c.label)], r.strategies.map((s) => [s.label, ...cols.map((c) => metricText(s, c))]), ['l', ...cols.map(() => 'r' as const)]));
    }
  }
  if (r.comparison && r.comparison.pairs.length) {
    parts.push(`## Comparison\n`);
    parts.push(comparisonMethod(r.comparison) + '\n');
    parts.push(tableMd(COMPARISON_HEADER, comparisonRows(r.comparison).map((x) => [...x.cells]), COMPARISON_NUMERIC.map((right) => (right ? 'r' : 'l'))));
  }
  if (r.comparison && r.comparison.events.length) {
    const cmp = r.comparison;
    const labels = cmp.table.map((t) => t.label).filter((l) => cmp.events.some((e) => e.returns[l] !== undefined && e.returns[l] !== null));
    parts.push(
      tableMd(
        ['event', 'symbol', 'date', ...labels],
        cmp.events.map((e) => [e.eventId, e.symbol, e.date ?? '–', ...labels.map((l) => pct(e.returns[l] ?? null))]),
        ['l', 'l', 'l', ...labels.map(() => 'r' as const)],
      ),
    );
  }
  for (const sw of r.sweeps) {
    parts.push(`## Sweep: ${md(sw.label)} (${sw.points.length} points, objective ${sw.objective})\n`);
    parts.push(`Fixed: ${paramsText(sw.base)}. Best on all events (in-sample): ${paramsText(sw.best?.params)}.` + (sw.outOfSample ? ` Out of sample (${sw.walkForward}): ${scoreText(sw.objective, sw.outOfSample)} over ${sw.outOfSample.events} event(s).\n` : '\n'));
    const { header, rows } = sweepRows(sw);
    parts.push(tableMd(header, rows.map((x) => x.cells), header.map((_, i) => (i > 0 && i < header.length - 1 ? 'r' : 'l'))));
    if (sw.folds.length) {
      const fr = foldRows(sw);
      parts.push(`Folds (${sw.walkForward ?? ''}): purged = training events whose trade shares a session with the test trades' span, for the fold's best in-sample point.\n`);
      parts.push(tableMd(fr.header, fr.rows.map((x) => x.cells), fr.header.map((_, i) => (i === 0 || (i >= 3 && i <= 6) || i >= 8 ? 'r' : 'l'))));
    }
  }
  if (r.spillovers.length) {
    parts.push(`## Spillovers\n`);
    parts.push(
      tableMd(
        ['event', 'related', 'relation', 'day 0', 'day-0 return', 'day-0 AR', ...wins.map((w) => `CAR ${windowLabel(w)}`), 'contaminated'],
        r.spillovers.map((s) => [s.eventId, s.symbol, s.relation, s.day0 ?? '–', pct(s.day0Return), pct(s.day0Abnormal), ...wins.map((_, i) => pct(s.car[i]?.car ?? null)), s.contaminated ? 'yes' : 'no']),
        ['l', 'l', 'l', 'l', 'r', 'r', ...wins.map(() => 'r' as const), 'l'],
      ),
    );
  }
  if (r.spilloverStudy.length) {
    parts.push(
      tableMd(
        ['pairs', 'N', 'AAR day 0', 't-test day 0', 'CAAR end of window', 'CAR test'],
        groupSummaries(r.spilloverStudy).map((g) => [
          g.name,
          String(g.n),
          pct(g.aar0),
          `${num(g.t0)}${g.t0Signif}`,
          pct(g.caarEnd),
          g.carTest ? `${g.carTest.test} ${windowLabel(g.carTest.window)}: ${num(g.carTest.stat)}${g.carTest.signif}` : '–',
        ]),
        ['l', 'r', 'r', 'r', 'r', 'l'],
      ),
    );
  }
  parts.push(`## Inputs\n`);
  parts.push(tableMd(['file', 'sha256'], m.inputs.map((i) => [i.file, `\`${i.sha256.slice(0, 16)}…\``])));
  return parts.join('\n');
}
