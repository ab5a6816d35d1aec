import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AftershockError } from '@aftershock/core';
import type { ParamValue, RawParams } from './params';
import type { ProgressSink } from './progress';
import type { PointOutcome, SweepInputs } from './sweep-core';
import { evaluatePoint } from './sweep-core';
import { tsxApiUrl } from './user-module';


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
      // dynamic-import kept as import(): a worker loads tsx's ESM API (for strategy modules) with it.
      const out = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', supported: { 'dynamic-import': true } });
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
export async function runParallel(
  spec: { readonly strategy: string; readonly module?: string; readonly base?: RawParams },
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
  const strategy = { name: spec.strategy, ...(spec.module !== undefined ? { module: spec.module } : {}) };
  const data = { strategy, base, inputs, tsxApi: tsxApiUrl() };
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
      if (m.error && m.index < 0) return fail(new AftershockError(m.error.code, m.error.message, { field: 'module' }));
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
      record(index, evaluatePoint(strategy, base, points[index]!, inputs));
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
