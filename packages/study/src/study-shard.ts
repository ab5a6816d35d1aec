import { AftershockError, resolveDay0, type BarSeries, type IsoDate, type MarketEvent } from '@aftershock/core';
import { defaultCalendarWindow } from './calendar-time-study';
import { fitModels, type ModelFit } from './models';
import { compactPanel, makePanel, panelGeometry, type Panel, type RelWindow } from './panel';
import { selectFirms } from './select-firms';
import type { StudySetup } from './study-setup';
import type { StudyConfig } from './study-types';
import { resolveWindow, validateWindows } from './windows';

/** An event with day 0 resolved and prices present: its place in the whole study's events and its market index of day 0. */
export interface ShardCandidate {
  readonly index: number;
  readonly m0: number;
  readonly day0: IsoDate;
  readonly explanation: string;
}

/**
 * An exclusion with the step that made it (1: day 0 and prices, 2: history and factor span, 3: the model fit) and
 * the event's index: the whole study lists exclusions by step, then in input order.
 */
export interface ShardExclusion {
  readonly step: 1 | 2 | 3;
  readonly index: number;
  readonly code: string;
  readonly reason: string;
}

/**
 * The per-event part of a study for some of its events: day 0, windows, the panel and the per-firm fits. Every
 * number of an event depends only on its own prices and the market, so shards of any split, assembled by event
 * index (`assembleStudy`), give exactly the unsharded study.
 */
export interface StudyShard {
  /** The windows in relative sessions (absent when no event of the shard has day 0 and prices). */
  readonly windows?: { readonly est: RelWindow; readonly evt: RelWindow; readonly cars: readonly RelWindow[] };
  readonly candidates: readonly ShardCandidate[];
  /** Indices (into `candidates`) of the fitted events, in order; row k of `panel` and `fit` is event `kept[k]`. */
  readonly kept: Int32Array;
  /** Raw close-to-close day-0 return of each fitted event. */
  readonly day0Return: Float64Array;
  readonly excluded: readonly ShardExclusion[];
  /** The fitted events' returns, market returns and (factor models) each firm's offset into the factor series. */
  readonly panel: { readonly ret: Float64Array; readonly mkt: Float64Array; readonly factorStart?: Int32Array };
  readonly fit?: ModelFit;
  /**
   * With a calendar-time test: each fitted event's returns on the sessions of its holding window (m0 + a … m0 + b,
   * NaN off the market's span), `width` = b − a + 1 per event — what the portfolio of the assembled study reads.
   */
  readonly calendarReturns?: Float64Array;
}

/** What a shard needs of an event: its place in the whole study and what day 0 depends on. */
export type ShardEvent = Pick<MarketEvent, 'symbol' | 'date' | 'timing' | 'kind'> & { readonly index: number };

/**
 * Fits `events` (each with its index in the whole study) against `prices`: steps 1–3 of `runStudy` — day 0 by core's
 * `resolveDay0`, windows in sessions of the market, the history and factor-span checks, the normal-return model per
 * event and its estimation-length and fit checks. Unusable events are excluded with a coded reason.
 */
export function fitStudyShard(setup: StudySetup, config: StudyConfig, prices: ReadonlyMap<string, BarSeries>, events: readonly ShardEvent[]): StudyShard {
  const { calendar: cal, aligner, market, model, profile } = setup;
  const fac = setup.factors;
  const excluded: ShardExclusion[] = [];
  const day0Opts = { ...(config.nonSession ? { nonSession: config.nonSession } : {}), ...(config.unknownTiming ? { unknownTiming: config.unknownTiming } : {}) };

  // 1. Day 0 and the market index of every event.
  const cands: (ShardCandidate & { readonly bars: BarSeries })[] = [];
  for (const e of events) {
    const index = e.index;
    const bars = prices.get(e.symbol);
    if (!bars || bars.length === 0) {
      excluded.push({ step: 1, index, code: 'NO_PRICES', reason: `no prices for ${e.symbol}` });
      continue;
    }
    const d = resolveDay0(cal, e.date, e.timing, day0Opts, e.kind);
    if (d.day0 === null) {
      excluded.push({ step: 1, index, code: 'DAY0_SKIPPED', reason: d.explanation });
      continue;
    }
    const m0 = aligner.indexOnOrAfter(d.ordinal);
    if (m0 >= market.length) {
      excluded.push({ step: 1, index, code: 'DAY0_AFTER_MARKET_DATA', reason: `day 0 ${d.day0} is after the last ${market.symbol} session (${market.dates[market.length - 1]})` });
      continue;
    }
    cands.push({ index, bars, m0, day0: market.dates[m0]!, explanation: d.explanation });
  }
  const candidates = cands.map(({ index, m0, day0, explanation }) => ({ index, m0, day0, explanation }));
  const empty = { candidates, kept: new Int32Array(0), day0Return: new Float64Array(0), excluded, panel: { ret: new Float64Array(0), mkt: new Float64Array(0) } };

  // 2. Windows (calendar-time specs must give one geometry for all events).
  let windows: StudyShard['windows'];
  for (const c of cands) {
    const e1 = resolveWindow(config.estimation, cal, aligner, c.m0);
    const w1 = resolveWindow(config.event, cal, aligner, c.m0);
    const c1 = (config.carWindows ?? [w1]).map((w) => resolveWindow(w, cal, aligner, c.m0));
    if (!windows) {
      windows = { est: e1, evt: w1, cars: c1 };
      validateWindows(e1, w1, c1);
    } else if (!sameWindows(windows, { est: e1, evt: w1, cars: c1 })) {
      const ev = events.find((x) => x.index === c.index)!;
      throw new AftershockError('BAD_WINDOW', `calendar-time windows give different relative sessions for ${ev.symbol} ${ev.date} than for the first event; use relative windows`, { field: 'estimation' });
    }
  }
  if (!windows) return empty;
  const { est, evt } = windows;
  const geo = panelGeometry(est, evt);
  const rows = geo.rows;

  // 3. Fill the panel; drop events without enough history or estimation returns.
  let kept: number[] = [];
  cands.forEach((c, k) => {
    const first = c.m0 + est.start;
    const last = c.m0 + evt.end;
    const x = (code: string, reason: string) => excluded.push({ step: 2, index: c.index, code, reason });
    if (first < 0) x('SHORT_HISTORY', `needs ${-est.start} ${market.symbol} sessions before day 0 ${c.day0}, only ${c.m0} available`);
    else if (last >= market.length) x('SHORT_HISTORY', `needs ${evt.end} ${market.symbol} sessions after day 0 ${c.day0}, only ${market.length - 1 - c.m0} available`);
    else if (fac && (market.dates[first]! < fac.first || market.dates[last]! > fac.last)) x('FACTORS_SHORT', `its windows ${market.dates[first]}..${market.dates[last]} run past the factor file(s) ${fac.files} (${fac.first}..${fac.last})`);
    else kept.push(k);
  });
  const ret = new Float64Array(kept.length * rows);
  const mkt = new Float64Array(kept.length * rows);
  kept.forEach((k, i) => {
    const c = cands[k]!;
    const r0 = c.m0 + est.start;
    ret.set(aligner.at(c.bars).subarray(r0, r0 + rows), i * rows);
    mkt.set(aligner.marketReturns.subarray(r0, r0 + rows), i * rows);
  });
  const factors = fac ? { names: fac.names, series: fac.series, rf: fac.rf, start: Int32Array.from(kept, (k) => cands[k]!.m0 + est.start) } : undefined;
  let panel: Panel = makePanel(geo, kept.length, ret, mkt, factors);
  let fit = fitModels(panel, model, profile);
  const ok: number[] = [];
  kept.forEach((k, i) => {
    const T = fit.T[i]!;
    const x = (code: string, reason: string) => excluded.push({ step: 3, index: cands[k]!.index, code, reason });
    if (T < setup.minEstimation) x('SHORT_ESTIMATION', `only ${T} estimation returns in ${est.start}:${est.end} (minimum ${setup.minEstimation})`);
    else if (model === 'market-model' && !(fit.beta[i]! === fit.beta[i]!)) x('MODEL_FAILED', 'the market model cannot be fitted (no market variation in the estimation window)');
    else if (fac && !(fit.alpha[i]! === fit.alpha[i]!)) x('MODEL_FAILED', `the ${model} model cannot be fitted (too few estimation days or collinear factors)`);
    else ok.push(i);
  });
  if (ok.length < kept.length) {
    // In place: fits are per firm, so the kept firms' fits stand; no second panel or fit is allocated.
    kept = ok.map((i) => kept[i]!);
    panel = compactPanel(panel, ok);
    fit = selectFirms(fit, ok, rows, true);
  }
  const day0Return = Float64Array.from(kept, (k) => rawDay0Return(cands[k]!.bars, market.session[cands[k]!.m0]!));
  const ct = config.calendarTime ? calendarWindow(config.calendarTime.window ?? defaultCalendarWindow(evt)) : undefined;
  let calendarReturns: Float64Array | undefined;
  if (ct) {
    calendarReturns = new Float64Array(kept.length * ct.width).fill(NaN);
    kept.forEach((k, i) => {
      const c = cands[k]!;
      const r = aligner.at(c.bars);
      for (let j = 0; j < ct.width; j++) {
        const t = c.m0 + ct.start + j;
        if (t >= 0 && t < market.length) calendarReturns![i * ct.width + j] = r[t]!;
      }
    });
  }
  return {
    windows,
    candidates,
    kept: Int32Array.from(kept),
    day0Return,
    excluded,
    panel: { ret: panel.ret, mkt: panel.mkt, ...(panel.factors ? { factorStart: panel.factors.start } : {}) },
    fit,
    ...(calendarReturns ? { calendarReturns } : {}),
  };
}

/** A calendar-time holding window's first offset and width (0 for a malformed one: the assembly reports it). */
export function calendarWindow(w: RelWindow): { start: number; width: number } {
  return Number.isInteger(w.start) && Number.isInteger(w.end) && w.start <= w.end ? { start: w.start, width: w.end - w.start + 1 } : { start: 0, width: 0 };
}

/** Whether two shards' windows are the same relative sessions. */
export function sameWindows(a: NonNullable<StudyShard['windows']>, b: NonNullable<StudyShard['windows']>): boolean {
  const eq = (x: RelWindow, y: RelWindow) => x.start === y.start && x.end === y.end;
  return eq(a.est, b.est) && eq(a.evt, b.evt) && a.cars.length === b.cars.length && a.cars.every((w, k) => eq(w, b.cars[k]!));
}

/** Raw close on the session `ord` over the previous available raw close, minus 1 (NaN without a bar there). */
function rawDay0Return(bars: BarSeries, ord: number): number {
  let lo = 0;
  let hi = bars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = bars.session[mid]!;
    if (s === ord) {
      const c = bars.close[mid]!;
      for (let j = mid - 1; j >= 0; j--) {
        const p = bars.close[j]!;
        if (p > 0) return c > 0 ? c / p - 1 : NaN;
      }
      return NaN;
    }
    if (s < ord) lo = mid + 1;
    else hi = mid - 1;
  }
  return NaN;
}
