import { escapeHtml, num, offsetLabel, pct, pctTick, windowLabel } from './format';
import { c, htmlTable, n } from './html-table';
import { pivotCarTests } from './car-tests-pivot';
import { calendarTimeRows, calendarTimeSentence } from './calendar-time-view';
import { volumeSentence, volumeTables } from './volume-view';
import type { RunResult, StudyGroup } from './result-types';
import { tsFigure } from './html-ts-chart';
import { histogram, PALETTE } from './svg';

/** Fewer CARs than this are listed in a sentence: a histogram of one to four values says nothing. */
export const MIN_HISTOGRAM_VALUES = 5;

function carDistribution(g: StudyGroup, color: string): string {
  const d = g.carDistribution;
  const title = `CAR ${windowLabel(d.window)} across events · ${g.name}`;
  if (d.values.length >= MIN_HISTOGRAM_VALUES) return histogram(title, d.values, pctTick, 'CAR (%)', color);
  const list = d.values.length ? d.values.map((v) => pct(v)).join(', ') : 'none';
  return `<p class="chart-note"><b>${escapeHtml(title)}</b><br>${d.values.length === 1 ? 'One event' : `${d.values.length} events`}, too few for a distribution: ${escapeHtml(list)}.</p>`;
}

function groupBlock(g: StudyGroup, i: number): string {
  const color = PALETTE[i % PALETTE.length]!;
  const chart = tsFigure({
    title: `CAAR · ${g.name} (N = ${g.n})`,
    xKind: 'offset',
    x: g.aar.map((a) => a.offset),
    series: [
      { name: 'CAAR', values: g.aar.map((a) => a.caar), color, format: 'pct' },
      { name: '95% band, high', values: g.aar.map((a) => a.caarHigh), color, width: 0.8, dash: [2, 3], format: 'pct' },
      { name: '95% band, low', values: g.aar.map((a) => a.caarLow), color, width: 0.8, dash: [2, 3], format: 'pct' },
      { name: 'AAR', values: g.aar.map((a) => a.aar), color: '#7a8394', width: 1, format: 'pct', hidden: true },
    ],
    band: { hi: 1, lo: 2, name: '95% band' },
    yFormat: 'pct',
    yLabel: 'CAAR (%)',
    xLabel: 'sessions from day 0',
    markers: [{ x: 0, label: 'day 0' }],
    zeroLine: true,
    dots: true,
  });
  const tt = g.tests;
  const rows = g.aar.map((a) => {
    const t = tt.rows.find((x) => x.offset === a.offset);
    return [
      c(offsetLabel(a.offset)),
      n(String(a.n), a.n),
      n(pct(a.aar), a.aar, true),
      n(pct(a.caar), a.caar, true),
      ...tt.tests.map((_, k) => n(`${num(t?.stats[k] ?? null)}${t?.signif[k] ?? ''}`, t?.stats[k] ?? null)),
    ];
  });
  const table = htmlTable(['day', 'N', 'AAR', 'CAAR', ...tt.tests], rows, [false, true, true, true, ...tt.tests.map(() => true)]);
  const pv = pivotCarTests(g.carTests);
  const carTests = g.carTests.length
    ? htmlTable(
        ['CAR window', 'CAAR', ...pv.names],
        pv.rows.map((r) => [c(windowLabel(r.window)), n(pct(r.caar), r.caar, true), ...r.cells.map((t) => n(t ? `${num(t.stat)}${t.signif}` : '–', t?.stat ?? null))]),
        [false, true, ...pv.names.map(() => true)],
      )
    : '';
  const dist = carDistribution(g, color);
  const w = windowExtras(g);
  const extras = w.length
    ? htmlTable(
        ['CAR window', 'mean BHAR', 'N (BHAR)', 'bootstrap CAAR', 'bootstrap interval'],
        w.map((x) => [c(windowLabel(x.window)), n(pct(x.bhar), x.bhar, true), n(String(x.n), x.n), n(pct(x.caar), x.caar, true), c(x.interval)]),
        [false, true, true, true, false],
      )
    : '';
  return `<h3>${escapeHtml(g.name)} (${g.n} event${g.n === 1 ? '' : 's'})</h3><div class="grid2"><div class="card">${chart}</div><div class="card">${dist}</div></div><div class="scroll">${table}</div>${carTests}${extras}`;
}

/** Per CAR window: the mean BHAR and the bootstrap interval of CAAR, labelled with its level and resamples. */
export function windowExtras(g: StudyGroup): { window: readonly [number, number]; bhar: number | null; n: number; caar: number | null; interval: string }[] {
  const same = (a: readonly [number, number], b: readonly [number, number]) => a[0] === b[0] && a[1] === b[1];
  const windows = g.bhar?.map((b) => b.window) ?? g.bootstrap?.map((b) => b.window) ?? [];
  return windows.map((window) => {
    const b = g.bhar?.find((x) => same(x.window, window));
    const bs = g.bootstrap?.find((x) => same(x.window, window));
    const interval = bs ? `${Math.round(bs.level * 100)}% [${pct(bs.lower)}, ${pct(bs.upper)}] (${bs.samples} resamples)` : '–';
    return { window, bhar: b?.mean ?? null, n: b?.n ?? 0, caar: bs?.caar ?? null, interval };
  });
}

function calendarTimeBlock(r: RunResult): string {
  const ct = r.study.calendarTime;
  if (!ct) return '';
  const t = calendarTimeRows(ct);
  const table = htmlTable(t.header, t.rows.map((x) => x.cells.map((cell, k) => (k === 0 ? c(cell) : n(cell, x.values[k])))), t.header.map((_, k) => k > 0));
  return `<h3 id="calendar-time">Calendar-time portfolio</h3><p class="muted">${escapeHtml(calendarTimeSentence(ct))}</p>${table}`;
}

function volumeBlock(r: RunResult): string {
  const v = r.study.volume;
  if (!v) return '';
  const t = volumeTables(v);
  const table = (x: typeof t.days) => htmlTable(x.header, x.rows.map((row) => row.cells.map((cell, k) => (k === 0 ? c(cell) : n(cell, row.values[k], k === 2 || k === 3)))), x.header.map((_, k) => k > 0));
  const excluded = t.excluded.length ? `<ul>${t.excluded.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : '';
  return `<h3 id="abnormal-volume">Abnormal volume</h3><p class="muted">${escapeHtml(volumeSentence(v))}</p><div class="scroll">${table(t.days)}</div>${t.windows.rows.length ? table(t.windows) : ''}${excluded}`;
}

export function studySection(r: RunResult): string {
  if (r.study.groups.length === 0) return `<section id="study"><h2>Event study</h2><p class="muted">No event had enough data for the study.</p></section>`;
  return `<section id="study"><h2>Event study</h2><p class="muted">Test statistics per event day; <span class="sig">*</span> 10%, <span class="sig">**</span> 5%, <span class="sig">***</span> 1% (two-sided). The band is CAAR ± 1.96 × its standard error (Brown–Warner 1985's S_A); the seeded bootstrap interval of CAAR, from resampled firm CARs, is its own row per CAR window. Wilcoxon is shown as its standardised z (raw W+ in report.json).</p>${r.study.groups.map(groupBlock).join('\n')}${calendarTimeBlock(r)}${volumeBlock(r)}</section>`;
}
