import { AftershockError, type TradingCalendar } from '@aftershock/core';
import type { MarketAligner } from './market-align';
import type { RelWindow } from './panel';
import type { WindowSpec } from './study-types';

/** Resolves a window spec to relative sessions around the market index `m0` of day 0. */
export function resolveWindow(spec: WindowSpec, cal: TradingCalendar, aligner: MarketAligner, m0: number): RelWindow {
  if ('start' in spec) return spec;
  const a = aligner.indexOnOrAfter(cal.ordinalOnOrAfter(spec.startDate));
  const b = aligner.indexOnOrBefore(cal.ordinalOnOrBefore(spec.endDate));
  return { start: a - m0, end: b - m0 };
}

/** Checks the geometry: non-empty windows, estimation strictly before the event window, CAR windows inside it. */
export function validateWindows(est: RelWindow, evt: RelWindow, cars: readonly RelWindow[]): void {
  const bad = (msg: string, field: string) => new AftershockError('BAD_WINDOW', msg, { field });
  for (const [name, w] of [
    ['estimation', est],
    ['window', evt],
  ] as const) {
    if (!Number.isInteger(w.start) || !Number.isInteger(w.end) || w.start > w.end) {
      throw bad(`${name} window ${w.start}:${w.end} must be whole sessions with start ≤ end`, name);
    }
  }
  if (est.end >= evt.start) {
    throw bad(`estimation window ${est.start}:${est.end} overlaps or follows the event window ${evt.start}:${evt.end}; it must end before it`, 'estimation');
  }
  for (const c of cars) {
    if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start > c.end || c.start < evt.start || c.end > evt.end) {
      throw bad(`CAR window ${c.start}:${c.end} must lie inside the event window ${evt.start}:${evt.end}`, 'car');
    }
  }
}

/** Parses `a:b` (relative sessions, e.g. `-250:-11`). */
export function parseRelWindow(text: string, field: string): RelWindow {
  const m = /^\s*(-?\d+)\s*:\s*(-?\d+)\s*$/.exec(text);
  if (!m) throw new AftershockError('BAD_WINDOW', `expected START:END in sessions (e.g. -250:-11), got "${text}"`, { field });
  return { start: Number(m[1]), end: Number(m[2]) };
}
