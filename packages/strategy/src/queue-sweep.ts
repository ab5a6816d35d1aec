import type { ParamValue } from './params';
import type { QueueClient } from './queue-client';
import type { PointOutcome } from './sweep-core';

/** The job name of one sweep point. */
export const SWEEP_POINT_JOB = 'sweep-point';

/**
 * A sweep point as a job: `context` is whatever lets a worker rebuild the sweep's inputs on its own (the scenario
 * runner sends the validated scenario, its data roots and the sha256 of every input file), `sweep` which sweep of
 * that context, `index` the point's place in the grid.
 */
export interface SweepPointJob {
  readonly context: unknown;
  readonly sweep: number;
  readonly index: number;
  readonly point: Readonly<Record<string, ParamValue>>;
}

/**
 * A sweep's evaluator (SweepOptions.evaluate) that sends each grid point to the queue as a job and returns the
 * outcomes in grid order, so the sweep assembles exactly what the local evaluation gives.
 */
export function queueEvaluator(client: QueueClient, context: unknown, sweep: number): (points: readonly Readonly<Record<string, ParamValue>>[]) => Promise<PointOutcome[]> {
  return async (points) => {
    const jobs = points.map((point, index) => ({ name: SWEEP_POINT_JOB, data: { context, sweep, index, point } satisfies SweepPointJob }));
    return (await client.run(jobs)) as PointOutcome[];
  };
}
