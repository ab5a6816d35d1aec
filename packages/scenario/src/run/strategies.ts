import type { BarSeries, IsoDate, MarketEvent, TradingCalendar } from '@aftershock/core';
import type { CostConfig, TradeCosts } from '@aftershock/engine';
import { PAIR_METRIC, type ComparisonPair, type ComparisonResult, type StrategyResult } from '@aftershock/report';
import { basename, extname, relative, sep } from 'node:path';
import { alphaBeta, comparePair, eventRows, loadedStrategyModule, paramNames, runStrategy, sharpe, STRATEGIES, type PairedDifference, type RunInputs, type StrategyRun, type StrategySpec } from '@aftershock/strategy';
import type { Scenario } from '../load/scenario';

/** The scenario's costs in engine terms. */
export function costConfig(s: Scenario): CostConfig {
  const c = s.costs;
  const htb = c.hardToBorrowBpsPerYear / 10_000;
  return {
    commission: { type: 'per-share', perShare: c.commissionPerShare, minimum: c.minCommission },
    slippage: { type: 'bps', bps: c.slippageBps },
    borrow: {
      annualRate: c.borrowBpsPerYear / 10_000,
      hardToBorrow: { rate: htb, listedWithinDays: 365 },
      ...(c.hardToBorrow.length ? { perSymbol: Object.fromEntries(c.hardToBorrow.map((sym) => [sym, htb])) } : {}),
    },
    dividends: true,
  };
}

/** Costs paid, as a positive amount: commission, slippage, borrow and dividends owed (engine amounts are ≤ 0). */
function paid(c: TradeCosts): number {
  return -(c.commission + c.slippage + c.borrow + Math.min(0, c.dividend));
}

type Param = number | string | boolean | readonly string[];

type Entry = Scenario['strategies'][number];

/** A scenario strategy's name: the built-in's, or a module's file name without its extension. */
export function entryName(st: Pick<Entry, 'name' | 'module'>): string {
  return st.name ?? basename(st.module ?? '', extname(st.module ?? ''));
}

/**
 * The money per trade a scenario's sizing gives a strategy that takes `notional` (its schema declares it) and does
 * not set it. Modules must be loaded first.
 */
export function defaultNotional(s: Pick<Scenario, 'sizing' | 'capital'>, st: Pick<Entry, 'name' | 'module'>, params: Readonly<Record<string, unknown>>): { notional?: number } {
  const schema = st.module !== undefined ? loadedStrategyModule(st.module).params : STRATEGIES[st.name ?? '']?.params;
  if (!paramNames(schema).includes('notional') || params['notional'] !== undefined) return {};
  return { notional: s.sizing.mode === 'fixed-notional' ? (s.sizing.notional ?? 10_000) : (s.sizing.fraction ?? 0.1) * s.capital };
}

/** One strategy configuration to run: the spec of @aftershock/strategy with a label and scenario-shaped params. */
export interface RunSpec {
  readonly name: string;
  readonly module?: string;
  readonly label: string;
  readonly params: Record<string, Param>;
}

/** The strategies to run as given (a strategy with a grid is swept instead; its best point is added by the sweep). */
export function strategySpecs(s: Pick<Scenario, 'strategies' | 'sizing' | 'capital'>): RunSpec[] {
  return s.strategies
    .filter((st) => st.grid === undefined)
    .map((st) => ({ name: entryName(st), ...(st.module !== undefined ? { module: st.module } : {}), label: st.label ?? entryName(st), params: { ...st.params, ...defaultNotional(s, st, st.params) } }));
}

export interface StrategyRunInput {
  readonly scenario: Scenario;
  /** Extra configurations to run after the scenario's own (the best points of sweeps). */
  readonly extra?: readonly RunSpec[];
  readonly bars: readonly BarSeries[];
  readonly events: readonly MarketEvent[];
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** The scenario's calendar (the bars' session ordinals are its own). */
  readonly calendar?: TradingCalendar;
}

function series(run: StrategyRun, bench: readonly number[], capital: number): Pick<StrategyResult, 'equity' | 'drawdown' | 'benchmark'> {
  const equity = run.equity.map((p) => ({ date: p.date, value: p.equity }));
  let peak = -Infinity;
  const drawdown = run.equity.map((p) => {
    peak = Math.max(peak, p.equity);
    return { date: p.date, value: peak > 0 ? p.equity / peak - 1 : 0 };
  });
  const b0 = bench.find(Number.isFinite);
  const benchmark = b0 === undefined ? [] : run.equity.flatMap((p, i) => (Number.isFinite(bench[i]!) ? [{ date: p.date, value: (capital * bench[i]!) / b0 }] : []));
  return { equity, drawdown, benchmark };
}

const withRolling = (r: StrategyResult['rolling']) => (r ? { rolling: r } : {});

/** Sessions in the rolling Sharpe and beta; a curve needs twice as many returns for them to be drawn. */
export const ROLLING_WINDOW = 63;

/**
 * Rolling annualised Sharpe (risk-free 0) and beta against the benchmark over the last ROLLING_WINDOW daily
 * returns, with @aftershock/strategy's definitions; null where undefined (no variance, or a benchmark gap in the
 * window). Empty for curves shorter than 2 × ROLLING_WINDOW returns.
 */
export function rollingStats(run: Pick<StrategyRun, 'equity'>, bench: readonly number[]): StrategyResult['rolling'] {
  const eq = run.equity;
  const n = eq.length - 1;
  if (n < 2 * ROLLING_WINDOW) return undefined;
  const rs = new Float64Array(n);
  const rb = new Float64Array(n);
  for (let i = 1; i <= n; i++) {
    rs[i - 1] = eq[i]!.equity / eq[i - 1]!.equity - 1;
    rb[i - 1] = bench[i]! / bench[i - 1]! - 1;
  }
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  const points: { date: IsoDate; sharpe: number | null; beta: number | null }[] = [];
  for (let end = ROLLING_WINDOW; end <= n; end++) {
    const s = rs.subarray(end - ROLLING_WINDOW, end);
    const b = rb.subarray(end - ROLLING_WINDOW, end);
    points.push({ date: eq[end]!.date, sharpe: fin(sharpe(s)), beta: b.every(Number.isFinite) ? fin(alphaBeta(s, b).beta) : null });
  }
  return { window: ROLLING_WINDOW, points };
}

/** The shared inputs of every strategy run and sweep of a scenario: same bars, events, period, costs and capital. */
export function strategyRunInputs(inp: Omit<StrategyRunInput, 'extra'>): RunInputs {
  const s = inp.scenario;
  return { bars: inp.bars, events: inp.events, benchmark: s.data.benchmark, start: inp.start, end: inp.end, costs: costConfig(s), initialCash: s.capital, ...(inp.calendar ? { calendar: inp.calendar } : {}) };
}

/** Runs every configured strategy on the same bars, events and costs, and shapes each run for the report. */
export function runStrategies(
  inp: StrategyRunInput,
  onProgress?: (label: string, index: number, count: number) => void,
): { results: StrategyResult[]; runs: StrategyRun[]; notes: string[]; specs: StrategySpec[]; inputs: RunInputs } {
  const s = inp.scenario;
  const runInputs = strategyRunInputs(inp);
  const results: StrategyResult[] = [];
  const runs: StrategyRun[] = [];
  const notes: string[] = [];
  const specs = [...strategySpecs(s), ...(inp.extra ?? [])];
  for (const [k, spec] of specs.entries()) {
    onProgress?.(spec.label, k, specs.length);
    const { run, result } = runStrategy(spec, runInputs);
    runs.push(run);
    const m = run.metrics;
    const costs = paid(result.costTotals);
    for (const sk of run.skipped) notes.push(`${spec.label}: skipped ${sk.eventId}: ${sk.reason}`);
    results.push({
      name: spec.name,
      ...(spec.module !== undefined ? { module: relative(s.dir, spec.module).split(sep).join('/') } : {}),
      label: spec.label,
      // Keys sorted, as report.json holds them, so a re-render from report.json lists them in the same order.
      params: Object.fromEntries(Object.entries(spec.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v])) as Record<string, number | string | boolean>,
      metrics: {
        totalReturn: m.period.totalReturn,
        cagr: m.period.cagr,
        sharpe: m.period.sharpe,
        sortino: m.period.sortino,
        calmar: m.period.calmar,
        maxDrawdown: -Math.abs(m.period.maxDrawdown),
        maxDrawdownDuration: m.period.maxDrawdownDuration,
        longestDrawdown: m.period.longestUnderwater,
        volatility: m.period.volatility,
        exposure: m.period.exposure,
        turnover: m.period.turnover,
        alpha: m.period.alpha,
        beta: m.period.beta,
        trades: m.trade.trades,
        hitRate: m.trade.hitRate,
        avgTradeReturn: m.trade.avgReturn,
        medianTradeReturn: m.trade.medianReturn,
        profitFactor: m.trade.profitFactor,
        expectancy: m.trade.expectancy,
        costs,
        costsByKind: m.trade.costs,
        finalEquity: result.finalEquity,
        caveats: run.caveats,
      },
      ...series(run, run.benchmark, s.capital),
      ...withRolling(rollingStats(run, run.benchmark)),
      trades: result.trades.map((t) => ({
        id: t.id,
        symbol: t.symbol,
        direction: t.direction,
        quantity: t.quantity,
        entryDate: t.entryDate,
        entryPrice: t.entryPrice,
        exitDate: t.exitDate ?? null,
        exitPrice: t.exitPrice ?? null,
        eventId: t.eventId ?? null,
        pnl: t.pnl,
        returnPct: t.returnPct,
        costs: paid(t.costs),
        sessionsHeld: t.sessionsHeld,
      })),
    });
  }
  return { results, runs, notes, specs, inputs: runInputs };
}

/** Up to this many configurations every pair is compared; beyond (large grids), each one against the first. */
export const MAX_ALL_PAIRS = 10;
const RESAMPLES = 10_000;

/**
 * The comparison of the runs (no strategy is run again): @aftershock/strategy's comparePair for each pair — the
 * per-event returns over the events both traded (true pairs), or the daily returns over the sessions both ran when no
 * event was traded by both — with n, t and a seeded paired bootstrap interval; the union-with-zeros figure labelled.
 */
export function compareRuns(results: readonly StrategyResult[], runs: readonly StrategyRun[], events: readonly MarketEvent[], seed: number): ComparisonResult {
  const rows = eventRows(runs, events);
  const order = rows.map((e) => e.eventId);
  const fin = (x: number | null | undefined) => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);
  const figure = (d: PairedDifference) => ({ n: d.n, meanDiff: fin(d.meanDiff), ci95: [fin(d.lo), fin(d.hi)] as [number | null, number | null], tStat: fin(d.tStat) });
  const pairs: ComparisonPair[] = [];
  const all = runs.length <= MAX_ALL_PAIRS;
  for (let i = 0; i < (all ? runs.length : 1); i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const p = comparePair(runs[i]!, runs[j]!, order, { resamples: RESAMPLES, seed });
      pairs.push({
        a: p.a,
        b: p.b,
        metric: p.basis === 'events' ? PAIR_METRIC.events : PAIR_METRIC.daily,
        ...figure(p.paired),
        events: p.events,
        unionWithZeros: p.unionWithZeros ? figure(p.unionWithZeros) : null,
      });
    }
  }
  const eventTable = rows.map((e) => ({ eventId: e.eventId, symbol: e.symbol, date: e.date, returns: Object.fromEntries(Object.entries(e.returns).map(([k, v]) => [k, fin(v)])) }));
  return { table: results.map((r) => ({ label: r.label, ...r.metrics })), pairs, events: eventTable, resamples: RESAMPLES, seed };
}
