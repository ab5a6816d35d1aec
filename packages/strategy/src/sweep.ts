import type { ParamGrid } from './grid';
import { checkGrid, expandGrid } from './grid';
import { definitionOf } from './run';
import { loadStrategyModule } from './user-module';
import type { JsonSafe } from './json-safe';
import { jsonSafe } from './json-safe';
import type { ParamValue, RawParams } from './params';
import type { ProgressSink } from './progress';
import { ttyProgress } from './progress';
import type { PointOutcome, SweepInputs } from './sweep-core';
import { evaluatePoint, runInputsOf } from './sweep-core';
import type { Objective, ScoreSummary } from './sweep-score';
import { argBest, concatOn, scoreOn } from './sweep-score';
import type { WalkForward } from './walk-forward';
import type { WorkerLoader } from './worker-pool';
import { runParallel } from './worker-pool';
import { runPiscina } from './piscina-pool';
import { walkForwardFolds } from './walk-forward';
import { scoreFold, type FoldScore } from './fold-score';
import { xnysCalendar } from '@aftershock/core';

export interface SweepSpec {
  /** A built-in strategy name (see STRATEGIES), or the display name of `module`. */
  readonly strategy: string;
  /** Absolute path of a strategy module to sweep instead of a built-in (workers load it too). */
  readonly module?: string;
  /** Parameters fixed for every point. */
  readonly base?: RawParams;
  readonly grid: ParamGrid;
  /** Default `event.meanReturn`: the mean net return per event. */
  readonly objective?: Objective;
  readonly walkForward?: WalkForward;
  /** Points with fewer traded events than this on a side score NaN there (default 1). */
  readonly minEvents?: number;
}

export interface SweepOptions {
  /** Worker threads (default 1: run in this thread). Results do not depend on it. */
  readonly threads?: number;
  /**
   * Called after each point. Default: a progress bar on stderr when it is a terminal, nothing otherwise
   * (ttyProgress); `false` for none.
   */
  readonly progress?: ProgressSink | false;
  /** How workers load the sources (default `bundle`, which falls back to `tsx`). */
  readonly loader?: WorkerLoader;
  /**
   * Whether this thread also evaluates points until the workers are ready (default false: measured slower on two
   * cores, since it competes with the starting workers and delays feeding them).
   */
  readonly helpWhileStarting?: boolean;
  /**
   * Which worker pool runs the threads: the hand-written one (`own`, default: it measured 1.09–1.39× piscina's
   * points/s on 2 threads in `pnpm bench strategy.sweep.pools`) or piscina's. Given explicitly, the pool runs even
   * one thread (the bench times a single worker); otherwise `threads: 1` runs in this thread.
   */
  readonly pool?: 'piscina' | 'own';
  /**
   * Another execution backend: evaluates the grid points (each on its own, results in grid order), e.g.
   * `queueEvaluator` sending each point to a BullMQ queue. When given, `threads` is not used.
   */
  readonly evaluate?: (points: readonly Readonly<Record<string, ParamValue>>[]) => Promise<PointOutcome[]>;
}

/** One grid point: its parameters, its numbers on every event and on each side of each fold. */
export interface SweepPoint {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly all: ScoreSummary;
  readonly folds: readonly FoldScore[];
}

/** One walk-forward fold: the best in-sample point and how it did on the later events. */
export interface FoldResult {
  readonly trainRange: readonly [string, string];
  readonly testRange: readonly [string, string];
  /** Candidate training events and test events of the fold. */
  readonly trainEvents: number;
  readonly testEvents: number;
  /** For the best in-sample point: training events purged (a trade sharing a session with the test span) and embargoed. */
  readonly purged: number;
  readonly embargoed: number;
  /** Index into `points` of the best in-sample point (−1 when none scored). */
  readonly best: number;
  readonly bestParams: Readonly<Record<string, ParamValue>> | null;
  readonly inSample: ScoreSummary | null;
  readonly outOfSample: ScoreSummary | null;
}

export interface SweepResult {
  readonly strategy: string;
  readonly base: RawParams;
  readonly grid: ParamGrid;
  readonly objective: Objective;
  readonly events: number;
  readonly points: readonly SweepPoint[];
  /** Best point on all events (in-sample by construction: read it with the walk-forward below). */
  readonly best: { readonly index: number; readonly params: Readonly<Record<string, ParamValue>> | null; readonly score: number };
  readonly walkForward: WalkForward | null;
  readonly folds: readonly FoldResult[];
  /** Every test block scored with its fold's in-sample best, pooled: the honest out-of-sample number. */
  readonly outOfSample: ScoreSummary | null;
}

/**
 * Runs a strategy over every point of a parameter grid on the same events and data, in parallel on worker
 * threads when `threads` > 1, and reports the best settings with an out-of-sample check: with `walkForward`, the
 * best in-sample point of each fold is scored on the later events it never saw. Same inputs → same result,
 * whatever the number of threads (points are evaluated independently and gathered by index).
 */
export async function runSweep(spec: SweepSpec, inputs: SweepInputs, opts: SweepOptions = {}): Promise<JsonSafe<SweepResult>> {
  const base = spec.base ?? {};
  if (spec.module !== undefined) await loadStrategyModule(spec.module);
  const who = { name: spec.strategy, ...(spec.module !== undefined ? { module: spec.module } : {}) };
  checkGrid(definitionOf(who), base, spec.grid);
  const objective = spec.objective ?? 'event.meanReturn';
  const minEvents = spec.minEvents ?? 1;
  const points = expandGrid(spec.grid);
  const cal = runInputsOf(inputs).calendar ?? xnysCalendar();
  const ordinal = (d: string) => cal.ordinalOnOrBefore(d);
  const folds = spec.walkForward ? walkForwardFolds(inputs.events, spec.walkForward, cal) : [];
  const threads = Math.max(1, Math.floor(opts.threads ?? 1));
  const progress = opts.progress === false ? undefined : (opts.progress ?? ttyProgress(`sweep ${spec.strategy}`, process.stderr));
  let outcomes: PointOutcome[];
  if (opts.evaluate) outcomes = await opts.evaluate(points);
  else if (threads === 1 && opts.pool === undefined) {
    outcomes = [];
    for (const p of points) {
      outcomes.push(evaluatePoint(who, base, p, inputs));
      progress?.(outcomes.length, points.length);
    }
  } else if (opts.pool === 'piscina') outcomes = await runPiscina(spec, points, inputs, threads, progress);
  else outcomes = await runParallel(spec, points, inputs, threads, opts.loader ?? 'bundle', opts.helpWhileStarting ?? false, progress);

  const sweepPoints: SweepPoint[] = points.map((params, i) => ({
    params,
    all: scoreOn(outcomes[i]!, objective, undefined, minEvents),
    folds: folds.map((f) => scoreFold(outcomes[i]!, f, objective, minEvents, ordinal)),
  }));
  const bestAll = argBest(sweepPoints.map((p) => p.all.score));
  const foldResults: FoldResult[] = folds.map((f, k) => {
    const b = argBest(sweepPoints.map((p) => p.folds[k]!.train.score));
    return {
      trainRange: f.trainRange,
      testRange: f.testRange,
      trainEvents: f.train.size,
      testEvents: f.test.size,
      purged: b >= 0 ? sweepPoints[b]!.folds[k]!.purged : 0,
      embargoed: b >= 0 ? sweepPoints[b]!.folds[k]!.embargoed : 0,
      best: b,
      bestParams: b >= 0 ? points[b]! : null,
      inSample: b >= 0 ? sweepPoints[b]!.folds[k]!.train : null,
      outOfSample: b >= 0 ? sweepPoints[b]!.folds[k]!.test : null,
    };
  });
  const parts = foldResults.flatMap((r, k) => (r.best >= 0 ? [{ outcome: outcomes[r.best]!, ids: folds[k]!.test }] : []));
  return jsonSafe({
    strategy: spec.strategy,
    base,
    grid: spec.grid,
    objective,
    events: inputs.events.length,
    points: sweepPoints,
    best: { index: bestAll, params: bestAll >= 0 ? points[bestAll]! : null, score: bestAll >= 0 ? sweepPoints[bestAll]!.all.score : NaN },
    walkForward: spec.walkForward ?? null,
    folds: foldResults,
    outOfSample: parts.length > 0 ? scoreOn(concatOn(parts), objective, undefined, minEvents) : null,
  });
}
