import type { IsoDate, MarketEvent, TradingCalendar } from '@aftershock/core';
import { AftershockError, resolveDay0 } from '@aftershock/core';

/**
 * How to split events by date for an out-of-sample check. Events are placed by their session (day 0), and all the
 * events of one session always fall on the same side of every cut.
 * - `{ split: '2023-01-01' }`: events whose day 0 is before the split are in-sample, the rest out-of-sample;
 * - `{ trainFraction: 0.6 }`: the split is the first session after the earliest 60% of events (by day 0);
 * - `{ folds: k }`: anchored walk-forward — the sessions in date order cut into k + 1 blocks of nearly equal event
 *   counts; fold j trains on blocks 0 … j − 1 and tests on block j, so every test event is later than every event
 *   it was tuned on;
 * - `{ kfold: k, embargo: n }`: purged k-fold cross-validation (López de Prado, Advances in Financial Machine
 *   Learning, ch. 7) — k blocks; fold j tests on block j and trains on all the others, the training events after
 *   the test block embargoed for n sessions (default 0) past the end of the test trades.
 * In every scheme a training event is purged — left out of that fold's training — when one of its trades is held on
 * a session the test trades span (see scoreFold): the label of a training event must not overlap the test period.
 */
export type WalkForward =
  | { readonly split: IsoDate }
  | { readonly trainFraction: number }
  | { readonly folds: number }
  | { readonly kfold: number; readonly embargo?: number };

/** One train/test split: sets of event ids, the test block's sessions and the embargo. */
export interface Fold {
  /** Candidate training events (before any purge or embargo, which depend on each grid point's trades). */
  readonly train: ReadonlySet<string>;
  readonly test: ReadonlySet<string>;
  /** First and last day 0 of each side (for k-fold, the training side runs on both sides of the test block). */
  readonly trainRange: readonly [IsoDate, IsoDate];
  readonly testRange: readonly [IsoDate, IsoDate];
  /** Sessions after the test trades in which a later training event may not trade (k-fold only; 0 otherwise). */
  readonly embargo: number;
}

/** An event's session: its day 0 on the calendar, or its own date when day 0 falls outside the calendar. */
export function eventSession(cal: TradingCalendar, e: Pick<MarketEvent, 'date' | 'timing' | 'kind'>): IsoDate {
  return resolveDay0(cal, e.date, e.timing, {}, e.kind).day0 ?? e.date;
}

interface Placed {
  readonly id: string;
  readonly session: IsoDate;
}

function badFolds(field: string, k: number, sessions: number, blocks: number): AftershockError {
  return new AftershockError('SWEEP_BAD_FOLDS', `${field} = ${k} needs at least ${blocks} sessions with events (the events of one session stay together); the events fall on ${sessions}`, { field: `walkForward.${field}` });
}

/**
 * Cuts the sessions (in date order, with their event counts) into `blocks` runs of nearly equal event counts: each
 * cut at the session boundary nearest to j·n/blocks, leaving every block at least one session. Returns the start
 * index (into the sessions) of each block.
 */
function cutSessions(counts: readonly number[], blocks: number): number[] {
  const cum = [0];
  for (const c of counts) cum.push(cum[cum.length - 1]! + c);
  const n = cum[cum.length - 1]!;
  const starts = [0];
  for (let j = 1; j < blocks; j++) {
    const target = (j * n) / blocks;
    let best = -1;
    for (let i = starts[j - 1]! + 1; i <= counts.length - (blocks - j); i++) if (best < 0 || Math.abs(cum[i]! - target) < Math.abs(cum[best]! - target)) best = i;
    starts.push(best);
  }
  return starts;
}

/** The folds of a walk-forward over events, placed by their session on `cal` (sorted by session, then id). */
export function walkForwardFolds(events: readonly Pick<MarketEvent, 'id' | 'date' | 'timing' | 'kind'>[], wf: WalkForward, cal: TradingCalendar): Fold[] {
  const ev: Placed[] = events.map((e) => ({ id: e.id, session: eventSession(cal, e) })).sort((a, b) => (a.session < b.session ? -1 : a.session > b.session ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fold = (tr: readonly Placed[], te: readonly Placed[], embargo = 0): Fold => ({
    train: new Set(tr.map((e) => e.id)),
    test: new Set(te.map((e) => e.id)),
    trainRange: [tr[0]?.session ?? '', tr[tr.length - 1]?.session ?? ''],
    testRange: [te[0]?.session ?? '', te[te.length - 1]?.session ?? ''],
    embargo,
  });
  if ('folds' in wf || 'kfold' in wf) {
    const kfold = 'kfold' in wf;
    const k = kfold ? wf.kfold : wf.folds;
    const field = kfold ? 'kfold' : 'folds';
    const blocks = kfold ? k : k + 1;
    if (!Number.isInteger(k) || k < (kfold ? 2 : 1)) throw new AftershockError('SWEEP_BAD_FOLDS', `${field} must be a whole number ≥ ${kfold ? 2 : 1}, got ${k}`, { field: `walkForward.${field}` });
    const embargo = kfold ? (wf.embargo ?? 0) : 0;
    if (!Number.isInteger(embargo) || embargo < 0) throw new AftershockError('SWEEP_BAD_EMBARGO', `embargo must be a whole number of sessions ≥ 0, got ${embargo}`, { field: 'walkForward.embargo' });
    const sessions = [...new Set(ev.map((e) => e.session))];
    if (sessions.length < blocks) throw badFolds(field, k, sessions.length, blocks);
    const counts = sessions.map((s) => ev.filter((e) => e.session === s).length);
    const starts = cutSessions(counts, blocks);
    const block = (j: number) => {
      const from = sessions[starts[j]!]!;
      const to = j + 1 < blocks ? sessions[starts[j + 1]!]! : '\uffff';
      return ev.filter((e) => e.session >= from && e.session < to);
    };
    const parts = Array.from({ length: blocks }, (_, j) => block(j));
    if (kfold) return parts.map((te, j) => fold(parts.filter((_, i) => i !== j).flat(), te, embargo));
    return parts.slice(1).map((te, j) => fold(parts.slice(0, j + 1).flat(), te));
  }
  let split: IsoDate;
  if ('split' in wf) split = wf.split;
  else {
    const f = wf.trainFraction;
    if (!(f > 0 && f < 1)) throw new AftershockError('SWEEP_BAD_FRACTION', `trainFraction must be between 0 and 1, got ${f}`, { field: 'walkForward.trainFraction' });
    const i = Math.min(ev.length - 1, Math.max(1, Math.ceil(ev.length * f)));
    split = ev[i]?.session ?? '';
  }
  return [fold(ev.filter((e) => e.session < split), ev.filter((e) => e.session >= split))];
}

/** In words, for the reports: `anchored walk-forward by session, 3 folds, purged`. */
export function walkForwardText(wf: WalkForward): string {
  if ('split' in wf) return `in-sample before ${wf.split}, out-of-sample from it (by day 0; purged)`;
  if ('trainFraction' in wf) return `first ${Math.round(wf.trainFraction * 100)}% of events in-sample (by day 0; purged)`;
  if ('kfold' in wf) return `purged k-fold, ${wf.kfold} folds by day 0, embargo ${wf.embargo ?? 0} session(s)`;
  return `anchored walk-forward, ${wf.folds} fold(s) by day 0, purged`;
}
