import { AftershockError } from '@aftershock/core';
import { calendarTimeTest, type CalendarTimeConfig, type CalendarTimeModel, type CalendarTimeResult } from './calendar-time';
import type { MarketAligner } from './market-align';
import type { RelWindow } from './panel';
import { isFactorModel, type ModelKind } from './profile';
import type { ReturnKind } from './returns';

/** The factor series of a factor-model study, laid on the market's sessions. */
export interface AlignedFactors {
  readonly names: readonly string[];
  readonly series: readonly Float64Array[];
  readonly rf: Float64Array;
}

/** Simple returns whatever the study's kind: a portfolio's return is the mean of its members' simple returns. */
function simple(r: Float64Array, kind: ReturnKind): Float64Array {
  return kind === 'log' ? r.map(Math.expm1) : r;
}

/** The default holding window: day 0 to the end of the event window (the event window itself if it ends before day 0). */
export function defaultCalendarWindow(evt: RelWindow): RelWindow {
  return evt.end >= 0 ? { start: Math.max(0, evt.start), end: evt.end } : evt;
}

/**
 * The calendar-time test of a study's events (those in the tests), regressed per the study's model: factor models
 * regress Rp − RF on their factors; the market model and constant mean regress Rp on the market's return;
 * market-adjusted tests the mean of Rp − Rm (intercept only). Each firm's `returns` are its returns of the study's
 * kind on the market's sessions (one array per key; only the sessions of its windows are read).
 */
export function studyCalendarTime(
  aligner: MarketAligner,
  firms: readonly { readonly key: string; readonly returns: Float64Array; readonly m0: number }[],
  model: ModelKind,
  returns: ReturnKind,
  evt: RelWindow,
  cfg: CalendarTimeConfig,
  factors?: AlignedFactors,
): CalendarTimeResult {
  const w = cfg.window ?? defaultCalendarWindow(evt);
  if (!Number.isInteger(w.start) || !Number.isInteger(w.end) || w.start > w.end) {
    throw new AftershockError('BAD_WINDOW', `calendar-time window ${w.start}:${w.end} must be whole sessions with start ≤ end`, { field: 'calendarTime' });
  }
  const lag = cfg.lag ?? 'auto';
  if (lag !== 'auto' && !(Number.isInteger(lag) && lag >= 0)) throw new AftershockError('BAD_OPTION', `Newey–West lag must be a whole number ≥ 0 or auto, got ${lag}`, { field: 'calendarTime' });
  const cache = new Map<string, Float64Array>();
  const own = (key: string, r: Float64Array) => {
    let s = cache.get(key);
    if (!s) cache.set(key, (s = simple(r, returns)));
    return s;
  };
  const positions = firms.map((f) => ({ key: f.key, returns: own(f.key, f.returns), m0: f.m0 }));
  const mkt = simple(aligner.marketReturns, returns);
  const sym = aligner.market.symbol;
  let spec: CalendarTimeModel;
  if (isFactorModel(model) && factors) spec = { dependent: 'Rp − RF', minus: factors.rf, regressors: factors.names.map((name, k) => ({ name, series: factors.series[k]! })) };
  else if (model === 'market-adjusted') spec = { dependent: `Rp − ${sym}`, minus: mkt, regressors: [] };
  else spec = { dependent: 'Rp', regressors: [{ name: sym, series: mkt }] };
  return calendarTimeTest(positions, aligner.market.dates, w, spec, lag);
}
