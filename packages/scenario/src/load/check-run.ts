import { eventReadInput } from './vendor-files';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isValidIsoDate, resolveDay0, xnysCalendar, type IsoDate, type Problem, type Timing } from '@aftershock/core';
import { loadEvents } from '@aftershock/data';
import type { Scenario } from './scenario';
import type { YamlSource } from './yaml-source';
import { formatPath } from './zod-problems';

/** Default cap on the points of one strategy's grid (each point is a whole backtest). */
export const DEFAULT_MAX_GRID_POINTS = 10_000;

export interface RunCheckOptions {
  /** The most grid points a sweep may have (default DEFAULT_MAX_GRID_POINTS). */
  readonly maxGridPoints?: number;
}

/**
 * The checks `run` would otherwise make only after reading prices, made from the scenario and its event calendars
 * alone, so that once `validate` says ok a run fails only on data or I/O: real calendar dates, periods and date
 * windows in order and inside the calendar, distinct strategy labels, grid sizes within the limit, and — for
 * calendar-time (date) windows — CAR windows inside the event window and the same relative sessions for every event.
 */
export function checkRunConfig(s: Partial<Scenario>, src: YamlSource, opts: RunCheckOptions = {}): Problem[] {
  const out: Problem[] = [];
  const add = (code: string, message: string, path: PropertyKey[]) => {
    const line = src.lineOf(path);
    out.push({ code, message, severity: 'error', field: formatPath(path), file: src.file, ...(line !== undefined ? { line } : {}) });
  };
  const cal = xnysCalendar();
  const inCalendar = (d: string) => d >= `${CALENDAR_FIRST_YEAR}-01-01` && d <= `${CALENDAR_LAST_YEAR}-12-31`;
  const date = (d: string | undefined, path: PropertyKey[]): boolean => {
    if (d === undefined) return false;
    if (!isValidIsoDate(d)) {
      add('SCENARIO_INVALID_VALUE', `${d} is not a calendar date`, path);
      return false;
    }
    return true;
  };
  const range = (w: { from?: string | undefined; to?: string | undefined } | undefined, path: PropertyKey[], needCalendar: boolean): void => {
    if (!w) return;
    const a = date(w.from, [...path, 'from']);
    const b = date(w.to, [...path, 'to']);
    if (a && b && w.from! > w.to!) add('SCENARIO_OUT_OF_RANGE', `from (${w.from}) is after to (${w.to})`, [...path, 'to']);
    for (const k of ['from', 'to'] as const) {
      const d = w[k];
      if (needCalendar && d !== undefined && isValidIsoDate(d) && !inCalendar(d)) {
        add('SCENARIO_OUT_OF_RANGE', `${d} is outside the trading calendar (${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR})`, [...path, k]);
      }
    }
  };

  // Dates and periods.
  s.events?.list.forEach((e, i) => date(e.date, ['events', 'list', i, 'date']));
  range(s.period, ['period'], true);
  const study = s.study;
  const dateWindow = (w: unknown): w is { from: string; to: string } => typeof w === 'object' && w !== null && !Array.isArray(w) && 'from' in w;
  if (study && dateWindow(study.estimation)) range(study.estimation, ['study', 'estimation'], true);
  if (study && dateWindow(study.window)) range(study.window, ['study', 'window'], true);
  s.strategies?.forEach((st, i) => {
    const wf = st.walkForward as { split?: string } | undefined;
    if (wf?.split !== undefined) date(wf.split, ['strategies', i, 'walkForward', 'split']);
  });

  // Strategies: one label each, and grids within the limit.
  const seen = new Map<string, number>();
  const max = opts.maxGridPoints ?? DEFAULT_MAX_GRID_POINTS;
  s.strategies?.forEach((st, i) => {
    const label = st.label ?? st.name;
    if (label === undefined) return;
    const first = seen.get(label);
    if (first !== undefined) add('SCENARIO_DUPLICATE_LABEL', `strategies[${first}] already has the label "${label}": give each strategy a distinct label`, ['strategies', i, st.label !== undefined ? 'label' : 'name']);
    else seen.set(label, i);
    if (st.grid) {
      const sizes = Object.values(st.grid).map((v) => v.length);
      const points = sizes.reduce((p, n) => p * n, 1);
      if (points > max) {
        add('SCENARIO_GRID_TOO_LARGE', `the grid has ${points.toLocaleString('en-US')} points (${sizes.join(' × ')}), more than the limit of ${max.toLocaleString('en-US')}; narrow it, or raise the limit with --max-grid-points`, ['strategies', i, 'grid']);
      }
    }
  });

  // Calendar-time windows: the same relative sessions for every event, CAR windows inside the event window.
  if (study && (dateWindow(study.window) || dateWindow(study.estimation)) && out.every((p) => !p.field?.startsWith('study'))) {
    const events = eventDates(s);
    const rel = (w: unknown, o: number): [number, number] | undefined =>
      dateWindow(w) ? [cal.ordinalOnOrAfter(w.from) - o, cal.ordinalOnOrBefore(w.to) - o] : Array.isArray(w) ? [w[0] as number, w[1] as number] : undefined;
    let first: { at: string; w: [number, number]; e: [number, number] | undefined } | undefined;
    for (const ev of events) {
      const d0 = resolveDay0(cal, ev.date, ev.timing, { nonSession: study.nonSession, unknownTiming: study.unknownTiming });
      if (d0.ordinal < 0) continue;
      const w = rel(study.window, d0.ordinal);
      const e = rel(study.estimation, d0.ordinal);
      if (!w) continue;
      if (!first) {
        first = { at: `${ev.symbol} ${ev.date}`, w, e };
        study.car.forEach((c, i) => {
          if (c[0] < w[0] || c[1] > w[1]) add('SCENARIO_OUT_OF_RANGE', `a CAR window must lie inside the event window, which is sessions [${w[0]}, ${w[1]}] around day 0 of ${first!.at}; got [${c.join(', ')}]`, ['study', 'car', i]);
        });
        if (e && e[1] >= w[0]) add('SCENARIO_OUT_OF_RANGE', `the estimation window (sessions [${e.join(', ')}] around day 0 of ${first.at}) must end before the event window starts (${w[0]})`, ['study', 'estimation']);
      } else if (w[0] !== first.w[0] || w[1] !== first.w[1] || (e && first.e && (e[0] !== first.e[0] || e[1] !== first.e[1]))) {
        add('SCENARIO_INVALID_VALUE', `calendar-time windows need every event on the same day 0: ${ev.symbol} ${ev.date} gets other relative sessions than ${first.at}; use relative windows [from, to]`, ['study', dateWindow(study.window) ? 'window' : 'estimation']);
        break;
      }
    }
  }
  return out;
}

/** The events a run would study, as far as the scenario shows them (inline ones, and the calendars' rows). */
function eventDates(s: Partial<Scenario>): { symbol: string; date: IsoDate; timing: Timing }[] {
  const out: { symbol: string; date: IsoDate; timing: Timing; kind: string }[] = [];
  for (const e of s.events?.list ?? []) if (isValidIsoDate(e.date)) out.push({ symbol: e.symbol, date: e.date, timing: e.timing, kind: e.kind });
  if (s.events && s.events.files.length > 0) {
    try {
      for (const e of loadEvents(s.events.files.map(eventReadInput))) out.push({ symbol: e.symbol, date: e.date, timing: e.timing, kind: e.kind });
    } catch {
      // The calendars' own problems are reported when they are read; here they only cannot be checked.
    }
  }
  const f = s.events?.filters;
  const kinds = s.events?.kinds;
  return out.filter(
    (e) =>
      (!kinds || kinds.includes(e.kind as never)) &&
      (!f?.symbols || f.symbols.includes(e.symbol)) &&
      (!f?.from || e.date >= f.from) &&
      (!f?.to || e.date <= f.to),
  );
}
