import { availableParallelism } from 'node:os';
import type { SweepScore, SweepSummary } from '@aftershock/report';
import { runSweep, walkForwardText, type Objective, type PointOutcome, type RunInputs, type ScoreSummary, type SweepCalendar, type SweepInputs, type SweepSpec, type WalkForward } from '@aftershock/strategy';
import type { Scenario } from '../load/scenario';
import { calendarHours } from '../load/vendor-files';
import { defaultNotional, entryName, type RunSpec } from './strategies';

/** Worker threads for a scenario's sweeps: `auto` = cores − 1, at least 1. */
export function sweepThreads(t: Scenario['threads']): number {
  return t === 'auto' ? Math.max(1, availableParallelism() - 1) : t;
}

type Value = number | string | boolean;
const fin = (x: number | null | undefined) => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

function score(s: ScoreSummary | { [K in keyof ScoreSummary]: ScoreSummary[K] | null } | null | undefined): SweepScore | null {
  if (!s) return null;
  return { events: s.events ?? 0, meanReturn: fin(s.meanReturn), tStat: fin(s.tStat), trades: s.trades ?? 0, netPnl: fin(s.netPnl), hitRate: fin(s.hitRate), score: fin(s.score) };
}

/** A market calendar handed to the sweep as its sessions and hours (XNYS needs nothing: it is the default). */
function sweepCalendar(s: Scenario, inputs: RunInputs): { marketCalendar?: SweepCalendar } {
  const cal = inputs.calendar;
  if (!cal || s.calendar.kind === 'xnys') return {};
  return { marketCalendar: { dates: cal.sessionsBetween(cal.first, cal.last), symbol: cal.name, ...calendarHours(s.calendar) } };
}

const flat = (p: Readonly<Record<string, unknown>>): Record<string, Value> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : (v as Value)]));

/** One sweep of a scenario: its strategy entry, label and what `runSweep` is given. */
export interface SweepPlan {
  readonly st: Scenario['strategies'][number];
  readonly name: string;
  readonly label: string;
  readonly spec: SweepSpec & { readonly base: Record<string, Value | readonly string[]>; readonly objective: Objective };
  readonly inputs: SweepInputs;
}

/** The sweeps of a scenario (each strategy given with a grid), in order: the same on a queue worker as locally. */
export function sweepPlans(s: Scenario, inputs: RunInputs): SweepPlan[] {
  const sweepInputs: SweepInputs = { bars: inputs.bars, events: inputs.events, ...(inputs.benchmark !== undefined ? { benchmark: inputs.benchmark } : {}), ...(inputs.start !== undefined ? { start: inputs.start } : {}), ...(inputs.end !== undefined ? { end: inputs.end } : {}), ...(inputs.costs ? { costs: inputs.costs } : {}), ...(inputs.initialCash !== undefined ? { initialCash: inputs.initialCash } : {}), ...sweepCalendar(s, inputs) };
  return s.strategies.flatMap((st) => {
    if (!st.grid) return [];
    const name = entryName(st);
    const mod = st.module !== undefined ? { module: st.module } : {};
    const base = { ...st.params, ...defaultNotional(s, st, st.params) };
    const objective: Objective = st.objective ?? 'event.meanReturn';
    const wf = st.walkForward as WalkForward | undefined;
    return [{ st, name, label: st.label ?? name, spec: { strategy: name, ...mod, base, grid: st.grid as Record<string, Value[]>, objective, ...(wf ? { walkForward: wf } : {}) }, inputs: sweepInputs }];
  });
}

/** Evaluates the points of sweep k of a scenario elsewhere (a queue); undefined: locally. */
export type SweepBackend = (k: number) => ((points: readonly Readonly<Record<string, Value>>[]) => Promise<PointOutcome[]>) | undefined;

/**
 * Runs a sweep for every strategy given with a grid (@aftershock/strategy's runSweep, on the scenario's threads or
 * through `backend`): each point's score on all events, the best point, and the walk-forward check. Returns the
 * summaries and, per sweep, the best point as a strategy to run alongside the others.
 */
export async function runSweeps(s: Scenario, inputs: RunInputs, backend?: SweepBackend): Promise<{ sweeps: SweepSummary[]; best: RunSpec[]; notes: string[] }> {
  const sweeps: SweepSummary[] = [];
  const best: RunSpec[] = [];
  const notes: string[] = [];
  for (const [k, plan] of sweepPlans(s, inputs).entries()) {
    const { st, name, label, spec } = plan;
    const mod = st.module !== undefined ? { module: st.module } : {};
    const { base, objective } = spec;
    const wf = st.walkForward as WalkForward | undefined;
    const evaluate = backend?.(k);
    const r = await runSweep(spec, plan.inputs, { threads: sweepThreads(s.threads), progress: false, ...(evaluate ? { evaluate } : {}) });
    sweeps.push({
      label,
      strategy: name,
      objective,
      base: flat(base),
      grid: st.grid as Record<string, Value[]>,
      points: r.points.map((p) => ({ params: flat(p.params), all: score(p.all)! })),
      best: r.best.params ? { params: flat(r.best.params), score: fin(r.best.score) } : null,
      walkForward: wf ? walkForwardText(wf) : null,
      folds: r.folds.map((f) => ({ trainRange: [f.trainRange[0] ?? '', f.trainRange[1] ?? ''] as const, testRange: [f.testRange[0] ?? '', f.testRange[1] ?? ''] as const, bestParams: f.bestParams ? flat(f.bestParams) : null, inSample: score(f.inSample), outOfSample: score(f.outOfSample), trainEvents: f.trainEvents ?? 0, testEvents: f.testEvents ?? 0, purged: f.purged ?? 0, embargoed: f.embargoed ?? 0 })),
      outOfSample: score(r.outOfSample),
    });
    if (r.best.params) {
      const tag = Object.entries(r.best.params).map(([k, v]) => `${k}=${String(v)}`).join(',');
      best.push({ name, ...mod, label: `${label}(${tag})`, params: { ...base, ...(r.best.params as Record<string, Value>) } });
      notes.push(`${label}: sweep of ${r.points.length} points; the best on all events (${tag}) runs as a strategy — an in-sample choice${wf ? '; see the sweep for its out-of-sample score' : ''}.`);
    } else notes.push(`${label}: no grid point traded enough events to score.`);
  }
  return { sweeps, best, notes };
}
