import { costsText, escapeHtml, money, moneyTick, num, offsetLabel, pct, pctTick, windowLabel } from './format';
import { c, htmlTable, n } from './html-table';
import { REPORT_CSS, REPORT_JS } from './html-style';
import { lttbIndices } from './downsample';
import { groupSummaries } from './study-summary';
import { pivotCarTests } from './car-tests-pivot';
import { diffDigits, verdict } from './verdict';
import type { EventResult, RunResult, SeriesPoint, SpilloverResult, StrategyResult, StudyGroup } from './result-types';
import { histogram, lineChart, PALETTE } from './svg';

/** Largest number of points drawn per series; longer series are downsampled (LTTB) for the charts only. */
export const MAX_CHART_POINTS = 600;
/** At most this many per-event price charts are drawn (the table lists every event). */
export const MAX_EVENT_CHARTS = 120;


function dateTicks(points: readonly SeriesPoint[]): { x: number; label: string }[] {
  if (points.length === 0) return [];
  const out: { x: number; label: string }[] = [];
  const step = Math.max(1, Math.ceil(points.length / 7));
  for (let i = 0; i < points.length; i += step) out.push({ x: i, label: points[i]!.date });
  return out;
}

function seriesXY(points: readonly SeriesPoint[], scale = 1): { x: number[]; y: number[] } {
  const idx = lttbIndices(points.map((p) => p.value), MAX_CHART_POINTS);
  return { x: idx, y: idx.map((i) => points[i]!.value * scale) };
}

/** Four headline numbers under the title: the sample, the day-0 reaction, the best strategy, the spillover. */
function glance(r: RunResult): string {
  const cards: [string, string, string][] = [];
  const studied = r.events.filter((e) => !e.excluded).length;
  cards.push([String(r.events.length), 'events', `${studied} in the study, ${r.meta.dataRange.from} … ${r.meta.dataRange.to}`]);
  const all = r.study.groups[0];
  const day0 = all?.aar.find((a) => a.offset === 0);
  const t = all?.tests.rows.find((x) => x.offset === 0);
  const ti = all ? all.tests.tests.indexOf('t-test') : -1;
  if (day0) cards.push([pct(day0.aar, 1), 'average abnormal return on day 0', ti >= 0 && t ? `t = ${num(t.stats[ti] ?? null)}${t.signif[ti] ?? ''}, N = ${day0.n}` : `N = ${day0.n}`]);
  const big = [...r.events].filter((e) => e.reaction.day0Return !== null).sort((a, b) => Math.abs(b.reaction.day0Return!) - Math.abs(a.reaction.day0Return!))[0];
  if (big) cards.push([pct(big.reaction.day0Return, 1), `largest day-0 move: ${big.symbol} ${big.kind}`, `day 0 ${big.day0 ?? '–'} (event ${big.eventDate}, ${big.timing})`]);
  const best = [...r.strategies].sort((a, b) => b.metrics.totalReturn - a.metrics.totalReturn)[0];
  if (best) cards.push([pct(best.metrics.totalReturn, 1), `best strategy: ${best.label}`, `Sharpe ${num(best.metrics.sharpe)}, max drawdown ${pct(best.metrics.maxDrawdown, 2)}, ${best.metrics.trades} trade(s)`]);
  return `<div class="glance">${cards.map(([v, k, d]) => `<div class="g"><div class="gv">${escapeHtml(v)}</div><div class="gk">${escapeHtml(k)}</div><div class="gd">${escapeHtml(d)}</div></div>`).join('')}</div>`;
}

function metaSection(r: RunResult): string {
  const m = r.meta;
  const kv: [string, string][] = [
    ['scenario', m.scenario],
    ['data range', `${m.dataRange.from} … ${m.dataRange.to}`],
    ['benchmark', m.benchmark],
    ['profile', m.profile],
    ['model / returns', `${m.model} / ${m.returns}`],
    ['estimation window', `${windowLabel(m.windows.estimation)} sessions`],
    ['event window', `${windowLabel(m.windows.event)} sessions`],
    ['CAR windows', m.windows.car.map(windowLabel).join(', ')],
    ['dividends', m.dividends],
    ['capital', money(m.capital, 0)],
    ['costs', costsText(m.costs)],
    ['seed', String(m.seed)],
    ['aftershock', `${m.version} (result schema ${r.schemaVersion})`],
  ];
  const notes = m.notes.length ? `<h3>Notes</h3><ul>${m.notes.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : '';
  const inputs = `<details><summary>Input files (${m.inputs.length}) with sha256</summary>${htmlTable(['file', 'sha256'], m.inputs.map((i) => [c(i.file), c(i.sha256)]))}</details>`;
  return `<section id="run"><h2>What was run</h2><div class="kv">${kv.map(([k, v]) => `<div>${escapeHtml(k)}</div><div>${escapeHtml(v)}</div>`).join('')}</div>${notes}${inputs}</section>`;
}

function eventChart(e: EventResult): string {
  const p = e.pricePath;
  const title = `${e.symbol} · ${e.kind} ${e.eventDate} (${e.timing})`;
  const svg = lineChart({
    title,
    series: [{ name: `${e.symbol} close`, x: p.map((q) => q.offset), y: p.map((q) => q.close), color: PALETTE[0]! }],
    yFormat: (v, step) => money(v, step < 1 ? 2 : 0),
    yLabel: 'close ($)',
    xLabel: 'sessions from day 0',
    xFormat: offsetLabel,
    markers: e.day0 ? [{ x: 0, label: `day 0 ${e.day0}: ${pct(e.reaction.day0Return, 1)}` }] : [],
    dots: true,
    height: 250,
  });
  return `<div class="card">${svg}<p>${escapeHtml(e.day0Explanation)}</p></div>`;
}

function eventsSection(r: RunResult): string {
  const wins = r.meta.windows.car;
  const table = htmlTable(
    ['event', 'symbol', 'kind', 'event date', 'timing', 'day 0', 'day-0 return', 'day-0 AR', ...wins.map((w) => `CAR ${windowLabel(w)}`), 'in study'],
    r.events.map((e) => [
      c(e.id),
      c(e.symbol),
      c(e.kind),
      c(e.eventDate),
      c(e.timing),
      c(e.day0 ?? '–'),
      n(pct(e.reaction.day0Return), e.reaction.day0Return, true),
      n(pct(e.reaction.day0Abnormal), e.reaction.day0Abnormal, true),
      ...wins.map((_, i) => n(pct(e.reaction.car[i]?.car ?? null), e.reaction.car[i]?.car ?? null, true)),
      c(e.excluded ? `no: ${e.excluded}` : 'yes'),
    ]),
    [false, false, false, false, false, false, true, true, ...wins.map(() => true), false],
  );
  const charted = r.events.filter((e) => e.pricePath.length > 0).slice(0, MAX_EVENT_CHARTS);
  const more = r.events.length > charted.length ? `<p class="muted">Price charts for ${charted.length} of ${r.events.length} events.</p>` : '';
  return `<section id="events"><h2>Events (${r.events.length})</h2><p class="muted">Returns in percent; day-0 return is the raw close-to-close return of the day-0 session; AR and CAR are abnormal returns under the study's model.</p><div class="scroll">${table}</div><h3>Price around day 0</h3>${more}<div class="grid2">${charted.map(eventChart).join('\n')}</div></section>`;
}

function groupBlock(g: StudyGroup, i: number): string {
  const color = PALETTE[i % PALETTE.length]!;
  const chart = lineChart({
    title: `CAAR · ${g.name} (N = ${g.n})`,
    series: [{ name: 'CAAR', x: g.aar.map((a) => a.offset), y: g.aar.map((a) => a.caar), color }],
    band: { name: '95% band', x: g.aar.map((a) => a.offset), lo: g.aar.map((a) => a.caarLow), hi: g.aar.map((a) => a.caarHigh), color },
    yFormat: pctTick,
    yLabel: 'CAAR (%)',
    xLabel: 'sessions from day 0',
    xFormat: offsetLabel,
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
  const dist = histogram(`CAR ${windowLabel(g.carDistribution.window)} across events · ${g.name}`, g.carDistribution.values, pctTick, 'CAR (%)', color);
  return `<h3>${escapeHtml(g.name)} (${g.n} event${g.n === 1 ? '' : 's'})</h3><div class="grid2"><div class="card">${chart}</div><div class="card">${dist}</div></div><div class="scroll">${table}</div>${carTests}`;
}

function studySection(r: RunResult): string {
  if (r.study.groups.length === 0) return `<section id="study"><h2>Event study</h2><p class="muted">No event had enough data for the study.</p></section>`;
  return `<section id="study"><h2>Event study</h2><p class="muted">Test statistics per event day; <span class="sig">*</span> 10%, <span class="sig">**</span> 5%, <span class="sig">***</span> 1% (two-sided). The band is CAAR ± 1.96 × its standard error.</p>${r.study.groups.map(groupBlock).join('\n')}</section>`;
}

function strategyBlock(s: StrategyResult, i: number): string {
  const eq = seriesXY(s.equity);
  const bm = seriesXY(s.benchmark);
  const dd = seriesXY(s.drawdown);
  const ticks = dateTicks(s.equity);
  const equity = lineChart({
    title: `${s.label} · equity vs benchmark`,
    series: [
      { name: s.label, x: eq.x, y: eq.y, color: PALETTE[i % PALETTE.length]! },
      ...(bm.x.length ? [{ name: 'benchmark (same capital)', x: bm.x, y: bm.y, color: '#7a8394', dash: '5 4', width: 1.5 }] : []),
    ],
    yFormat: moneyTick,
    yLabel: 'equity ($)',
    xTicks: ticks,
    width: 1100,
    height: 300,
  });
  const draw = lineChart({
    title: `${s.label} · drawdown`,
    series: [{ name: 'drawdown', x: dd.x, y: dd.y, color: '#b3261e', area: true }],
    yFormat: pctTick,
    yLabel: 'drawdown (%)',
    xTicks: ticks,
    zeroLine: true,
    width: 1100,
    height: 200,
  });
  const trades = s.trades.length
    ? `<details><summary>Trades (${s.trades.length})</summary><div class="scroll">${htmlTable(
        ['#', 'symbol', 'side', 'shares', 'entry', 'entry price', 'exit', 'exit price', 'event', 'P&L', 'return', 'costs', 'sessions'],
        s.trades.map((t) => [
          n(String(t.id), t.id),
          c(t.symbol),
          c(t.direction),
          n(num(t.quantity, 0), t.quantity),
          c(t.entryDate),
          n(money(t.entryPrice), t.entryPrice),
          c(t.exitDate ?? 'open'),
          n(money(t.exitPrice), t.exitPrice),
          c(t.eventId ?? '–'),
          n(money(t.pnl), t.pnl, true),
          n(pct(t.returnPct), t.returnPct, true),
          n(money(t.costs), t.costs),
          n(String(t.sessionsHeld), t.sessionsHeld),
        ]),
        [true, false, false, true, false, true, false, true, false, true, true, true, true],
      )}</div></details>`
    : '<p class="muted">No trades.</p>';
  const params = Object.entries(s.params).map(([k, v]) => `${k} = ${String(v)}`).join(', ');
  return `<h3>${escapeHtml(s.label)}</h3><p class="muted">${escapeHtml(params || 'default parameters')}</p><div class="card">${equity}${draw}</div>${trades}`;
}

function strategiesSection(r: RunResult): string {
  if (r.strategies.length === 0) return '';
  const table = htmlTable(
    ['strategy', 'total return', 'CAGR', 'Sharpe', 'Sortino', 'max drawdown', 'volatility', 'exposure', 'trades', 'hit rate', 'avg trade', 'costs', 'final equity'],
    r.strategies.map((s) => {
      const m = s.metrics;
      return [
        c(s.label),
        n(pct(m.totalReturn), m.totalReturn, true),
        n(pct(m.cagr), m.cagr, true),
        n(num(m.sharpe), m.sharpe),
        n(num(m.sortino), m.sortino),
        n(pct(m.maxDrawdown), m.maxDrawdown),
        n(pct(m.volatility), m.volatility),
        n(pct(m.exposure, 1), m.exposure),
        n(String(m.trades), m.trades),
        n(pct(m.hitRate, 1), m.hitRate),
        n(pct(m.avgTradeReturn), m.avgTradeReturn, true),
        n(money(m.costs), m.costs),
        n(money(m.finalEquity, 0), m.finalEquity),
      ];
    }),
    [false, ...new Array<boolean>(12).fill(true)],
  );
  return `<section id="strategies"><h2>Strategies</h2><p class="muted">Returns, drawdown, volatility and exposure in percent (volatility and CAGR annualised over 252 sessions); Sharpe and Sortino annualised, risk-free rate 0; costs in dollars.</p><div class="scroll">${table}</div>${r.strategies.map(strategyBlock).join('\n')}</section>`;
}

function comparisonSection(r: RunResult): string {
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

function spilloverSection(r: RunResult): string {
  if (r.spillovers.length === 0) return '';
  const byEvent = new Map<string, SpilloverResult[]>();
  for (const s of r.spillovers) byEvent.set(s.eventId, [...(byEvent.get(s.eventId) ?? []), s]);
  const charts: string[] = [];
  for (const [eventId, list] of byEvent) {
    const ev = r.events.find((e) => e.id === eventId);
    const own = ev ? [{ name: `${ev.symbol} (event company)`, x: ev.carPath.map((p) => p.offset), y: ev.carPath.map((p) => p.car), color: '#000000', width: 2.5 }] : [];
    const rel = list.map((s, i) => ({ name: `${s.symbol}${s.relation ? ' · ' + s.relation : ''}${s.contaminated ? ' ⚠' : ''}`, x: s.carPath.map((p) => p.offset), y: s.carPath.map((p) => p.car), color: PALETTE[i % PALETTE.length]!, ...(s.contaminated ? { dash: '3 3' } : {}) }));
    charts.push(
      `<div class="card">${lineChart({
        title: `CAR around ${ev ? `${ev.symbol} ${ev.kind} day 0 ${ev.day0 ?? ''}` : eventId}`,
        series: [...own, ...rel],
        yFormat: pctTick,
        yLabel: 'CAR (%)',
        xLabel: 'sessions from the event company\u2019s day 0',
        xFormat: offsetLabel,
        markers: [{ x: 0, label: 'day 0' }],
        zeroLine: true,
        dots: true,
      })}</div>`,
    );
  }
  const wins = r.meta.windows.car;
  const table = htmlTable(
    ['event', 'related', 'relation', 'day 0', 'day-0 return', 'day-0 AR', ...wins.map((w) => `CAR ${windowLabel(w)}`), 'own event in window'],
    r.spillovers.map((s) => [
      c(s.eventId),
      c(s.symbol),
      c(s.relation || '–'),
      c(s.day0 ?? '–'),
      n(pct(s.day0Return), s.day0Return, true),
      n(pct(s.day0Abnormal), s.day0Abnormal, true),
      ...wins.map((_, i) => n(pct(s.car[i]?.car ?? null), s.car[i]?.car ?? null, true)),
      c(s.contaminated ? 'yes (contaminated)' : 'no'),
    ]),
    [false, false, false, false, true, true, ...wins.map(() => true), false],
  );
  const sums = groupSummaries(r.spilloverStudy);
  const tests = sums.length
    ? `<h3>Tests across pairs</h3>${htmlTable(
        ['pairs', 'N', 'AAR day 0', 't-test day 0', 'CAAR end of window', 'CAR test'],
        sums.map((g) => [
          c(g.name),
          n(String(g.n), g.n),
          n(pct(g.aar0), g.aar0, true),
          n(`${num(g.t0)}${g.t0Signif}`, g.t0),
          n(pct(g.caarEnd), g.caarEnd, true),
          c(g.carTest ? `${g.carTest.test} ${windowLabel(g.carTest.window)}: ${num(g.carTest.stat)}${g.carTest.signif}` : '–'),
        ]),
        [false, true, true, true, true, false],
      )}`
    : '';
  return `<section id="spillovers"><h2>Spillovers: related symbols</h2><p class="muted">How related stocks reacted to the event company's news, on the event company's day 0. A dashed line (⚠) marks a pair where the related symbol had its own event inside the window (contaminated).</p><div class="grid2">${charts.join('\n')}</div><div class="scroll">${table}</div>${tests}</section>`;
}

/** Embeds JSON in a script element safely: `<`, `>` and `&` are written as unicode escapes. */
function embedJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * `report.html`: one self-contained page (inline CSS, SVG charts, a small sorting script and the result data; no
 * network). Every input text is escaped. `json` is the result as rendered by renderJson (embedded for scripting).
 */
export function renderHtml(r: RunResult, json?: string): string {
  const sections = [metaSection(r), eventsSection(r), studySection(r), strategiesSection(r), comparisonSection(r), spilloverSection(r)].filter(Boolean);
  const nav = [
    ['run', 'What was run'],
    ['events', 'Events'],
    ['study', 'Event study'],
    ...(r.strategies.length ? [['strategies', 'Strategies']] : []),
    ...(r.comparison?.pairs.length ? [['comparison', 'Comparison']] : []),
    ...(r.spillovers.length ? [['spillovers', 'Spillovers']] : []),
  ];
  const data = json !== undefined && json.length < 2_000_000 ? `<script type="application/json" id="aftershock-data">${embedJson(json)}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(r.meta.scenario)} · aftershock report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top"><div class="in"><h1>${escapeHtml(r.meta.scenario)}</h1><p>${escapeHtml(r.meta.description)}</p><nav>${nav.map(([id, label]) => `<a href="#${id}">${escapeHtml(label!)}</a>`).join('')}</nav></div></header>
<main>
${glance(r)}
${sections.join('\n')}
<footer>aftershock ${escapeHtml(r.meta.version)} · result schema ${r.schemaVersion} · data ${escapeHtml(r.meta.dataRange.from)} … ${escapeHtml(r.meta.dataRange.to)}</footer>
</main>
${data}
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
