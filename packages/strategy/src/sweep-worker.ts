import { parentPort, workerData } from 'node:worker_threads';
import type { RawParams } from './params';
import type { SweepInputs, SweepStrategy } from './sweep-core';
import { loadStrategyModule } from './user-module';
import { evaluatePoint } from './sweep-core';

/**
 * Worker-thread side of a sweep: receives the run inputs once (workerData), says `{ ready: true }` once loaded,
 * then receives grid points one at a time (`{ index, point }`) and answers each with `{ index, outcome }` or
 * `{ index, error }`.
 */
interface Data {
  readonly strategy: SweepStrategy;
  readonly base: RawParams;
  readonly inputs: SweepInputs;
  /** tsx's ESM API URL, to load a TypeScript strategy module in this thread. */
  readonly tsxApi: string;
}

const port = parentPort;
const errorOf = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return { code: err.code ?? 'SWEEP_WORKER_FAILED', message: err.message ?? String(e) };
};
if (port) {
  const data = workerData as Data;
  port.on('message', (m: { index: number; point: Record<string, string | number | boolean> }) => {
    try {
      port.postMessage({ index: m.index, outcome: evaluatePoint(data.strategy, data.base, m.point, data.inputs) });
    } catch (e) {
      port.postMessage({ index: m.index, error: errorOf(e) });
    }
  });
  const s = data.strategy;
  const loading = typeof s === 'object' && s.module !== undefined ? loadStrategyModule(s.module, { tsxApi: data.tsxApi }) : Promise.resolve();
  loading.then(
    () => port.postMessage({ ready: true }),
    (e: unknown) => port.postMessage({ index: -1, error: errorOf(e) }),
  );
}
