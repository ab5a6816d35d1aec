import { workerData } from 'node:worker_threads';
import type { RawParams } from './params';
import type { PointOutcome, SweepInputs, SweepStrategy } from './sweep-core';
import { evaluatePoint } from './sweep-core';
import { loadStrategyModule } from './user-module';

/**
 * The task of a sweep worker in the piscina pool: piscina hands this thread the sweep's inputs once (workerData)
 * and calls the default export with one grid point at a time. A strategy module is loaded once, on the first point.
 */
interface Data {
  readonly strategy: SweepStrategy;
  readonly base: RawParams;
  readonly inputs: SweepInputs;
  /** tsx's ESM API URL, to load a TypeScript strategy module in this thread. */
  readonly tsxApi: string;
}

const data = workerData as Data;
let loading: Promise<unknown> | undefined;

export default async function evaluateTask(task: { readonly point: Record<string, string | number | boolean> }): Promise<PointOutcome> {
  const s = data.strategy;
  if (typeof s === 'object' && s.module !== undefined) await (loading ??= loadStrategyModule(s.module, { tsxApi: data.tsxApi }));
  return evaluatePoint(data.strategy, data.base, task.point, data.inputs);
}
