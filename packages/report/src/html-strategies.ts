import { escapeHtml, money, moneyTick, num, pct, pctTick } from './format';
import { c, htmlTable, n } from './html-table';
import { lttbIndices } from './downsample';
import type { RunResult, SeriesPoint, StrategyResult } from './result-types';
import { lineChart, PALETTE } from './svg';

/** Largest number of points drawn per series; longer series are downsampled (LTTB) for the charts only. */
export const MAX_CHART_POINTS = 600;
/** At most this many strategies get their own equity and drawdown charts (the table lists every one). */
export const MAX_STRATEGY_CHARTS = 12;

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

export function strategiesSection(r: RunResult): string {
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
  return `<section id="strategies"><h2>Strategies</h2><p class="muted">Returns, drawdown, volatility and exposure in percent (volatility and CAGR annualised over 252 sessions); Sharpe and Sortino annualised, risk-free rate 0; costs in dollars.</p><div class="scroll">${table}</div>${r.strategies.slice(0, MAX_STRATEGY_CHARTS).map(strategyBlock).join('\n')}${r.strategies.length > MAX_STRATEGY_CHARTS ? `<p class="muted">Charts for the first ${MAX_STRATEGY_CHARTS} of ${r.strategies.length} configurations; report.json and trades.csv hold every one.</p>` : ''}</section>`;
}
