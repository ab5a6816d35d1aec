import type { EventResult, RunResult, SeriesPoint, StrategyResult } from '../src/result-types';
import { RESULT_SCHEMA_VERSION } from '../src/result-types';

/** A deterministic pseudo-random walk, so fixtures need no randomness source. */
function walk(n: number, start: number, seed: number): number[] {
  const out: number[] = [];
  let v = start;
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    v *= 1 + ((s / 2147483648) - 0.5) * 0.04;
    out.push(v);
  }
  return out;
}

function dates(n: number): string[] {
  const out: string[] = [];
  let d = Date.UTC(2025, 0, 2);
  while (out.length < n) {
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(d).toISOString().slice(0, 10));
    d += 86_400_000;
  }
  return out;
}

function event(id: string, symbol: string, day0Return: number, seed: number): EventResult {
  const path = walk(21, 100, seed);
  return {
    id,
    symbol,
    kind: 'earnings',
    eventDate: '2025-08-12',
    timing: 'after-close',
    day0: '2025-08-13',
    day0Explanation: 'earnings released after the close on 2025-08-12: day 0 is the next session, 2025-08-13',
    groups: { kind: 'earnings' },
    tags: {},
    reaction: { day0Return, day0Abnormal: day0Return + 0.01, car: [{ window: [0, 0], car: day0Return }, { window: [-1, 1], car: day0Return * 1.3 }] },
    pricePath: path.map((close, i) => ({ offset: i - 10, date: `2025-08-${String(i + 1).padStart(2, '0')}`, close })),
    carPath: path.slice(5, 16).map((_, i) => ({ offset: i - 5, car: i < 5 ? 0.001 * i : day0Return })),
  };
}

function strategy(label: string, n: number, seed: number): StrategyResult {
  const ds = dates(n);
  const eq = walk(n, 100_000, seed);
  const bm = walk(n, 100_000, seed + 7);
  let peak = -Infinity;
  const series = (v: number[]): SeriesPoint[] => v.map((value, i) => ({ date: ds[i]!, value }));
  return {
    name: label,
    label,
    params: { hold: 3 },
    metrics: { totalReturn: eq[n - 1]! / 1e5 - 1, cagr: 0.1, sharpe: 1.2, sortino: 1.5, maxDrawdown: -0.12, volatility: 0.2, exposure: 0.3, trades: 2, hitRate: 0.5, avgTradeReturn: 0.01, costs: 12.5, finalEquity: eq[n - 1]!,
      calmar: 0.83, maxDrawdownDuration: 12, longestDrawdown: 15, turnover: 1.4, alpha: 0.02, beta: 0.9, medianTradeReturn: 0.01, profitFactor: 1.8, expectancy: 55.25,
      costsByKind: { commission: 4, slippage: 6.5, borrow: 2, dividends: 0 }, caveats: { sortino: 'only 2 trades', profitFactor: 'only 2 trades' } },
    equity: series(eq),
    drawdown: eq.map((v, i) => {
      peak = Math.max(peak, v);
      return { date: ds[i]!, value: v / peak - 1 };
    }),
    benchmark: series(bm),
    trades: [
      { id: 1, symbol: 'CRWV', direction: 'short', quantity: 100, entryDate: ds[1]!, entryPrice: 148.75, exitDate: ds[3]!, exitPrice: 99.5, eventId: 'e1', pnl: 4925, returnPct: 0.331, costs: 6.2, sessionsHeld: 3 },
    ],
  };
}

/** A complete result with every section filled; `symbol` and `name` let a test inject hostile text. */
export function sampleResult(opts: { name?: string; symbol?: string; sessions?: number } = {}): RunResult {
  const sym = opts.symbol ?? 'CRWV';
  const events = [event('e1', sym, -0.2083, 3), event('e2', 'NVDA', 0.031, 5)];
  const offsets = Array.from({ length: 11 }, (_, i) => i - 5);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    meta: {
      scenario: opts.name ?? 'sample',
      description: 'A sample result built in the test.',
      dataRange: { from: '2025-01-02', to: '2025-12-31' },
      benchmark: 'SPY',
      profile: 'textbook',
      model: 'market',
      returns: 'simple',
      dividends: 'raw',
      windows: { estimation: [-250, -11], event: [-5, 5], car: [[0, 0], [-1, 1]] },
      costs: { commissionPerShare: 0.005, slippageBps: 5 },
      capital: 100_000,
      seed: 42,
      inputs: [{ file: 'scenario.yaml', sha256: 'ab'.repeat(32) }],
      version: '0.1.0',
      notes: ['a note'],
    },
    events,
    study: {
      groups: [
        {
          name: 'all',
          n: 2,
          aar: offsets.map((o) => ({ offset: o, n: 2, aar: o === 0 ? -0.09 : 0.001, caar: o < 0 ? 0.001 * (o + 6) : -0.09, caarLow: -0.15, caarHigh: o < 0 ? 0.02 : -0.03 })),
          tests: { tests: ['t-test', 'Patell'], rows: offsets.map((o) => ({ offset: o, stats: [o === 0 ? -3.1 : 0.2, NaN], signif: [o === 0 ? '***' : '', ''] })) },
          carTests: [{ window: [0, 0], test: 'Brown–Warner 1985', caar: -0.09, stat: -2.5, signif: '**' }],
          carDistribution: { window: [0, 0], values: [-0.2083, 0.031] },
        },
      ],
    },
    strategies: [strategy('lockup-short', opts.sessions ?? 250, 11), strategy('buy-and-hold', opts.sessions ?? 250, 13)],
    comparison: {
      table: [],
      pairs: [
        {
          a: 'lockup-short', b: 'buy-and-hold', metric: 'per-event return, events both traded', n: 2, meanDiff: 0.12, ci95: [0.01, 0.3], tStat: 1.85,
          events: { both: 2, onlyA: 1, onlyB: 0 }, unionWithZeros: { n: 3, meanDiff: 0.09, ci95: [-0.02, 0.28], tStat: 1.2 },
        },
      ],
      events: [{ eventId: 'e1', symbol: sym, date: '2025-08-12', returns: { 'lockup-short': 0.2, 'buy-and-hold': null } }],
      resamples: 10000,
      seed: 42,
    },
    spilloverStudy: [],
    sweeps: [
      {
        label: 'lockup-short',
        strategy: 'lockup-short',
        objective: 'event.meanReturn',
        base: { notional: 10000 },
        grid: { before: [1, 2], after: [1, 2] },
        points: [1, 2].flatMap((b) => [1, 2].map((a) => ({ params: { before: b, after: a }, all: { events: 8, meanReturn: 0.01 * (a + b), tStat: a - b, trades: 8, netPnl: 100 * a, hitRate: 0.5, score: 0.01 * (a + b) } }))),
        best: { params: { before: 2, after: 2 }, score: 0.04 },
        walkForward: 'anchored walk-forward, 2 folds',
        folds: [{ trainRange: ['2019-01-01', '2021-01-01'], testRange: ['2021-02-01', '2022-01-01'], bestParams: { before: 2, after: 2 }, inSample: null, outOfSample: null }],
        outOfSample: { events: 4, meanReturn: 0.012, tStat: 1.1, trades: 4, netPnl: 40, hitRate: 0.5, score: 0.012 },
      },
    ],
    spillovers: [
      { eventId: 'e1', eventSymbol: sym, symbol: 'NVDA', relation: 'supplier', day0: '2025-08-13', day0Return: -0.0086, day0Abnormal: -0.004, car: [{ window: [0, 0], car: -0.004 }, { window: [-1, 1], car: 0.01 }], contaminated: false, carPath: offsets.map((o) => ({ offset: o, car: o * 0.001 })) },
      { eventId: 'e1', eventSymbol: sym, symbol: 'MSFT', relation: 'customer', day0: '2025-08-13', day0Return: 0.0012, day0Abnormal: 0.001, car: [{ window: [0, 0], car: 0.001 }, { window: [-1, 1], car: null }], contaminated: true, carPath: offsets.map((o) => ({ offset: o, car: -o * 0.0005 })) },
    ],
  };
}
