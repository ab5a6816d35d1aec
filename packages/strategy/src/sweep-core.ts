import { marketCalendar, type IsoDate, type MarketCalendarOptions, type TradingCalendar } from '@aftershock/core';
import type { ParamValue, RawParams } from './params';
import { runStrategy, type RunInputs } from './run';

/** A market calendar in structured-cloneable form: its session dates and hours (each thread rebuilds it). */
export interface SweepCalendar extends MarketCalendarOptions {
  readonly dates: readonly IsoDate[];
}

/**
 * The run inputs a worker thread can receive (structured-cloneable: no calendar object). Without `marketCalendar`
 * the runs use XNYS; with it, the calendar of those sessions.
 */
export type SweepInputs = Omit<RunInputs, 'calendar'> & { readonly marketCalendar?: SweepCalendar };

const rebuilt = new WeakMap<SweepCalendar, TradingCalendar>();

/** The engine's inputs of a sweep: its calendar rebuilt (once per thread) from its sessions. */
export function runInputsOf(inputs: SweepInputs): RunInputs {
  const { marketCalendar: spec, ...rest } = inputs;
  if (!spec) return rest;
  let cal = rebuilt.get(spec);
  if (!cal) {
    cal = marketCalendar(spec.dates, spec);
    rebuilt.set(spec, cal);
  }
  return { ...rest, calendar: cal };
}

/** What one grid point gives back: its per-event returns and trades, enough to score any subset of events. */
export interface PointOutcome {
  readonly perEvent: readonly { readonly eventId: string; readonly ret: number }[];
  /** Each trade with its holding period (entry and exit sessions; exit null while open), for the walk-forward's purge. */
  readonly trades: readonly { readonly eventId: string | null; readonly netPnl: number; readonly ret: number; readonly entryDate: IsoDate; readonly exitDate: IsoDate | null }[];
  readonly skipped: number;
}

/** Which strategy a sweep runs: a built-in by name, or a module by absolute path (loaded before evaluatePoint). */
export type SweepStrategy = string | { readonly name: string; readonly module?: string };

/** Runs one grid point (base parameters overridden by the point's) on the engine: a pure function of its inputs. */
export function evaluatePoint(strategy: SweepStrategy, base: RawParams, point: Readonly<Record<string, ParamValue>>, inputs: SweepInputs): PointOutcome {
  const s = typeof strategy === 'string' ? { name: strategy } : strategy;
  const { run } = runStrategy({ name: s.name, ...(s.module !== undefined ? { module: s.module } : {}), params: { ...base, ...point } }, runInputsOf(inputs));
  return {
    perEvent: run.perEvent.map((e) => ({ eventId: e.eventId, ret: e.ret })),
    trades: run.trades.map((t) => ({ eventId: t.eventId, netPnl: t.netPnl, ret: t.ret, entryDate: t.entryDate, exitDate: t.exitDate })),
    skipped: run.skipped.length,
  };
}
