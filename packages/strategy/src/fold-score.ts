import type { IsoDate } from '@aftershock/core';
import type { PointOutcome } from './sweep-core';
import { scoreOn, type Objective, type ScoreSummary } from './sweep-score';
import type { Fold } from './walk-forward';

/** One grid point on one fold: its numbers on the (purged, embargoed) training events and on the test events. */
export interface FoldScore {
  readonly train: ScoreSummary;
  readonly test: ScoreSummary;
  /** Training events left out because one of their trades shares a session with the test trades' span. */
  readonly purged: number;
  /** Training events after the test block left out because they trade within the embargo after that span. */
  readonly embargoed: number;
}

const END = '\uffff'; // an open trade runs past every date

/**
 * The training events of a fold for one grid point's trades, purged and embargoed as in López de Prado's purged
 * k-fold: the test span runs from the first test session (or the earliest entry of a test trade) to the last (or
 * the latest exit); a training event with a trade whose [entry, exit] shares a session with that span is purged; with
 * an embargo of n sessions, a training event after the span whose first trade enters within n sessions of its end is
 * dropped too. Training events without trades stay (they score nothing). `ordinal` numbers sessions on the calendar.
 */
export function trainingEvents(o: PointOutcome, fold: Fold, ordinal: (d: IsoDate) => number): { ids: Set<string>; purged: number; embargoed: number } {
  let start = fold.testRange[0];
  let end = fold.testRange[1];
  const byEvent = new Map<string, { entry: IsoDate; exit: IsoDate }[]>();
  for (const t of o.trades) {
    if (t.eventId === null) continue;
    const span = { entry: t.entryDate, exit: t.exitDate ?? END };
    if (fold.test.has(t.eventId)) {
      if (span.entry < start) start = span.entry;
      if (span.exit > end) end = span.exit;
    } else if (fold.train.has(t.eventId)) {
      const list = byEvent.get(t.eventId);
      if (list) list.push(span);
      else byEvent.set(t.eventId, [span]);
    }
  }
  const endOrdinal = end === END ? Infinity : ordinal(end);
  const ids = new Set<string>();
  let purged = 0;
  let embargoed = 0;
  for (const id of fold.train) {
    const spans = byEvent.get(id) ?? [];
    if (spans.some((s) => s.entry <= end && s.exit >= start)) {
      purged++;
      continue;
    }
    const first = spans.reduce<IsoDate | null>((m, s) => (m === null || s.entry < m ? s.entry : m), null);
    if (fold.embargo > 0 && first !== null && first > end && ordinal(first) - endOrdinal <= fold.embargo) {
      embargoed++;
      continue;
    }
    ids.add(id);
  }
  return { ids, purged, embargoed };
}

/** Scores one grid point's outcome on one fold: callable on its own (a queue can shard points and folds). */
export function scoreFold(o: PointOutcome, fold: Fold, objective: Objective, minEvents: number, ordinal: (d: IsoDate) => number): FoldScore {
  const { ids, purged, embargoed } = trainingEvents(o, fold, ordinal);
  return { train: scoreOn(o, objective, ids, minEvents), test: scoreOn(o, objective, fold.test, minEvents), purged, embargoed };
}
