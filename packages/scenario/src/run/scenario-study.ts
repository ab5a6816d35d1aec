import { AftershockError, type BarSeries, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import { fitStudyShard, prepareStudy, ShardGatherer, studyFromShards, type FactorTable, type ShardEvent, type StudyResult, type StudyShard } from '@aftershock/study';
import type { QueueClient } from '@aftershock/strategy';
import type { Scenario } from '../load/scenario';
import type { QueueContext } from './queue-jobs';
import { studyConfig } from './study-config';
import { studyOrReason, tryStudy } from './study-result';
import { decodeShard, encodeShard, type EncodedShard } from './study-shard-codec';
import { planShards } from './study-shards';

/** The job name of one shard of a scenario's event study. */
export const SCENARIO_STUDY_SHARD_JOB = 'scenario-study-shard';

/** A shard of a scenario's study as a job: the run's context (as sweep points carry it) and the shard's events. */
export interface ScenarioStudyShardJob {
  readonly context: QueueContext;
  readonly events: readonly ShardEvent[];
}

/**
 * What a worker sends back: the fitted shard, or the coded error the fit threw (so the run fails, or records why
 * there is no study, exactly as the local run does).
 */
export type ScenarioShardOutcome = { readonly shard: EncodedShard } | { readonly error: { readonly code: string; readonly message: string; readonly file?: string; readonly line?: number; readonly field?: string } };

/** What a scenario's study reads: the run's prices, benchmark, events, calendar and factors. */
export interface ScenarioStudyInput {
  readonly prices: ReadonlyMap<string, BarSeries>;
  readonly market: BarSeries;
  readonly events: readonly MarketEvent[];
  readonly calendar: TradingCalendar;
  readonly factors?: FactorTable;
}

/** A queued run's way to the workers for the study: its client, the jobs' context, and a call as the shards start. */
export interface StudyQueue {
  readonly client: QueueClient;
  readonly context: QueueContext;
  readonly onShards?: (shards: number) => void;
}

/**
 * The scenario's event studies, one per group field (one without groups): each the local `runStudy`, or — on a
 * queue, with more than `study.shardEvents` events — assembled from shards of the events fitted on the workers.
 * The fits do not depend on the group field, so the shards are fitted once and assembled per field; the results
 * are the local ones number for number. `whyNone` is the reason of the last study that could not run.
 */
export async function scenarioStudies(s: Scenario, input: ScenarioStudyInput, queue?: StudyQueue): Promise<{ studies: StudyResult[]; whyNone?: string; shards: number }> {
  const fields = s.study.groups.length ? s.study.groups : [undefined];
  const studies: StudyResult[] = [];
  let whyNone: string | undefined;
  const keep = (r: { result: StudyResult | null; reason?: string }) => {
    if (r.result) studies.push(r.result);
    else whyNone = r.reason;
  };
  if (!queue || input.events.length <= s.study.shardEvents) {
    for (const g of fields) keep(tryStudy(input, studyConfig(s, g)));
    return { studies, ...(whyNone !== undefined ? { whyNone } : {}), shards: 0 };
  }
  // The setup is checked here first (factors, the market), as runStudy checks it before any fit.
  prepareStudy(input.market, studyConfig(s), input.calendar, input.factors);
  const plan = planShards(input.events, s.study.shardEvents);
  queue.onShards?.(plan.length);
  const gather = new ShardGatherer(input.events.length);
  // The error of the first failed shard in plan order, as the local fit meets the events in order.
  let failed: { at: number; error: Extract<ScenarioShardOutcome, { error: unknown }>['error'] } | undefined;
  const jobs = plan.map((events) => ({ name: SCENARIO_STUDY_SHARD_JOB, data: { context: queue.context, events } satisfies ScenarioStudyShardJob }));
  await queue.client.run(jobs, (i, value) => {
    const o = value as ScenarioShardOutcome;
    if ('error' in o) {
      if (!failed || i < failed.at) failed = { at: i, error: o.error };
    } else if (!failed) gather.add(decodeShard(o.shard), i);
  });
  const gathered = failed ? undefined : gather.finish();
  for (const g of fields) {
    const config = studyConfig(s, g);
    keep(
      studyOrReason(() => {
        if (failed) throw new AftershockError(failed.error.code, failed.error.message, failed.error);
        return studyFromShards(prepareStudy(input.market, config, input.calendar, input.factors), config, input.events, gathered!, input.prices);
      }),
    );
  }
  return { studies, ...(whyNone !== undefined ? { whyNone } : {}), shards: plan.length };
}

/** The worker's side: fits a shard of a scenario's study on the run's inputs (loaded once per run by the worker). */
export function fitScenarioShard(s: Scenario, input: ScenarioStudyInput, events: readonly ShardEvent[]): ScenarioShardOutcome {
  const config = studyConfig(s);
  let shard: StudyShard;
  try {
    shard = fitStudyShard(prepareStudy(input.market, config, input.calendar, input.factors), config, input.prices, events);
  } catch (e) {
    if (!(e instanceof AftershockError)) throw e;
    const where = { ...(e.file !== undefined ? { file: e.file } : {}), ...(e.line !== undefined ? { line: e.line } : {}), ...(e.field !== undefined ? { field: e.field } : {}) };
    return { error: { code: e.code, message: e.message, ...where } };
  }
  return { shard: encodeShard(shard) };
}
