import type { TradingCalendar } from '@aftershock/core';
import { QueueClient, queueEvaluator } from '@aftershock/strategy';
import { codeVersion } from '../code-version';
import { priceRoots } from '../load/roots';
import { queueContext } from './queue-jobs';
import { RESULT_SCHEMA_VERSION, type RunResult, type SessionWindow } from '@aftershock/report';
import { TEXTBOOK_CHOICES } from '@aftershock/study';
import { VERSION } from '../version';
import { loadScenarioWithModules } from '../load/load';
import type { Scenario } from '../load/scenario';
import { scenarioCalendar } from './calendar';
import { loadInputs } from './inputs';
import { inputHashes } from './provenance';
import { spilloverSection } from './spillovers';
import { strategyCatalog } from './strategy-catalog';
import { compareRuns, runStrategies, strategyRunInputs } from './strategies';
import { runSweeps } from './sweeps';
import { backtestPeriod } from './period';
import { readFactorFiles, studyConfig } from './study-config';
import { scenarioStudies } from './scenario-study';
import { eventRows, reportGroups } from './study-result';
import { calendarTimeSummary } from './calendar-time-summary';
import { volumeSummary } from './volume-summary';

export interface RunOptions {
  /** Called as the run moves on (for a progress bar): a step name and the share done (0..1). */
  readonly onProgress?: (step: string, done: number) => void;
  /** Folder for relative paths when the scenario is an object (default: the current directory). */
  readonly baseDir?: string;
  /** Called with the validated scenario before any data is read (the CLI checks its output folder there). */
  readonly beforeRun?: (scenario: Scenario) => void;
  /** The most points a strategy's grid may have (default 10,000; `--max-grid-points`). */
  readonly maxGridPoints?: number;
  /**
   * `redis://HOST:PORT`: the scenario's sweep points — and its event study, in shards, when it has more than
   * `study.shardEvents` events — run as BullMQ jobs on `aftershock worker` processes (any machine), and their
   * results are assembled here; the result is the same as a local run's.
   */
  readonly queue?: string;
}

/** A run's result together with the validated scenario it came from. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly result: RunResult;
  /** Notes the terminal should show as well as the report (where the prices came from, when that is the sample). */
  readonly notices: readonly string[];
}

/**
 * Runs a scenario end to end: validates it, loads prices and events (@aftershock/data), runs the event study and
 * the spillover study (@aftershock/study), every strategy and their comparison (@aftershock/strategy on the engine),
 * and returns the result object the reports render. Deterministic: no wall-clock time goes into the result.
 *
 * @example const { result } = await runScenario('scenarios/coreweave-2025.yaml'); result.events[0].day0
 */
export async function runScenario(pathOrObject: string | object, opts: RunOptions = {}): Promise<ScenarioRun> {
  const progress = opts.onProgress ?? (() => {});
  const scenario = await loadScenarioWithModules(pathOrObject, {
    catalog: strategyCatalog(),
    ...(opts.baseDir !== undefined ? { baseDir: opts.baseDir } : {}),
    ...(opts.maxGridPoints !== undefined ? { maxGridPoints: opts.maxGridPoints } : {}),
  });
  opts.beforeRun?.(scenario);
  const cal = await scenarioCalendar(scenario);
  // Connect first: an unreachable queue fails before anything is computed or written.
  // The queue's jobs are the study's shards first, then the sweep points.
  const phase = { jobs: 'sweep jobs', from: 0.5, span: 0.1 };
  const queue = opts.queue !== undefined ? await QueueClient.connect(opts.queue, { version: codeVersion(), onProgress: (d, t, w) => progress(`${phase.jobs} ${d}/${t} done (${w} worker${w === 1 ? '' : 's'})`, phase.from + (phase.span * d) / t) }) : undefined;
  try {
    return await run(scenario, cal, progress, queue, phase);
  } finally {
    await queue?.close();
  }
}

async function run(scenario: Scenario, cal: TradingCalendar, progress: (step: string, done: number) => void, queue: QueueClient | undefined, phase: { jobs: string; from: number; span: number }): Promise<ScenarioRun> {
  progress('loading data', 0.05);
  const inputs = await loadInputs(scenario, cal);
  const hashes = inputHashes([...scenario.inputs, ...inputs.priceFiles], scenario.dir);
  const st = scenario.study;
  const context = queue ? queueContext(scenario, priceRoots(scenario.data, scenario.dir), hashes) : undefined;

  progress('event study', 0.2);
  const factors = st.factors ? readFactorFiles(st.factors) : undefined;
  const studyQueue = queue && context ? { client: queue, context, onShards: () => Object.assign(phase, { jobs: 'study shards', from: 0.2, span: 0.2 }) } : undefined;
  const { studies, whyNone } = await scenarioStudies(scenario, { prices: inputs.prices, market: inputs.benchmark, events: inputs.events, calendar: cal, ...(factors ? { factors } : {}) }, studyQueue);
  Object.assign(phase, { jobs: 'sweep jobs', from: 0.5, span: 0.1 });
  const study = studies[0] ?? null;
  const carWindows: SessionWindow[] = study ? study.carWindows.map((w) => [w.start, w.end] as const) : st.car.map((c) => [c[0], c[1]] as const);
  const events = eventRows(inputs.events, study, {
    cal,
    prices: inputs.prices,
    groups: st.groups,
    pricePathWindow: st.pricePath,
    benchmark: inputs.benchmark,
    nonSession: st.nonSession,
    unknownTiming: st.unknownTiming,
    carWindows,
  }, whyNone);

  progress('spillovers', 0.4);
  const window: readonly [number, number] = study ? [study.eventWindow.start, study.eventWindow.end] : Array.isArray(st.window) ? [st.window[0] as number, st.window[1] as number] : [0, 0];
  const spill = scenario.related
    ? spilloverSection({
        events: inputs.events,
        allEvents: inputs.allEvents,
        related: inputs.related,
        prices: inputs.prices,
        benchmark: inputs.benchmark,
        cal,
        config: studyConfig(scenario),
        carWindows,
        excludeContaminated: scenario.related.excludeContaminated,
      })
    : { pairs: [], groups: [], notes: [] };

  progress('strategies', 0.5);
  const period = backtestPeriod(scenario, inputs.events.map((e) => e.date), inputs.benchmark.dates, cal);
  const runInput = { scenario, bars: [...inputs.prices.values()], events: inputs.events, start: period.from, end: period.to, calendar: cal };
  if (scenario.strategies.some((x) => x.grid)) progress('sweeps', 0.5);
  const sweeps = await runSweeps(scenario, strategyRunInputs(runInput), queue ? (k) => queueEvaluator(queue, context, k) : undefined);
  const strat = runStrategies({ ...runInput, extra: sweeps.best }, (label, k, n) => progress(`strategy ${label}`, 0.6 + (0.3 * k) / n));
  progress('comparison', 0.9);
  const comparison = strat.runs.length >= 2 ? compareRuns(strat.results, strat.runs, strat.inputs.events, scenario.seed) : null;

  const notes: string[] = [...inputs.notes];
  if (st.profile === 'textbook') notes.push('Textbook profile: ' + TEXTBOOK_CHOICES.map((c) => c.choice).join(' '));
  else notes.push('estudy2 profile: estudy2 0.10.0 conventions, including its quirks, are reproduced.');
  if (whyNone) notes.push(`The event study did not run: ${whyNone}`);
  notes.push(...spill.notes, ...sweeps.notes, ...strat.notes);

  const dates = [
    ...(study?.events.flatMap((e) => [e.dates[0]!, e.dates[e.dates.length - 1]!]) ?? []),
    ...events.flatMap((e) => e.pricePath.map((p) => p.date)),
    period.from,
    period.to,
  ].filter(Boolean).sort();
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    meta: {
      scenario: scenario.name,
      description: scenario.description.trim(),
      dataRange: { from: dates[0] ?? '', to: dates[dates.length - 1] ?? '' },
      benchmark: scenario.data.benchmark,
      profile: st.profile,
      model: st.model,
      returns: st.returns,
      dividends: scenario.data.dividends,
      windows: {
        estimation: study ? [study.estimation.start, study.estimation.end] : [0, 0],
        event: [window[0], window[1]],
        car: carWindows,
      },
      costs: {
        commissionPerShare: scenario.costs.commissionPerShare,
        minCommission: scenario.costs.minCommission,
        slippageBps: scenario.costs.slippageBps,
        borrowBpsPerYear: scenario.costs.borrowBpsPerYear,
        hardToBorrowBpsPerYear: scenario.costs.hardToBorrowBpsPerYear,
        hardToBorrow: scenario.costs.hardToBorrow,
      },
      capital: scenario.capital,
      seed: scenario.seed,
      inputs: hashes,
      version: VERSION,
      notes,
    },
    events,
    study: { groups: reportGroups(studies), ...(study?.calendarTime ? { calendarTime: calendarTimeSummary(study.calendarTime) } : {}), ...(study?.volume ? { volume: volumeSummary(study.volume) } : {}) },
    strategies: strat.results,
    comparison,
    spillovers: spill.pairs,
    spilloverStudy: spill.groups,
    sweeps: sweeps.sweeps,
  };
  progress('done', 1);
  return { scenario, result, notices: inputs.notes };
}
