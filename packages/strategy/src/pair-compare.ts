import type { IsoDate } from '@aftershock/core';
import { pairedBootstrap, type PairedBootstrap } from './bootstrap';
import { sampleSd } from './stats';

/** A paired difference a − b: its n, mean, t and seeded bootstrap interval. */
export interface PairedDifference extends PairedBootstrap {
  /** t of the mean difference: mean / (sd / √n), sample sd (n − 1); NaN for n < 2 or no spread. */
  readonly tStat: number;
}

/** How a pair of strategies is compared. */
export type PairBasis = 'events' | 'daily';

/** One pair of strategies, compared on true pairs. */
export interface PairComparison {
  readonly a: string;
  readonly b: string;
  /**
   * `events`: per-event returns over the events both traded (true pairs). `daily`: no event was traded by both
   * (or one side trades no event, as buy-and-hold), so the daily equity returns over the sessions both ran are paired.
   */
  readonly basis: PairBasis;
  readonly paired: PairedDifference;
  /** Events traded by both, by a only, by b only (the last two are outside the pairs). */
  readonly events: { readonly both: number; readonly onlyA: number; readonly onlyB: number };
  /**
   * Per-event returns over every event either strategy traded, an untraded event counted as a 0 return: not a
   * paired comparison (a filter that skips losers gets credit for it). Only when each side traded events and some
   * event was traded by one side only; null otherwise.
   */
  readonly unionWithZeros: PairedDifference | null;
}

export interface PairOptions {
  readonly resamples?: number;
  readonly seed?: number;
  readonly level?: number;
}

/** What a pair needs of a strategy run: its label, per-event returns and equity curve. */
export interface ComparableRun {
  readonly label: string;
  readonly perEvent: readonly { readonly eventId: string; readonly ret: number }[];
  readonly equity: readonly { readonly date: IsoDate; readonly equity: number }[];
}

/** Paired bootstrap of a − b plus the t of the mean difference. */
export function pairedDifference(a: readonly number[], b: readonly number[], opts: PairOptions = {}): PairedDifference {
  const bs = pairedBootstrap(a, b, opts);
  const d = a.map((x, i) => x - b[i]!);
  const sd = sampleSd(d);
  return { ...bs, tStat: d.length >= 2 && sd > 0 ? bs.meanDiff / (sd / Math.sqrt(d.length)) : NaN };
}

/** Daily simple returns of an equity curve, by the date of the close they end on. */
export function dailyReturns(equity: ComparableRun['equity']): Map<IsoDate, number> {
  const out = new Map<IsoDate, number>();
  for (let i = 1; i < equity.length; i++) out.set(equity[i]!.date, equity[i]!.equity / equity[i - 1]!.equity - 1);
  return out;
}

/**
 * Compares a with b on true pairs: the events both traded, in `order` (event ids; events outside it follow by id);
 * when none, the daily returns over the sessions both ran. The union-with-zeros figure comes along, labelled.
 */
export function comparePair(a: ComparableRun, b: ComparableRun, order: readonly string[] = [], opts: PairOptions = {}): PairComparison {
  const ra = new Map(a.perEvent.map((e) => [e.eventId, e.ret]));
  const rb = new Map(b.perEvent.map((e) => [e.eventId, e.ret]));
  const rank = new Map(order.map((id, i) => [id, i]));
  const ids = [...new Set([...ra.keys(), ...rb.keys()])].sort((x, y) => (rank.get(x) ?? Infinity) - (rank.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0));
  const both = ids.filter((id) => ra.has(id) && rb.has(id));
  const events = { both: both.length, onlyA: ids.filter((id) => !rb.has(id)).length, onlyB: ids.filter((id) => !ra.has(id)).length };
  let paired: PairedDifference;
  let basis: PairBasis;
  if (both.length > 0) {
    basis = 'events';
    paired = pairedDifference(both.map((id) => ra.get(id)!), both.map((id) => rb.get(id)!), opts);
  } else {
    basis = 'daily';
    const da = dailyReturns(a.equity);
    const db = dailyReturns(b.equity);
    const dates = [...da.keys()].filter((d) => db.has(d));
    paired = pairedDifference(dates.map((d) => da.get(d)!), dates.map((d) => db.get(d)!), opts);
  }
  const unionWithZeros = ra.size > 0 && rb.size > 0 && events.onlyA + events.onlyB > 0 ? pairedDifference(ids.map((id) => ra.get(id) ?? 0), ids.map((id) => rb.get(id) ?? 0), opts) : null;
  return { a: a.label, b: b.label, basis, paired, events, unionWithZeros };
}
