import type { ParamValue, RawParams } from './params';
import { runStrategy, type RunInputs } from './run';

/** The run inputs a worker thread can receive (structured-cloneable: no calendar object; workers use XNYS). */
export type SweepInputs = Omit<RunInputs, 'calendar'>;

/** What one grid point gives back: its per-event returns and trades, enough to score any subset of events. */
export interface PointOutcome {
  readonly perEvent: readonly { readonly eventId: string; readonly ret: number }[];
  readonly trades: readonly { readonly eventId: string | null; readonly netPnl: number; readonly ret: number }[];
  readonly skipped: number;
}

/** Runs one grid point (base parameters overridden by the point's) on the engine. */
export function evaluatePoint(strategy: string, base: RawParams, point: Readonly<Record<string, ParamValue>>, inputs: SweepInputs): PointOutcome {
  const { run } = runStrategy({ name: strategy, params: { ...base, ...point } }, inputs);
  return {
    perEvent: run.perEvent.map((e) => ({ eventId: e.eventId, ret: e.ret })),
    trades: run.trades.map((t) => ({ eventId: t.eventId, netPnl: t.netPnl, ret: t.ret })),
    skipped: run.skipped.length,
  };
}
