import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown, type RunResult, type StrategyResult } from '@aftershock/report';
import { runScenario } from '@aftershock/scenario';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const FOCUS = join(REPO, '../shared/data/real/backtester39/focus');

/**
 * NVDA and MSFT earnings 2023–2025 with three strategies, one of them buy-and-hold of SPY with all the capital.
 * Every metric in report.json is recomputed here from the report's own trade list and series, by plain loops that
 * share no code with @aftershock/strategy.
 */
const SCENARIO = {
  name: 'metrics-check',
  data: { root: FOCUS, benchmark: 'SPY', dividends: 'total-return' },
  events: { files: ['data/earnings.csv'], kinds: ['earnings'], filters: { symbols: ['NVDA', 'MSFT'], from: '2023-01-01', to: '2025-12-31' } },
  study: { estimation: [-250, -11], window: [-5, 5], car: [[0, 1]] },
  strategies: [
    { name: 'earnings-reaction', label: 'follow', params: { mode: 'follow', threshold: 3, hold: 5 } },
    { name: 'hold-through', params: { side: 'long', before: 5, after: 5, kind: 'earnings' } },
    { name: 'buy-and-hold', params: { symbols: 'benchmark', notional: 100_000 } },
    { name: 'earnings-reaction', label: 'rare', params: { mode: 'fade', threshold: 15, hold: 2 } },
  ],
  sizing: { mode: 'fixed-notional', notional: 10_000 },
  period: { from: '2023-01-03', to: '2025-12-31' },
};

const returns = (xs: readonly number[]) => xs.slice(1).map((x, i) => x / xs[i]! - 1);
const avg = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** OLS slope and intercept of y on x. */
function ols(y: readonly number[], x: readonly number[]): { beta: number; alpha: number } {
  const mx = avg(x);
  const my = avg(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return { beta: sxy / sxx, alpha: my - (sxy / sxx) * mx };
}

/** Deepest drawdown, sessions from its peak to recovery (or the end), and the longest spell under a peak. */
function drawdowns(eq: readonly number[]): { depth: number; duration: number; longest: number } {
  let peak = 0;
  let depth = 0;
  let deepPeak = 0;
  for (let i = 1; i < eq.length; i++) {
    if (eq[i]! >= eq[peak]!) peak = i;
    else if (1 - eq[i]! / eq[peak]! > depth) {
      depth = 1 - eq[i]! / eq[peak]!;
      deepPeak = peak;
    }
  }
  let rec = eq.length - 1;
  for (let i = deepPeak + 1; i < eq.length; i++) {
    if (eq[i]! >= eq[deepPeak]! && eq.slice(deepPeak + 1, i).some((v) => v < eq[deepPeak]!)) {
      rec = i;
      break;
    }
  }
  // longest spell: sessions from a peak to the first close back at or above it (or to the end)
  let longest = 0;
  let p = 0;
  for (let i = 1; i <= eq.length; i++) {
    if (i === eq.length || eq[i]! >= eq[p]!) {
      const under = i - p - 1;
      if (under > 0) longest = Math.max(longest, i === eq.length ? eq.length - 1 - p : i - p);
      p = i;
    }
  }
  return { depth, duration: depth > 0 ? rec - deepPeak : 0, longest };
}

describe('every metric of every strategy, against an independent computation', () => {
  let r: RunResult;
  beforeAll(async () => {
    r = (await runScenario(SCENARIO, { baseDir: REPO })).result;
  });
  const each = (f: (s: StrategyResult) => void) => () => {
    for (const s of r.strategies.filter((x) => x.trades.length > 0)) f(s);
  };

  it(
    'per trade: profit factor, expectancy, median trade return from the trade list',
    each((s) => {
      const pnl = s.trades.map((t) => t.pnl);
      const wins = pnl.filter((x) => x > 0).reduce((a, b) => a + b, 0);
      const losses = -pnl.filter((x) => x < 0).reduce((a, b) => a + b, 0);
      if (losses > 0) expect(s.metrics.profitFactor, s.label).toBeCloseTo(wins / losses, 9);
      else expect(s.metrics.profitFactor === null || s.metrics.profitFactor === Infinity, s.label).toBe(true);
      expect(s.metrics.expectancy, s.label).toBeCloseTo(avg(pnl), 6);
      const rets = s.trades.map((t) => t.returnPct).sort((a, b) => a - b);
      const mid = rets.length / 2;
      const med = rets.length % 2 ? rets[Math.floor(mid)]! : (rets[mid - 1]! + rets[mid]!) / 2;
      expect(s.metrics.medianTradeReturn, s.label).toBeCloseTo(med, 12);
    }),
  );

  it(
    'per period: Calmar = CAGR / |max drawdown|; drawdown duration and longest drawdown from the equity curve',
    each((s) => {
      const eq = s.equity.map((p) => p.value);
      const cagr = (eq[eq.length - 1]! / eq[0]!) ** (252 / (eq.length - 1)) - 1;
      const dd = drawdowns(eq);
      expect(s.metrics.cagr, s.label).toBeCloseTo(cagr, 9);
      expect(-s.metrics.maxDrawdown, s.label).toBeCloseTo(dd.depth, 12);
      expect(s.metrics.calmar, s.label).toBeCloseTo(cagr / dd.depth, 9);
      expect(s.metrics.maxDrawdownDuration, s.label).toBe(dd.duration);
      expect(s.metrics.longestDrawdown, s.label).toBe(dd.longest);
      expect(s.metrics.longestDrawdown).toBeGreaterThanOrEqual(s.metrics.maxDrawdownDuration);
    }),
  );

  it(
    'alpha and beta: OLS of the strategy’s daily returns on the benchmark’s; turnover from the fills; costs by kind add up',
    each((s) => {
      const rs = returns(s.equity.map((p) => p.value));
      const rb = returns(s.benchmark.map((p) => p.value));
      const { beta, alpha } = ols(rs, rb);
      expect(s.metrics.beta, s.label).toBeCloseTo(beta, 9);
      expect(s.metrics.alpha, s.label).toBeCloseTo(alpha * 252, 9);
      const eq = s.equity.map((p) => p.value);
      const traded = s.trades.reduce((a, t) => a + t.quantity * (t.entryPrice + (t.exitPrice ?? 0)), 0);
      expect(s.metrics.turnover, s.label).toBeCloseTo((traded / avg(eq)) * (252 / (eq.length - 1)), 9);
      const k = s.metrics.costsByKind;
      // Total costs count dividends only when owed (a long's received dividends are income, not a negative cost).
      expect(k.commission + k.slippage + k.borrow + Math.max(0, k.dividends), s.label).toBeCloseTo(s.metrics.costs, 6);
      expect(k.commission).toBeGreaterThan(0);
    }),
  );

  it('the benchmark is on the strategy’s dividend basis: buy-and-hold of SPY has β ≈ 1 and α ≈ 0 (a price-only SPY would show ~+1.3% alpha)', () => {
    const bh = r.strategies.find((s) => s.name === 'buy-and-hold')!;
    // Dividends received stay in cash, so a few percent of equity is uninvested by the end: β a little under 1.
    expect(bh.metrics.beta).toBeGreaterThan(0.95);
    expect(Math.abs(bh.metrics.alpha)).toBeLessThan(0.003);
    // The same regression against SPY's raw closes, read from the file: the dividends show up as alpha.
    const raw = new Map(readFileSync(join(FOCUS, 'SPY.csv'), 'utf8').trim().split('\n').slice(1).map((l) => [l.split(',')[0]!, Number(l.split(',')[4])]));
    const rb = returns(bh.equity.map((p) => raw.get(p.date)!));
    const priceOnly = ols(returns(bh.equity.map((p) => p.value)), rb);
    expect(priceOnly.alpha * 252).toBeGreaterThan(0.008);
  });

  it('a metric that means little carries its caveat, in report.json and in the tables', () => {
    const rare = r.strategies.find((s) => s.label === 'rare')!;
    expect(rare.metrics.trades).toBeLessThanOrEqual(2);
    expect(rare.metrics.caveats['sortino']).toMatch(/only \d trades?/);
    expect(rare.metrics.caveats['profitFactor']).toMatch(/only \d trades?/);
    const md = renderMarkdown(r);
    const row = md.split('\n').find((l) => l.startsWith('| rare |') && l.includes('only'))!;
    expect(row).toMatch(/only \d trades?\)/);
    const follow = r.strategies.find((s) => s.label === 'follow')!;
    expect(follow.metrics.caveats['sharpe']).toBeUndefined();
    for (const h of ['Calmar', 'profit factor', 'expectancy', 'median trade', 'alpha (a year)', 'beta', 'turnover (a year)', 'max DD duration (sessions)', 'longest drawdown (sessions)', 'commission', 'slippage', 'borrow', 'dividends']) expect(md).toContain(`| ${h} |`);
  });
});
