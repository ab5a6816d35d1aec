import { createHash } from 'node:crypto';
import { AftershockError } from '@aftershock/core';
import { scenarioCalendar } from './calendar';
import { encodeJson, evaluatePoint, loadStrategyModule, serveQueue, SWEEP_POINT_JOB, type PointOutcome, type QueueHandler, type QueueWorker, type QueueWorkerOptions, type SweepPointJob } from '@aftershock/strategy';
import { codeVersion } from '../code-version';
import type { Scenario } from '../load/scenario';
import { loadInputs } from './inputs';
import { backtestPeriod } from './period';
import { inputHashes } from './provenance';
import { strategyRunInputs } from './strategies';
import { fitScenarioShard, SCENARIO_STUDY_SHARD_JOB, type ScenarioStudyInput, type ScenarioStudyShardJob } from './scenario-study';
import { readFactorFiles } from './study-config';
import { STUDY_SHARD_JOB, studyShardHandler } from './study-shards';
import { sweepPlans, type SweepPlan } from './sweeps';

/**
 * What every job of a queued run carries so that any worker can rebuild the run's inputs by itself: the validated
 * scenario (paths absolute, `data.root` set to the data roots the client resolved) and the sha256 of every input
 * file the client read. A worker whose files differ refuses the job (QUEUE_INPUT_MISMATCH).
 */
export interface QueueContext {
  readonly scenario: Scenario;
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
}

export function queueContext(scenario: Scenario, roots: readonly string[], inputs: QueueContext['inputs']): QueueContext {
  const data = roots.length > 0 ? { ...scenario.data, root: [...roots] } : scenario.data;
  return { scenario: { ...scenario, data }, inputs };
}

interface Prepared {
  readonly plans: SweepPlan[];
  /** What a shard of the scenario's study reads (factor files read on the first shard). */
  readonly study: () => ScenarioStudyInput;
}

/** Loads a context's inputs as runScenario does and checks the files against the client's hashes. */
async function prepare(ctx: QueueContext): Promise<Prepared> {
  const s = ctx.scenario;
  const cal = await scenarioCalendar(s); // the client's calendar choice, rebuilt from the same files
  const inputs = await loadInputs(s, cal);
  const mine = new Map(inputHashes([...s.inputs, ...inputs.priceFiles], s.dir).map((h) => [h.file, h.sha256]));
  for (const h of ctx.inputs) {
    const have = mine.get(h.file);
    if (have !== h.sha256) {
      throw new AftershockError('QUEUE_INPUT_MISMATCH', `this worker's ${h.file} ${have === undefined ? 'was not read' : `has sha256 ${have.slice(0, 12)}…`}, the client's has ${h.sha256.slice(0, 12)}…: workers need the same data and calendars at the same paths`, { file: h.file });
    }
  }
  const period = backtestPeriod(s, inputs.events.map((e) => e.date), inputs.benchmark.dates, cal);
  const runInputs = strategyRunInputs({ scenario: s, bars: [...inputs.prices.values()], events: inputs.events, start: period.from, end: period.to, calendar: cal });
  let study: ScenarioStudyInput | undefined;
  return {
    plans: sweepPlans(s, runInputs),
    study: () => (study ??= { prices: inputs.prices, market: inputs.benchmark, events: inputs.events, calendar: cal, ...(s.study.factors ? { factors: readFactorFiles(s.study.factors) } : {}) }),
  };
}

/**
 * The worker side of queued runs: a QueueHandler for `aftershock worker` — sweep points and study shards of
 * scenario runs (each context's inputs loaded once and kept for the next jobs of the same run, the last four runs)
 * and the shards of `aftershock study --queue`.
 */
export function scenarioJobHandler(): QueueHandler {
  const cache = new Map<string, Promise<Prepared>>();
  const studyShard = studyShardHandler();
  const prepared = (ctx: QueueContext): Promise<Prepared> => {
    const key = createHash('sha256').update(encodeJson(ctx)).digest('hex');
    let p = cache.get(key);
    if (!p) {
      p = prepare(ctx);
      cache.set(key, p);
      p.catch(() => cache.delete(key));
      while (cache.size > 4) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
  return async (name, data) => {
    if (name === STUDY_SHARD_JOB) return studyShard(data);
    if (name === SCENARIO_STUDY_SHARD_JOB) {
      const job = data as ScenarioStudyShardJob;
      return fitScenarioShard(job.context.scenario, (await prepared(job.context)).study(), job.events);
    }
    if (name !== SWEEP_POINT_JOB) throw new AftershockError('QUEUE_UNKNOWN_JOB', `unknown job "${name}" (this worker does ${SWEEP_POINT_JOB}, ${SCENARIO_STUDY_SHARD_JOB} and ${STUDY_SHARD_JOB})`);
    const job = data as SweepPointJob;
    const plan = (await prepared(job.context as QueueContext)).plans[job.sweep];
    if (!plan) throw new AftershockError('QUEUE_BAD_JOB', `the scenario has no sweep #${job.sweep}`);
    const { strategy, module } = plan.spec;
    if (module !== undefined) await loadStrategyModule(module);
    const out: PointOutcome = evaluatePoint({ name: strategy, ...(module !== undefined ? { module } : {}) }, plan.spec.base, job.point, plan.inputs);
    return out;
  };
}

/** `aftershock worker`: serves queued scenario jobs with this checkout's code version until closed. */
export function serveScenarioJobs(url: string, opts: Omit<QueueWorkerOptions, 'version'> = {}): Promise<QueueWorker> {
  return serveQueue(url, scenarioJobHandler(), { ...opts, version: codeVersion() });
}
