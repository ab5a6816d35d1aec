import { METRIC_GROUP_TITLES, caveatOf, metricCols, type MetricCol } from './metric-table';
import { escapeHtml, money, num, pct } from './format';
import { c, htmlTable, n } from './html-table';
import { tsFigure } from './html-ts-chart';
import type { RunResult, StrategyResult } from './result-types';
import { benchmarkAtWork, monthlyReturns, sharedIndices } from './strategy-views';
import { PALETTE } from './svg';

/** Largest number of points drawn per series; longer series are downsampled (LTTB) for the charts only. */
export const MAX_CHART_POINTS = 600;
/** At most this many strategies get their own equity and drawdown charts (the table lists every one). */
export const MAX_STRATEGY_CHARTS = 12;

/** A strategy's colour, shared by its equity line and its trade marks on the event charts. */
export function strategyColor(i: number): string {
  return PALETTE[(i + 1) % PALETTE.length]!;
}

/** Values with gaps carried forward, for choosing which points to draw (never for drawing). */
const filled = (v: readonly (number | null)[]) => {
  let last = 0;
  return v.map((x) => (x === null || !Number.isFinite(x) ? last : (last = x)));
};

function equityCharts(s: StrategyResult, i: number, capital: number): string {
  const atWork = benchmarkAtWork(s.equity, s.benchmark, s.trades, capital);
  const bench = new Map(s.benchmark.map((p) => [p.date, p.value]));
  const full = s.equity.map((p) => bench.get(p.date) ?? null);
  const work = atWork.map((p) => p.value);
  let peak = -Infinity;
  const workDd = work.map((v) => ((peak = Math.max(peak, v)), peak > 0 ? v / peak - 1 : 0));
  const eq = s.equity.map((p) => p.value);
  const dd = s.drawdown.map((p) => p.value);
  const idx = sharedIndices([eq, ...(work.length ? [work] : []), filled(full), dd], MAX_CHART_POINTS);
  const pick = <T>(v: readonly T[]) => idx.map((k) => v[k] ?? null);
  const dates = idx.map((k) => s.equity[k]!.date);
  const sync = `strategy-${i}`;
  const color = strategyColor(i);
  const equity = tsFigure(
    {
      title: `${s.label} · equity vs benchmark`,
      xKind: 'date',
      x: idx,
      dates,
      series: [
        { name: s.label, values: pick(eq), color, format: 'money' },
        ...(work.length ? [{ name: 'benchmark, same capital at work', values: pick(work), color: '#7a8394', dash: [5, 4], width: 1.5, format: 'money' as const }] : []),
        ...(s.benchmark.length ? [{ name: 'benchmark, all capital', values: pick(full), color: '#b8bfcc', dash: [2, 3], width: 1.2, format: 'money' as const, hidden: true }] : []),
      ],
      yFormat: 'money',
      yLabel: 'equity ($)',
      height: 300,
      sync,
      yAxisWidth: 84,
    },
    1100,
  );
  const draw = tsFigure(
    {
      title: `${s.label} · drawdown`,
      xKind: 'date',
      x: idx,
      dates,
      series: [
        { name: 'drawdown', values: pick(dd), color: '#b3261e', area: true, format: 'pct' },
        ...(work.length ? [{ name: 'benchmark at work, drawdown', values: pick(workDd), color: '#7a8394', dash: [5, 4], width: 1.2, format: 'pct' as const }] : []),
      ],
      yFormat: 'pct',
      yLabel: 'drawdown (%)',
      zeroLine: true,
      height: 200,
      sync,
      yAxisWidth: 84,
    },
    1100,
  );
  return equity + draw + rollingCharts(s, sync);
}

function rollingCharts(s: StrategyResult, sync: string): string {
  const r = s.rolling;
  if (!r || r.points.length === 0) return `<p class="muted">No rolling Sharpe or beta: the curve has fewer than ${2 * 63} daily returns.</p>`;
  const sh = r.points.map((p) => p.sharpe);
  const be = r.points.map((p) => p.beta);
  const idx = sharedIndices([filled(sh), filled(be)], MAX_CHART_POINTS);
  const dates = idx.map((k) => r.points[k]!.date);
  const chart = (name: string, v: readonly (number | null)[], color: string, label: string) =>
    tsFigure({ title: `${s.label} · rolling ${r.window}-session ${name}`, xKind: 'date', x: idx, dates, series: [{ name, values: idx.map((k) => v[k] ?? null), color, format: 'num' }], yFormat: 'num', yLabel: label, zeroLine: true, height: 200, sync, yAxisWidth: 84 });
  return `<div class="grid2">${chart('Sharpe', sh, '#0072B2', 'Sharpe, annualised')}${chart('beta', be, '#D55E00', 'beta')}</div>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Year × month returns of the equity curve (on the whole capital), with the year compounded. */
function monthlyTable(s: StrategyResult): string {
  const rows = monthlyReturns(s.equity);
  if (rows.length === 0) return '';
  return `<h4>Monthly returns (on the whole capital)</h4>${htmlTable(
    ['year', ...MONTHS, 'year'],
    rows.map((r) => [c(String(r.year)), ...r.months.map((m) => n(m === null ? '' : pct(m), m, true)), n(pct(r.total), r.total, true)]),
    [false, ...new Array<boolean>(13).fill(true)],
    'monthly',
  )}`;
}

function strategyBlock(s: StrategyResult, i: number, capital: number): string {
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
  const charts = s.trades.length > 0 ? `<div class="card">${equityCharts(s, i, capital)}</div>${monthlyTable(s)}` : `<p class="muted">No trades: the equity stays at ${escapeHtml(money(s.equity[0]?.value ?? capital, 0))}, so there is no curve to draw.</p>`;
  return `<h3>${escapeHtml(s.label)}</h3><p class="muted">${escapeHtml(params || 'default parameters')}</p>${charts}${trades}`;
}

/** The caveats of a table's marked (†) figures, below it: keeps the columns narrow. */
function caveatNotes(strategies: readonly StrategyResult[], cols: readonly MetricCol[]): string {
  const notes = strategies.flatMap((s) => cols.flatMap((x) => (caveatOf(s, x) ? [`${s.label}, ${x.label}: ${caveatOf(s, x)}`] : [])));
  return notes.length ? `<p class="muted">† ${notes.map(escapeHtml).join('; ')}.</p>` : '';
}

export function strategiesSection(r: RunResult): string {
  if (r.strategies.length === 0) return '';
  // One table per kind of metric (period, trade, costs): numbers of different kinds are never side by side.
  const table = (['period', 'trade', 'costs'] as const)
    .map((g) => {
      const cols = metricCols(g);
      return `<h4>${escapeHtml(METRIC_GROUP_TITLES[g])}</h4><div class="scroll">${htmlTable(
        ['strategy', ...cols.map((x) => x.label)],
        r.strategies.map((s) => [c(s.label), ...cols.map((x) => n(x.text(x.value(s.metrics)) + (caveatOf(s, x) ? ' †' : ''), x.value(s.metrics) ?? null))]),
        [false, ...cols.map(() => true)],
      )}</div>${caveatNotes(r.strategies, cols)}`;
    })
    .join('');
  return `<section id="strategies"><h2>Strategies</h2><p class="muted">Returns, drawdown, volatility and exposure in percent (volatility and CAGR annualised over 252 sessions); Sharpe and Sortino annualised, risk-free rate 0; costs in dollars; a figure that means little here carries its caveat in brackets. Each equity chart sets the strategy against the benchmark held with the same capital at work: every session a trade is open, the money it put in (shares × entry price) earns the benchmark's return instead; the benchmark with all the capital is one click away in the chart's legend.</p>${table}${r.strategies.slice(0, MAX_STRATEGY_CHARTS).map((s, i) => strategyBlock(s, i, r.meta.capital)).join('\n')}${r.strategies.length > MAX_STRATEGY_CHARTS ? `<p class="muted">Charts for the first ${MAX_STRATEGY_CHARTS} of ${r.strategies.length} configurations; report.json and trades.csv hold every one.</p>` : ''}</section>`;
}
