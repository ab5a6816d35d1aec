import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AftershockError } from '@aftershock/core';
import type { ParamGrid } from './grid';
import { checkGrid, expandGrid } from './grid';
import type { JsonSafe } from './json-safe';
import { jsonSafe } from './json-safe';
import type { ParamValue, RawParams } from './params';
import type { ProgressSink } from './progress';
import { ttyProgress } from './progress';
import type { PointOutcome, SweepInputs } from './sweep-core';
import { evaluatePoint } from './sweep-core';
import type { Objective, ScoreSummary } from './sweep-score';
import { argBest, concatOn, scoreOn } from './sweep-score';
import type { WalkForward } from './walk-forward';
import { walkForwardFolds } from './walk-forward';

export interface SweepSpec {
  /** A built-in strategy name (see STRATEGIES). */
  readonly strategy: string;
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
}

/** One grid point: its parameters, its numbers on every event and on each side of each fold. */
export interface SweepPoint {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly all: ScoreSummary;
  readonly folds: readonly { readonly train: ScoreSummary; readonly test: ScoreSummary }[];
}

/** One walk-forward fold: the best in-sample point and how it did on the later events. */
export interface FoldResult {
  readonly trainRange: readonly [string, string];
  readonly testRange: readonly [string, string];
  readonly trainEvents: number;
  readonly testEvents: number;
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

/** The URL of the tsx ESM API, resolved from this package, so a worker can load TypeScript sources. */
function tsxApiUrl(): string {
  const req = createRequire(import.meta.url);
  return pathToFileURL(join(dirname(req.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
}

interface EsbuildApi {
  build(o: Record<string, unknown>): Promise<{ outputFiles?: { text: string }[] }>;
}

let bundled: Promise<string | null> | undefined;

/**
 * The worker's TypeScript sources and their dependencies bundled into one CommonJS script by esbuild (the compiler
 * tsx itself uses, reached through tsx), built once per process: a worker then starts in ~0.2 s instead of the
 * seconds tsx needs to load some 60 source files in each thread. Null when esbuild cannot be loaded.
 */
function workerBundle(): Promise<string | null> {
  bundled ??= (async () => {
    try {
      const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
      const esbuild = fromTsx(fromTsx.resolve('esbuild')) as EsbuildApi;
      const entry = fileURLToPath(new URL('./sweep-worker.ts', import.meta.url));
      // The async build: esbuild's buildSync blocks on a helper thread and can hang inside test runners.
      const out = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
      return out.outputFiles?.[0]?.text ?? null;
    } catch {
      return null;
    }
  })();
  return bundled;
}

/** How a worker loads the TypeScript sources: an esbuild bundle (default, falls back to tsx) or tsx's `tsImport`. */
export type WorkerLoader = 'bundle' | 'tsx';

/**
 * Starts a worker running `sweep-worker.ts`, either from the esbuild bundle or through tsx's `tsImport` (the
 * worker thread needs its own loader: `execArgv: ['--import', 'tsx']` does not reach worker threads on Node 20).
 * Both work under vitest and under `npx tsx`.
 */
function startWorker(data: unknown, bundle: string | null): Worker {
  if (bundle !== null) return new Worker(bundle, { eval: true, workerData: data });
  const target = new URL('./sweep-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((m) => m.tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}))`;
  return new Worker(code, { eval: true, workerData: data });
}

/**
 * Evaluates points on `threads` worker threads pulling from one queue (optionally with this thread's help until
 * they are ready). Each result is stored by its point index, so the outcome does not depend on who evaluated what.
 */
async function runParallel(
  spec: SweepSpec,
  points: readonly Record<string, ParamValue>[],
  inputs: SweepInputs,
  threads: number,
  loader: WorkerLoader,
  help: boolean,
  progress?: ProgressSink,
): Promise<PointOutcome[]> {
  const base = spec.base ?? {};
  const out: PointOutcome[] = new Array(points.length);
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const record = (index: number, o: PointOutcome) => {
    out[index] = o;
    done++;
    progress?.(done, points.length);
    if (done === points.length) finish();
  };
  const fail = (e: Error) => {
    failure ??= e;
    finish();
  };
  const data = { strategy: spec.strategy, base, inputs };
  const bundle = loader === 'bundle' ? await workerBundle() : null;
  const workers = Array.from({ length: Math.min(threads, points.length) }, () => startWorker(data, bundle));
  let ready = 0;
  let stopping = false;
  for (const w of workers) {
    // Two points in flight per worker, so a worker never idles while its next point is on the way.
    const inFlight = new Set<number>();
    const feed = () => {
      if (failure || next >= points.length) return;
      const index = next++;
      inFlight.add(index);
      w.postMessage({ index, point: points[index] });
    };
    w.on('message', (m: { ready?: true; index: number; outcome?: PointOutcome; error?: { code: string; message: string } }) => {
      if (m.ready) {
        ready++;
        feed();
        return feed();
      }
      inFlight.delete(m.index);
      if (m.error) return fail(new AftershockError(m.error.code, `grid point ${JSON.stringify(points[m.index])}: ${m.error.message}`, { field: 'grid' }));
      record(m.index, m.outcome!);
      feed();
    });
    w.on('error', (e) => fail(new AftershockError('SWEEP_WORKER_FAILED', `a sweep worker failed: ${e.message}`)));
    w.on('exit', (code) => {
      if (stopping || done === points.length) return;
      const on = [...inFlight].map((i) => JSON.stringify(points[i])).join(', ');
      fail(new AftershockError('SWEEP_WORKER_FAILED', `a sweep worker exited (code ${code})${on ? ` while on grid point(s) ${on}` : ''}`));
    });
  }
  try {
    while (help && !failure && next < points.length && ready < workers.length) {
      const index = next++;
      record(index, evaluatePoint(spec.strategy, base, points[index]!, inputs));
      await new Promise<void>((r) => setImmediate(r));
    }
    await finished;
  } finally {
    stopping = true;
    // Not awaited: a worker still starting up is stopped without holding the sweep's result back.
    for (const w of workers) void w.terminate();
  }
  if (failure) throw failure;
  return out;
}

/**
 * Runs a strategy over every point of a parameter grid on the same events and data, in parallel on worker
 * threads when `threads` > 1, and reports the best settings with an out-of-sample check: with `walkForward`, the
 * best in-sample point of each fold is scored on the later events it never saw. Same inputs → same result,
 * whatever the number of threads (points are evaluated independently and gathered by index).
 */
export async function runSweep(spec: SweepSpec, inputs: SweepInputs, opts: SweepOptions = {}): Promise<JsonSafe<SweepResult>> {
  const base = spec.base ?? {};
  checkGrid(spec.strategy, base, spec.grid);
  const objective = spec.objective ?? 'event.meanReturn';
  const minEvents = spec.minEvents ?? 1;
  const points = expandGrid(spec.grid);
  const folds = spec.walkForward ? walkForwardFolds(inputs.events, spec.walkForward) : [];
  const threads = Math.max(1, Math.floor(opts.threads ?? 1));
  const progress = opts.progress === false ? undefined : (opts.progress ?? ttyProgress(`sweep ${spec.strategy}`, process.stderr));
  let outcomes: PointOutcome[];
  if (threads === 1) {
    outcomes = [];
    for (const p of points) {
      outcomes.push(evaluatePoint(spec.strategy, base, p, inputs));
      progress?.(outcomes.length, points.length);
    }
  } else outcomes = await runParallel(spec, points, inputs, threads, opts.loader ?? 'bundle', opts.helpWhileStarting ?? false, progress);

  const sweepPoints: SweepPoint[] = points.map((params, i) => ({
    params,
    all: scoreOn(outcomes[i]!, objective, undefined, minEvents),
    folds: folds.map((f) => ({ train: scoreOn(outcomes[i]!, objective, f.train, minEvents), test: scoreOn(outcomes[i]!, objective, f.test, minEvents) })),
  }));
  const bestAll = argBest(sweepPoints.map((p) => p.all.score));
  const foldResults: FoldResult[] = folds.map((f, k) => {
    const b = argBest(sweepPoints.map((p) => p.folds[k]!.train.score));
    return {
      trainRange: f.trainRange,
      testRange: f.testRange,
      trainEvents: f.train.size,
      testEvents: f.test.size,
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
