import { parentPort, workerData } from 'node:worker_threads';
import type { RawParams } from './params';
import type { SweepInputs } from './sweep-core';
import { evaluatePoint } from './sweep-core';

/**
 * Worker-thread side of a sweep: receives the run inputs once (workerData), says `{ ready: true }` once loaded,
 * then receives grid points one at a time (`{ index, point }`) and answers each with `{ index, outcome }` or
 * `{ index, error }`.
 */
interface Data {
  readonly strategy: string;
  readonly base: RawParams;
  readonly inputs: SweepInputs;
}

const port = parentPort;
if (port) {
  const data = workerData as Data;
  port.on('message', (m: { index: number; point: Record<string, string | number | boolean> }) => {
    try {
      port.postMessage({ index: m.index, outcome: evaluatePoint(data.strategy, data.base, m.point, data.inputs) });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      port.postMessage({ index: m.index, error: { code: err.code ?? 'SWEEP_WORKER_FAILED', message: err.message ?? String(e) } });
    }
  });
  port.postMessage({ ready: true });
}
