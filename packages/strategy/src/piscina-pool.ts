import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AftershockError } from '@aftershock/core';
import type { ParamValue, RawParams } from './params';
import type { ProgressSink } from './progress';
import type { PointOutcome, SweepInputs } from './sweep-core';
import { tsxApiUrl } from './user-module';

interface EsbuildApi {
  build(o: Record<string, unknown>): Promise<{ outputFiles?: { text: string }[] }>;
}

let taskFile: Promise<string> | undefined;

/**
 * `sweep-task.ts` and the sources it needs bundled by esbuild (reached through tsx) into one CommonJS file, written
 * once under the temporary folder by the hash of its text: piscina loads a worker from a file, and a bundle starts in
 * a fraction of the time tsx needs for the sources in each thread.
 */
function sweepTaskFile(): Promise<string> {
  taskFile ??= (async () => {
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    const esbuild = fromTsx(fromTsx.resolve('esbuild')) as EsbuildApi;
    const entry = fileURLToPath(new URL('./sweep-task.ts', import.meta.url));
    const out = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', supported: { 'dynamic-import': true } });
    const text = out.outputFiles?.[0]?.text;
    if (text === undefined) throw new AftershockError('SWEEP_WORKER_FAILED', 'could not bundle the sweep worker');
    const file = join(tmpdir(), `aftershock-sweep-task-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.cjs`);
    if (!existsSync(file)) {
      // Written aside and renamed: a concurrent process never loads half a file.
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, text);
      renameSync(part, file);
    }
    return file;
  })();
  return taskFile;
}

/**
 * Evaluates points on a piscina pool of `threads` workers; each result is stored by its point index, so the
 * outcome does not depend on which worker evaluated what.
 */
export async function runPiscina(
  spec: { readonly strategy: string; readonly module?: string; readonly base?: RawParams },
  points: readonly Record<string, ParamValue>[],
  inputs: SweepInputs,
  threads: number,
  progress?: ProgressSink,
): Promise<PointOutcome[]> {
  const strategy = { name: spec.strategy, ...(spec.module !== undefined ? { module: spec.module } : {}) };
  const n = Math.min(threads, points.length);
  const pool = new Piscina({ filename: await sweepTaskFile(), minThreads: n, maxThreads: n, idleTimeout: 1000, workerData: { strategy, base: spec.base ?? {}, inputs, tsxApi: tsxApiUrl() } });
  let done = 0;
  try {
    return await Promise.all(
      points.map((point, index) =>
        (pool.run({ point }) as Promise<PointOutcome>).then(
          (o) => {
            progress?.(++done, points.length);
            return o;
          },
          (e: unknown) => {
            const err = e as { code?: string; message?: string };
            throw new AftershockError(err.code ?? 'SWEEP_WORKER_FAILED', `grid point ${JSON.stringify(points[index])}: ${err.message ?? String(e)}`, { field: 'grid' });
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
}
