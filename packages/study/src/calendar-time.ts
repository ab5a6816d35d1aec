import type { IsoDate } from '@aftershock/core';
import { neweyWestLag, olsNeweyWest, type OlsTerm } from './ols-hac';
import type { RelWindow } from './panel';

/** Settings of the calendar-time portfolio test. */
export interface CalendarTimeConfig {
  /** Sessions relative to each event's day 0 a firm is held, both ends included (default [0, end of the event window]). */
  readonly window?: RelWindow;
  /** Newey–West lag in sessions, or `auto` (default): floor(4 · (T/100)^(2/9)). */
  readonly lag?: number | 'auto';
}

/** One position of the portfolio: a firm's simple returns on the market's sessions and the session index of its day 0. */
export interface CalendarTimeFirm {
  /** Equal keys are one firm: two events of a firm that overlap in calendar time count once that day. */
  readonly key: string;
  readonly returns: Float64Array;
  readonly m0: number;
}

/** The daily equal-weighted portfolio: mean simple return and size per market session (NaN / 0 when empty). */
export interface PortfolioSeries {
  readonly ret: Float64Array;
  readonly size: Int32Array;
}

/**
 * Each market session t, the equal-weighted mean of the simple returns of the firms with t − m0 ∈ [a, b] and a
 * return at t; a firm with several events is one position on a day any of its windows covers. O(events · window).
 *
 * @example firms A (day 0 at session 1) and B (day 0 at 2), window [0, 1]: session 1 holds A, 2 holds A and B, 3 holds B.
 */
export function portfolioSeries(firms: readonly CalendarTimeFirm[], window: RelWindow, sessions: number): PortfolioSeries {
  const sum = new Float64Array(sessions);
  const size = new Int32Array(sessions);
  const byKey = new Map<string, CalendarTimeFirm[]>();
  for (const f of firms) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  const held = new Uint8Array(sessions);
  for (const list of byKey.values()) {
    let lo = sessions;
    let hi = -1;
    for (const f of list) {
      const a = Math.max(0, f.m0 + window.start);
      const b = Math.min(sessions - 1, f.m0 + window.end);
      for (let t = a; t <= b; t++) held[t] = 1;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    const r = list[0]!.returns;
    for (let t = lo; t <= hi; t++) {
      if (held[t] === 0) continue;
      held[t] = 0;
      const x = r[t]!;
      if (x !== x) continue;
      sum[t]! += x;
      size[t]! += 1;
    }
  }
  const ret = new Float64Array(sessions);
  for (let t = 0; t < sessions; t++) ret[t] = size[t]! > 0 ? sum[t]! / size[t]! : NaN;
  return { ret, size };
}

/** What the portfolio's return is regressed on: y_t = ret_t − minus_t (when given) on [1, regressors]. */
export interface CalendarTimeModel {
  /** E.g. `Rp − RF`, `Rp`, `Rp − Rm`. */
  readonly dependent: string;
  /** Subtracted from the portfolio return (RF for factor models, the market for market-adjusted). */
  readonly minus?: Float64Array;
  readonly regressors: readonly { readonly name: string; readonly series: Float64Array }[];
}

export interface CalendarTimeTerm extends OlsTerm {
  /** `alpha`, then each regressor's name. */
  readonly name: string;
}

/** The calendar-time portfolio test (Jaffe 1974; Mitchell–Stafford 2000; Fama 1998). */
export interface CalendarTimeResult {
  readonly window: RelWindow;
  readonly dependent: string;
  /** Daily alpha (the intercept) and 252·alpha. */
  readonly alpha: number;
  readonly alphaAnnual: number;
  /** The intercept first, then the loadings. NaN statistics when the regression could not be run (see `note`). */
  readonly terms: readonly CalendarTimeTerm[];
  readonly r2: number;
  readonly lag: number;
  readonly lagRule: 'auto' | 'user';
  /** Sessions with a non-empty portfolio and every regressor present: the regression's T. */
  readonly days: number;
  /** Sessions with a non-empty portfolio (days with a missing regressor included). */
  readonly nonEmptyDays: number;
  /** Sessions from the first to the last non-empty day (empty days in between are left out, not zero). */
  readonly spanDays: number;
  /** Mean, least and largest portfolio size over the regression's days. */
  readonly meanSize: number;
  readonly minSize: number;
  readonly maxSize: number;
  /** Events in the portfolio and distinct firms. */
  readonly events: number;
  readonly firms: number;
  /** Per regression day: date, market session index, size, portfolio return, dependent y, residual. */
  readonly daily: { readonly dates: readonly IsoDate[]; readonly session: Int32Array; readonly size: Int32Array; readonly ret: Float64Array; readonly y: Float64Array; readonly residual: Float64Array };
  /** Why there are no statistics, when there are none. */
  readonly note?: string;
}

/** Builds the portfolio of `firms` (on the sessions `dates`) and regresses its (excess) return per `model` by OLS with Newey–West t's. */
export function calendarTimeTest(firms: readonly CalendarTimeFirm[], dates: readonly IsoDate[], window: RelWindow, model: CalendarTimeModel, lagSetting: number | 'auto' = 'auto'): CalendarTimeResult {
  const sessions = dates.length;
  const pf = portfolioSeries(firms, window, sessions);
  const use: number[] = [];
  let nonEmpty = 0;
  let first = -1;
  let last = -1;
  for (let t = 0; t < sessions; t++) {
    if (pf.size[t]! === 0) continue;
    nonEmpty++;
    if (first < 0) first = t;
    last = t;
    const y = pf.ret[t]! - (model.minus ? model.minus[t]! : 0);
    if (y === y && model.regressors.every((r) => r.series[t]! === r.series[t]!)) use.push(t);
  }
  const T = use.length;
  const session = Int32Array.from(use);
  const y = Float64Array.from(use, (t) => pf.ret[t]! - (model.minus ? model.minus[t]! : 0));
  const X = model.regressors.map((r) => Float64Array.from(use, (t) => r.series[t]!));
  const lag = lagSetting === 'auto' ? neweyWestLag(T) : lagSetting;
  const fit = olsNeweyWest(y, X, lag, session);
  const names = ['alpha', ...model.regressors.map((r) => r.name)];
  const nan: OlsTerm = { estimate: NaN, seOls: NaN, tOls: NaN, pOls: NaN, seNw: NaN, tNw: NaN, pNw: NaN };
  const terms = names.map((name, k) => ({ name, ...(fit ? fit.terms[k]! : nan) }));
  let sz = 0;
  let mn = Infinity;
  let mx = 0;
  for (const t of use) {
    const s = pf.size[t]!;
    sz += s;
    if (s < mn) mn = s;
    if (s > mx) mx = s;
  }
  const alpha = terms[0]!.estimate;
  return {
    window,
    dependent: model.dependent,
    alpha,
    alphaAnnual: 252 * alpha,
    terms,
    r2: fit ? fit.r2 : NaN,
    lag,
    lagRule: lagSetting === 'auto' ? 'auto' : 'user',
    days: T,
    nonEmptyDays: nonEmpty,
    spanDays: first < 0 ? 0 : last - first + 1,
    meanSize: T > 0 ? sz / T : NaN,
    minSize: T > 0 ? mn : 0,
    maxSize: mx,
    events: firms.length,
    firms: new Set(firms.map((f) => f.key)).size,
    daily: { dates: use.map((t) => dates[t]!), session, size: Int32Array.from(use, (t) => pf.size[t]!), ret: Float64Array.from(use, (t) => pf.ret[t]!), y, residual: fit ? fit.residuals : new Float64Array(T).fill(NaN) },
    ...(fit ? {} : { note: `${T} portfolio day(s) with every regressor present: too few for ${names.length} parameter(s), or collinear regressors` }),
  };
}
