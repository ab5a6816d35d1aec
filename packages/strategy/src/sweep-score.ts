import { mean, sampleSd } from './stats';
import type { PointOutcome } from './sweep-core';

/** What a sweep maximises: computed on the events of one side of a split (per event or per trade, never per period). */
export type Objective = 'event.meanReturn' | 'event.tStat' | 'trade.netPnl' | 'trade.hitRate';
export const OBJECTIVES: readonly Objective[] = ['event.meanReturn', 'event.tStat', 'trade.netPnl', 'trade.hitRate'];

/** A grid point's numbers on a set of events. */
export interface ScoreSummary {
  readonly events: number;
  readonly meanReturn: number;
  readonly tStat: number;
  readonly trades: number;
  readonly netPnl: number;
  readonly hitRate: number;
  /** The objective's value (NaN when the set has fewer than `minEvents` traded events). */
  readonly score: number;
}

/** Scores an outcome on the events in `ids` (all events when undefined). */
export function scoreOn(o: PointOutcome, objective: Objective, ids?: ReadonlySet<string>, minEvents = 1): ScoreSummary {
  const rets = o.perEvent.filter((e) => !ids || ids.has(e.eventId)).map((e) => e.ret);
  const trades = o.trades.filter((t) => t.eventId !== null && (!ids || ids.has(t.eventId)));
  const m = mean(rets);
  const sd = sampleSd(rets);
  const s: Omit<ScoreSummary, 'score'> = {
    events: rets.length,
    meanReturn: m,
    tStat: sd > 0 ? m / (sd / Math.sqrt(rets.length)) : NaN,
    trades: trades.length,
    netPnl: trades.reduce((a, t) => a + t.netPnl, 0),
    hitRate: trades.length ? trades.filter((t) => t.netPnl > 0).length / trades.length : NaN,
  };
  const raw = objective === 'event.meanReturn' ? s.meanReturn : objective === 'event.tStat' ? s.tStat : objective === 'trade.netPnl' ? s.netPnl : s.hitRate;
  return { ...s, score: s.events >= minEvents ? raw : NaN };
}

/** Index of the best score (ties → the earliest point in grid order; NaN never wins), or −1. */
export function argBest(scores: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i]!;
    if (Number.isNaN(v)) continue;
    if (best < 0 || v > scores[best]!) best = i;
  }
  return best;
}

/** Combines several outcomes' returns on disjoint event sets (the out-of-sample blocks of a walk-forward). */
export function concatOn(parts: readonly { readonly outcome: PointOutcome; readonly ids: ReadonlySet<string> }[]): PointOutcome {
  return {
    perEvent: parts.flatMap((p) => p.outcome.perEvent.filter((e) => p.ids.has(e.eventId))),
    trades: parts.flatMap((p) => p.outcome.trades.filter((t) => t.eventId !== null && p.ids.has(t.eventId))),
    skipped: 0,
  };
}
