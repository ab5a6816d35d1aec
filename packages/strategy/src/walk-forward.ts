import type { IsoDate } from '@aftershock/core';
import { AftershockError } from '@aftershock/core';

/**
 * How to split events by date for an out-of-sample check:
 * - `{ split: '2023-01-01' }`: events dated before the split are in-sample, the rest out-of-sample;
 * - `{ trainFraction: 0.6 }`: the split is the date of the first event after the earliest 60% (by date);
 * - `{ folds: k }`: anchored walk-forward — events in date order cut into k + 1 nearly equal blocks; fold j trains
 *   on blocks 0 … j − 1 and tests on block j, so every test event is later than every event it was tuned on.
 */
export type WalkForward = { readonly split: IsoDate } | { readonly trainFraction: number } | { readonly folds: number };

/** One train/test split: sets of event ids. */
export interface Fold {
  readonly train: ReadonlySet<string>;
  readonly test: ReadonlySet<string>;
  /** First and last event dates of each side. */
  readonly trainRange: readonly [IsoDate, IsoDate];
  readonly testRange: readonly [IsoDate, IsoDate];
}

/** The folds of a walk-forward over events (id, date), sorted by date then id so the cut is deterministic. */
export function walkForwardFolds(events: readonly { readonly id: string; readonly date: IsoDate }[], wf: WalkForward): Fold[] {
  const ev = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const fold = (tr: typeof ev, te: typeof ev): Fold => ({
    train: new Set(tr.map((e) => e.id)),
    test: new Set(te.map((e) => e.id)),
    trainRange: [tr[0]?.date ?? '', tr[tr.length - 1]?.date ?? ''],
    testRange: [te[0]?.date ?? '', te[te.length - 1]?.date ?? ''],
  });
  if ('folds' in wf) {
    const k = wf.folds;
    if (!Number.isInteger(k) || k < 1 || k + 1 > ev.length) {
      throw new AftershockError('SWEEP_BAD_FOLDS', `folds must be a whole number from 1 to ${ev.length - 1} (one less than the events), got ${k}`, { field: 'walkForward.folds' });
    }
    const cut = (j: number) => Math.round((j * ev.length) / (k + 1));
    const out: Fold[] = [];
    for (let j = 1; j <= k; j++) out.push(fold(ev.slice(0, cut(j)), ev.slice(cut(j), cut(j + 1))));
    return out;
  }
  let split: IsoDate;
  if ('split' in wf) split = wf.split;
  else {
    const f = wf.trainFraction;
    if (!(f > 0 && f < 1)) throw new AftershockError('SWEEP_BAD_FRACTION', `trainFraction must be between 0 and 1, got ${f}`, { field: 'walkForward.trainFraction' });
    const i = Math.min(ev.length - 1, Math.max(1, Math.ceil(ev.length * f)));
    split = ev[i]?.date ?? '';
  }
  return [fold(ev.filter((e) => e.date < split), ev.filter((e) => e.date >= split))];
}
