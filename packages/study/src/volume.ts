import type { BarSeries, IsoDate, MarketEvent } from '@aftershock/core';
import { firmCar } from './aggregate';
import { fitModels, type ModelFit } from './models';
import type { MarketAligner } from './market-align';
import { compactPanel, makePanel, panelGeometry, type Panel, type RelWindow } from './panel';
import { sampleStats } from './sample-stats';
import { tFlag, type TestValue } from './significance';

/** Normal log volume: a regression on the market's log volume, or the firm's own estimation-window mean. */
export type VolumeModel = 'market-model' | 'mean-adjusted';
export const VOLUME_MODELS: readonly VolumeModel[] = ['market-model', 'mean-adjusted'];

/** log(1 + V) for a positive volume; NaN for zero, negative or missing volume (a day without trading is no observation). */
export function logVolume(v: number): number {
  return v > 0 && v < Infinity ? Math.log1p(v) : NaN;
}

/** One event day of the volume study: AAV, CAAV and their tests. */
export interface VolumeDay {
  readonly relDay: number;
  readonly nFirms: number;
  /** Mean abnormal log volume across firms. */
  readonly aav: number;
  /** AAV cumulated from the event window's start. */
  readonly caav: number;
  /** Cross-sectional t: AAV / (sd_cross / √N), t(N − 1). */
  readonly tTest: TestValue;
  /** Crude dependence adjustment (Brown–Warner 1985): AAV / S(AAV over the estimation window). */
  readonly crude: TestValue;
  /** Corrado (1989) rank test on abnormal log volume (ranks over each firm's estimation and event days). */
  readonly rank: TestValue;
}

/** One CAR window of the volume study: CAAV = mean firm CAV and its tests. */
export interface VolumeWindow {
  readonly window: RelWindow;
  readonly n: number;
  readonly caav: number;
  /** Cross-sectional t of the firms' CAVs, t(N − 1). */
  readonly tTest: TestValue;
  /** Σ daily crude-dependence statistics / √L (days with more than `carMinPercentage` % of firms). */
  readonly crude: TestValue;
  /** Cowan-style CAR rank statistic on abnormal log volume. */
  readonly rank: TestValue;
}

/** One event of the volume study: its fit and abnormal log volume on each event-window day. */
export interface VolumeEvent {
  readonly event: MarketEvent;
  readonly estimationLength: number;
  /** Market model: intercept and slope on the market's log volume; mean-adjusted: NaN. */
  readonly alpha: number;
  readonly beta: number;
  /** Mean log volume over the estimation days used. */
  readonly meanLogVolume: number;
  /** sd of the estimation abnormal log volume. */
  readonly sd: number;
  /** Event-window rows: the dates, log(1 + V) of the firm and the market, and the abnormal log volume. */
  readonly dates: readonly IsoDate[];
  readonly logVolume: Float64Array;
  readonly marketLogVolume: Float64Array;
  readonly abnormal: Float64Array;
  readonly cav: readonly number[];
}

export interface VolumeResult {
  readonly model: VolumeModel;
  readonly marketSymbol: string;
  readonly events: readonly VolumeEvent[];
  readonly excluded: readonly { readonly event: MarketEvent; readonly code: string; readonly reason: string }[];
  readonly days: readonly VolumeDay[];
  readonly windows: readonly VolumeWindow[];
}

/** What the volume study needs of the return study: its windows, its events (bars and day-0 index) and the market. */
export interface VolumeInput {
  readonly aligner: MarketAligner;
  readonly firms: readonly { readonly event: MarketEvent; readonly bars: BarSeries; readonly m0: number }[];
  readonly estimation: RelWindow;
  readonly eventWindow: RelWindow;
  readonly carWindows: readonly RelWindow[];
  readonly minEstimation: number;
  readonly carMinPercentage: number;
}

/**
 * Abnormal volume (Campbell–Wasley 1996; Ajinkya–Jain 1989): v_it = log(1 + V_it), normal log volume by OLS on the
 * market's log volume over the estimation window (market model) or the firm's estimation mean (mean-adjusted);
 * AV_it = v_it − normal. The return study's kernels then give AAV, CAAV and the tests. Events with fewer than
 * `minEstimation` estimation days with volume, or none in the event window, are excluded with a reason.
 */
export function volumeStudy(input: VolumeInput, model: VolumeModel): VolumeResult {
  const { aligner, estimation: est, eventWindow: evt } = input;
  const market = aligner.market;
  const geo = panelGeometry(est, evt);
  const rows = geo.rows;
  const mlv = Float64Array.from(market.volume, logVolume);
  // Per symbol, the raw volume on the market's sessions (NaN without a bar) and its log(1 + V).
  const cache = new Map<string, { raw: Float64Array; lv: Float64Array }>();
  const aligned = (b: BarSeries) => {
    let v = cache.get(b.symbol);
    if (!v) {
      const raw = new Float64Array(market.length).fill(NaN);
      for (let j = 0; j < b.length; j++) {
        const m = aligner.indexOf(b.session[j]!);
        if (m >= 0) raw[m] = b.volume[j]!;
      }
      v = { raw, lv: raw.map(logVolume) };
      cache.set(b.symbol, v);
    }
    return v;
  };
  const own = (b: BarSeries) => aligned(b).lv;
  const build = (list: VolumeInput['firms']): Panel => {
    const ret = new Float64Array(list.length * rows);
    const mkt = new Float64Array(list.length * rows);
    list.forEach((f, i) => {
      const r0 = f.m0 + est.start;
      ret.set(own(f.bars).subarray(r0, r0 + rows), i * rows);
      mkt.set(mlv.subarray(r0, r0 + rows), i * rows);
    });
    return makePanel(geo, list.length, ret, mkt);
  };
  const kind = model === 'market-model' ? 'market-model' : 'constant-mean';
  let panel = build(input.firms);
  let fit = fitModels(panel, kind, 'textbook');
  const excluded: { event: MarketEvent; code: string; reason: string }[] = [];
  const ok: number[] = [];
  input.firms.forEach((f, i) => {
    const why = exclusion(f, i, fit, aligned(f.bars).raw, mlv, geo, est, model, input.minEstimation, market.symbol);
    if (why) excluded.push({ event: f.event, ...why });
    else ok.push(i);
  });
  const empty = { model, marketSymbol: market.symbol, events: [], excluded, days: [], windows: [] };
  if (ok.length === 0) return empty;
  const keep = ok.map((i) => input.firms[i]!);
  if (ok.length < input.firms.length) {
    // Fits are per firm: the kept firms' panel rows compacted in place and fitted again give the same fits.
    panel = compactPanel(panel, ok);
    fit = fitModels(panel, kind, 'textbook');
  }
  const stats = sampleStats(panel, fit, { profile: 'textbook', returns: 'simple', carWindows: input.carWindows, carMinPercentage: input.carMinPercentage });
  const days: VolumeDay[] = stats.aar.map((a, k) => ({
    relDay: a.relDay,
    nFirms: a.nFirms,
    aav: a.aar,
    caav: a.caar,
    tTest: stats.parametric[k]!.tTest,
    crude: stats.parametric[k]!.bw1985,
    rank: stats.nonparametric[k]!.rank,
  }));
  const cavs = input.carWindows.map((w) => Float64Array.from(keep, (_, i) => firmCar(panel, fit, i, w, 'simple').car));
  const windows: VolumeWindow[] = input.carWindows.map((w, k) => {
    const c = [...cavs[k]!].filter((x) => x === x);
    const n = c.length;
    const mean = n > 0 ? c.reduce((s, x) => s + x, 0) / n : NaN;
    const sd = n > 1 ? Math.sqrt(c.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (n - 1)) : NaN;
    const t = (mean / sd) * Math.sqrt(n);
    const test = (name: string) => stats.carTests.find((x) => x.window === w && x.name === name)!;
    const bw = test('car_brown_warner_1985');
    const rk = test('car_rank_test');
    return { window: w, n, caav: mean, tTest: { stat: t, signif: tFlag(t, n - 1) }, crude: { stat: bw.statistic, signif: bw.significance }, rank: { stat: rk.statistic, signif: rk.significance } };
  });
  const dates = (f: VolumeInput['firms'][number]) => market.dates.slice(f.m0 + evt.start, f.m0 + evt.end + 1);
  const events: VolumeEvent[] = keep.map((f, i) => {
    const ev = (a: Float64Array) => a.slice(i * rows + geo.evtStart, i * rows + geo.evtEnd + 1);
    return {
      event: f.event,
      estimationLength: fit.T[i]!,
      alpha: fit.alpha[i]!,
      beta: fit.beta[i]!,
      meanLogVolume: estimationMean(panel, i),
      sd: fit.sd[i]!,
      dates: dates(f),
      logVolume: ev(panel.ret),
      marketLogVolume: ev(panel.mkt),
      abnormal: ev(fit.ar),
      cav: cavs.map((c) => c[i]!),
    };
  });
  return { ...empty, events, days, windows };
}

/** Mean log volume of firm i over its estimation days with volume. */
function estimationMean(p: Panel, i: number): number {
  let s = 0;
  let k = 0;
  for (let r = p.estStart; r <= p.estEnd; r++) {
    const v = p.ret[i * p.rows + r]!;
    if (v === v) {
      s += v;
      k++;
    }
  }
  return k > 0 ? s / k : NaN;
}

/** Why firm i cannot enter the volume study (counting its zero-volume and bar-less estimation days), or null. */
function exclusion(
  f: VolumeInput['firms'][number],
  i: number,
  fit: ModelFit,
  raw: Float64Array,
  mlv: Float64Array,
  geo: ReturnType<typeof panelGeometry>,
  est: RelWindow,
  model: VolumeModel,
  minEstimation: number,
  marketSymbol: string,
): { code: string; reason: string } | null {
  const T = fit.T[i]!;
  const r0 = f.m0 + est.start;
  if (T < minEstimation) {
    let zero = 0;
    let noBar = 0;
    let noMarket = 0;
    for (let r = geo.estStart; r <= geo.estEnd; r++) {
      const v = raw[r0 + r]!;
      if (v === 0) zero++;
      else if (!(v > 0 && v < Infinity)) noBar++;
      else if (model === 'market-model' && mlv[r0 + r]! !== mlv[r0 + r]!) noMarket++;
    }
    const parts = [zero ? `${zero} with zero volume` : '', noBar ? `${noBar} without a volume value` : '', noMarket ? `${noMarket} without ${marketSymbol} volume` : ''].filter(Boolean);
    return { code: 'VOLUME_SHORT_ESTIMATION', reason: `only ${T} estimation days with volume in ${est.start}:${est.end} (minimum ${minEstimation}${parts.length ? `; ${parts.join(', ')}` : ''})` };
  }
  if (model === 'market-model' && !(fit.beta[i]! === fit.beta[i]!)) return { code: 'VOLUME_MODEL_FAILED', reason: `${marketSymbol}'s log volume does not vary over the estimation days` };
  let any = false;
  for (let r = geo.evtStart; r <= geo.evtEnd && !any; r++) any = fit.ar[i * geo.rows + r]! === fit.ar[i * geo.rows + r]!;
  if (!any) return { code: 'VOLUME_MISSING', reason: `no day of the event window has volume${model === 'market-model' ? ` (of both the stock and ${marketSymbol})` : ''}` };
  return null;
}
