import {
  AftershockError,
  eventField,
  resolveDay0,
  ValidationError,
  xnysCalendar,
  type BarSeries,
  type IsoDate,
  type MarketEvent,
  type TradingCalendar,
} from '@aftershock/core';
import { firmCar } from './aggregate';
import { studyCalendarTime } from './calendar-time-study';
import { confounders } from './confounding';
import { factorColumns, FACTOR_MODELS, type FactorModelKind, type FactorTable } from './factors';
import { isFactorModel } from './profile';
import { MarketAligner } from './market-align';
import { fitModels, predictedRow, type ModelFit } from './models';
import { compactPanel, compactRows, panelGeometry, subPanel, type Panel, type RelWindow } from './panel';
import { sampleStats, type SampleOptions } from './sample-stats';
import type { EventModel, ExcludedEvent, RowWindow, StudyConfig, StudyEvent, StudyGroup, StudyResult } from './study-types';
import { resolveWindow, validateWindows } from './windows';

export interface StudyInput {
  /** Price series per symbol (the market may be among them). */
  readonly prices: ReadonlyMap<string, BarSeries> | readonly BarSeries[];
  /** The benchmark; its sessions define event time. */
  readonly market: BarSeries;
  readonly events: readonly MarketEvent[];
  readonly calendar?: TradingCalendar;
  /** Daily factors (`parseFrenchFactors`), required by the factor models ff3, ff5 and carhart. */
  readonly factors?: FactorTable;
}

interface Candidate {
  readonly event: MarketEvent;
  readonly bars: BarSeries;
  readonly m0: number;
  readonly day0: IsoDate;
  readonly explanation: string;
}

/**
 * Runs an event study: day 0 of every event by core's `resolveDay0`, windows in sessions of the market series,
 * the normal-return model per event, AR/CAR/BHAR, and every cross-sectional test (for all events and per group).
 * Unusable events are excluded with a coded reason; bad setups throw AftershockError / ValidationError.
 */
export function runStudy(input: StudyInput, config: StudyConfig): StudyResult {
  const cal = input.calendar ?? xnysCalendar();
  const model = config.model ?? 'market-model';
  const returns = config.returns ?? 'simple';
  const profile = config.profile ?? 'textbook';
  const price = config.price ?? 'close';
  const factorModel = isFactorModel(model);
  const minEstimation = Math.max(model === 'market-model' ? 5 : factorModel ? FACTOR_MODELS[model].length + 4 : 2, config.minEstimation ?? 30);
  if (factorModel && !input.factors) {
    throw new AftershockError('FACTORS_REQUIRED', `model ${model} needs daily factors (Ken French's files: --factors, or study.factors in a scenario)`, { field: 'factors' });
  }
  const carMinPercentage = config.carMinPercentage ?? 90;
  const market = input.market;
  if (market.length < 2) throw new AftershockError('NO_MARKET_DATA', `market series ${market.symbol} has fewer than two closes`, { field: 'market' });
  if (input.events.length === 0) throw new AftershockError('NO_EVENTS', 'no events to study', { field: 'events' });
  const fac = factorModel ? alignFactors(input.factors!, model, market) : undefined;
  const bySymbol = input.prices instanceof Map ? (input.prices as ReadonlyMap<string, BarSeries>) : new Map((input.prices as readonly BarSeries[]).map((b) => [b.symbol, b]));
  const aligner = new MarketAligner(market, returns, price);
  const excluded: ExcludedEvent[] = [];
  const exclude = (event: MarketEvent, code: string, reason: string) => excluded.push({ event, code, reason });

  // 1. Day 0 and the market index of every event.
  const cands: Candidate[] = [];
  for (const e of input.events) {
    const bars = bySymbol.get(e.symbol);
    if (!bars || bars.length === 0) {
      exclude(e, 'NO_PRICES', `no prices for ${e.symbol}`);
      continue;
    }
    const d = resolveDay0(cal, e.date, e.timing, { ...(config.nonSession ? { nonSession: config.nonSession } : {}), ...(config.unknownTiming ? { unknownTiming: config.unknownTiming } : {}) }, e.kind);
    if (d.day0 === null) {
      exclude(e, 'DAY0_SKIPPED', d.explanation);
      continue;
    }
    const m0 = aligner.indexOnOrAfter(d.ordinal);
    if (m0 >= market.length) {
      exclude(e, 'DAY0_AFTER_MARKET_DATA', `day 0 ${d.day0} is after the last ${market.symbol} session (${market.dates[market.length - 1]})`);
      continue;
    }
    cands.push({ event: e, bars, m0, day0: market.dates[m0]!, explanation: d.explanation });
  }

  // 2. Windows (calendar-time specs must give one geometry for all events).
  let est: RelWindow | undefined;
  let evt: RelWindow | undefined;
  let cars: RelWindow[] | undefined;
  for (const c of cands) {
    const e1 = resolveWindow(config.estimation, cal, aligner, c.m0);
    const w1 = resolveWindow(config.event, cal, aligner, c.m0);
    const c1 = (config.carWindows ?? [w1]).map((w) => resolveWindow(w, cal, aligner, c.m0));
    if (!est || !evt || !cars) {
      est = e1;
      evt = w1;
      cars = c1;
      validateWindows(est, evt, cars);
    } else if (e1.start !== est.start || e1.end !== est.end || w1.start !== evt.start || w1.end !== evt.end || c1.some((w, k) => w.start !== cars![k]!.start || w.end !== cars![k]!.end)) {
      throw new AftershockError('BAD_WINDOW', `calendar-time windows give different relative sessions for ${c.event.symbol} ${c.event.date} than for the first event; use relative windows`, { field: 'estimation' });
    }
  }
  if (!est || !evt || !cars) {
    throw noUsableEvents(excluded);
  }
  const geo = panelGeometry(est, evt);

  // 3. Fill the panel; drop events without enough history or estimation returns.
  const rows = geo.rows;
  let kept: Candidate[] = [];
  for (const c of cands) {
    const first = c.m0 + est.start;
    const last = c.m0 + evt.end;
    if (first < 0) {
      exclude(c.event, 'SHORT_HISTORY', `needs ${-est.start} ${market.symbol} sessions before day 0 ${c.day0}, only ${c.m0} available`);
    } else if (last >= market.length) {
      exclude(c.event, 'SHORT_HISTORY', `needs ${evt.end} ${market.symbol} sessions after day 0 ${c.day0}, only ${market.length - 1 - c.m0} available`);
    } else if (fac && (market.dates[first]! < fac.first || market.dates[last]! > fac.last)) {
      exclude(c.event, 'FACTORS_SHORT', `its windows ${market.dates[first]}..${market.dates[last]} run past the factor file(s) ${fac.files} (${fac.first}..${fac.last})`);
    } else kept.push(c);
  }
  const fill = (list: readonly Candidate[]): Panel => {
    const ret = new Float64Array(list.length * rows);
    const mkt = new Float64Array(list.length * rows);
    list.forEach((c, i) => {
      const r0 = c.m0 + est!.start;
      ret.set(aligner.at(c.bars).subarray(r0, r0 + rows), i * rows);
      mkt.set(aligner.marketReturns.subarray(r0, r0 + rows), i * rows);
    });
    const factors = fac ? { names: fac.names, series: fac.series, rf: fac.rf, start: Int32Array.from(list, (c) => c.m0 + est!.start) } : undefined;
    return { ...geo, n: list.length, ret, mkt, ...(factors ? { factors } : {}) };
  };
  let panel = fill(kept);
  let fit = fitModels(panel, model, profile);
  const ok: number[] = [];
  kept.forEach((c, i) => {
    const T = fit.T[i]!;
    if (T < minEstimation) exclude(c.event, 'SHORT_ESTIMATION', `only ${T} estimation returns in ${est!.start}:${est!.end} (minimum ${minEstimation})`);
    else if (model === 'market-model' && !(fit.beta[i]! === fit.beta[i]!)) exclude(c.event, 'MODEL_FAILED', 'the market model cannot be fitted (no market variation in the estimation window)');
    else if (factorModel && !(fit.alpha[i]! === fit.alpha[i]!)) exclude(c.event, 'MODEL_FAILED', `the ${model} model cannot be fitted (too few estimation days or collinear factors)`);
    else ok.push(i);
  });
  if (ok.length === 0) {
    throw noUsableEvents(excluded);
  }
  if (ok.length < kept.length) {
    // In place: fits are per firm, so the kept firms' fits stand; no second panel or fit is allocated.
    kept = ok.map((i) => kept[i]!);
    panel = compactPanel(panel, ok);
    fit = selectFirms(fit, ok, rows, true);
  }

  // 4. Per-event rows.
  const relDays = new Int32Array(rows);
  const rowWindow: RowWindow[] = [];
  for (let r = 0; r < rows; r++) {
    relDays[r] = geo.relFirst + r;
    rowWindow.push(r <= geo.estEnd ? 'estimation' : r < geo.evtStart ? 'gap' : 'event');
  }
  const groupBy = config.groupBy;
  const confounded = confounders(kept, cands, evt);
  const events: StudyEvent[] = kept.map((c, i) => {
    const r0 = c.m0 + est!.start;
    const fr = fit.estFirstRow[i]!;
    const lr = fit.estLastRow[i]!;
    // Views into the panel and fit buffers (no copy); treat them as read-only.
    const slice = (a: Float64Array) => a.subarray(i * rows, (i + 1) * rows);
    const m: EventModel = {
      estimationLength: fit.T[i]!,
      alpha: fit.alpha[i]!,
      beta: fit.beta[i]!,
      meanReturn: fit.meanReturn[i]!,
      arMean: fit.arMean[i]!,
      sd: fit.sd[i]!,
      sdN1: fit.sdN1[i]!,
      rss: fit.rss[i]!,
      mktMean: fit.mktMean[i]!,
      mktSs: fit.mktSs[i]!,
      mktN: model === 'constant-mean' ? NaN : fit.mktN[i]!,
      ...(fit.factors ? { factorBetas: Object.fromEntries(fac!.names.map((nm, k) => [nm, fit.factors!.betas[i * fit.factors!.k + k]!])) } : {}),
      estFirstRelDay: fr >= 0 ? geo.relFirst + fr : NaN,
      estLastRelDay: lr >= 0 ? geo.relFirst + lr : NaN,
      estFirstDate: fr >= 0 ? market.dates[r0 + fr]! : null,
      estLastDate: lr >= 0 ? market.dates[r0 + lr]! : null,
    };
    return {
      event: c.event,
      symbol: c.event.symbol,
      eventDate: c.event.date,
      day0: c.day0,
      day0Explanation: c.explanation,
      day0Return: rawDay0Return(c.bars, market.session[c.m0]!),
      model: m,
      // Derived on access (100,000 events would hold 25.6 M date references and a panel of predictions otherwise).
      get dates() {
        return market.dates.slice(r0, r0 + rows);
      },
      ret: slice(panel.ret),
      mkt: slice(panel.mkt),
      get predicted() {
        return predictedRow(panel, fit, i);
      },
      ar: slice(fit.ar),
      cars: cars!.map((w) => firmCar(panel, fit, i, w, returns)),
      confoundedBy: confounded[i]!,
      inTests: !(config.excludeConfounded === true && confounded[i]!.length > 0),
      ...(groupBy !== undefined ? { group: eventField(c.event, groupBy) } : {}),
    };
  });

  // 5. Cross-sectional statistics, for all events and per group (without the confounded ones when so configured).
  const boot = config.bootstrap === false ? undefined : (config.bootstrap ?? { samples: 1000, seed: 1, level: 0.95 });
  const order = inputOrder(input.events, kept.map((c) => c.event));
  const so: SampleOptions = { profile, returns, carWindows: cars, carMinPercentage, inputOrder: order, ...(boot ? { bootstrap: boot } : {}) };
  const excludeConfounded = config.excludeConfounded === true;
  const inTests = events.flatMap((e, i) => (e.inTests ? [i] : []));
  if (inTests.length === 0) {
    throw new ValidationError(
      [{ code: 'ALL_CONFOUNDED', message: `all ${events.length} usable events are confounded by other events of their firms (excludeConfounded)`, severity: 'error' }],
      `no usable events: all ${events.length} are confounded by other events of their firms inside the event window, and confounded events are excluded from the tests`,
    );
  }
  const whole = inTests.length === events.length;
  const stats = whole ? sampleStats(panel, fit, so) : sampleStats(subPanel(panel, inTests), selectFirms(fit, inTests, rows, false), { ...so, inputOrder: inTests.map((i) => order[i]!) });
  const groups: StudyGroup[] = [];
  if (groupBy !== undefined) {
    const keys = [...new Set(events.map((e) => e.group!))].sort();
    for (const key of keys) {
      const idx = events.flatMap((e, i) => (e.group === key && e.inTests ? [i] : []));
      if (idx.length === 0) continue;
      const sp = subPanel(panel, idx);
      groups.push({ field: groupBy, key, eventIndices: idx, stats: sampleStats(sp, selectFirms(fit, idx, rows, false), { ...so, inputOrder: idx.map((i) => order[i]!) }) });
    }
  }
  const calendarTime = config.calendarTime
    ? studyCalendarTime(aligner, inTests.map((i) => kept[i]!), model, returns, evt, config.calendarTime, fac)
    : undefined;
  return {
    profile,
    model,
    returns,
    price,
    marketSymbol: market.symbol,
    estimation: est,
    eventWindow: evt,
    carWindows: cars,
    minEstimation,
    excludeConfounded,
    relDays,
    rowWindow,
    events,
    excluded,
    stats,
    groups,
    ...(calendarTime ? { calendarTime } : {}),
  };
}

/**
 * Each event's position in the input as the user wrote it: by file (in order of first appearance) and line when
 * every event carries its origin (loaders sort events by date), else its place in `all`.
 */
function inputOrder(all: readonly MarketEvent[], events: readonly MarketEvent[]): Float64Array {
  const out = new Float64Array(events.length);
  if (events.every((e) => e.origin)) {
    const files = new Map<string, number>();
    for (const e of all) if (e.origin && !files.has(e.origin.file)) files.set(e.origin.file, files.size);
    events.forEach((e, i) => (out[i] = files.get(e.origin!.file)! * 2 ** 32 + e.origin!.line));
  } else {
    const pos = new Map<MarketEvent, number>(all.map((e, i) => [e, i]));
    events.forEach((e, i) => (out[i] = pos.get(e)!));
  }
  return out;
}

/** The model's factor columns laid on the market's sessions (NaN where the files have no row). */
function alignFactors(t: FactorTable, model: FactorModelKind, market: BarSeries) {
  const { names, values, rf } = factorColumns(t, model);
  const at = new Map(t.dates.map((d, i) => [d, i]));
  const lay = (v: Float64Array) => Float64Array.from(market.dates, (d) => {
    const i = at.get(d);
    return i === undefined ? NaN : v[i]!;
  });
  return { names, series: values.map(lay), rf: lay(rf), first: t.dates[0]!, last: t.dates[t.dates.length - 1]!, files: t.files.join(', ') };
}

/** Every event was excluded: one problem per event (with its file and line when known). */
function noUsableEvents(excluded: readonly ExcludedEvent[]): ValidationError {
  return new ValidationError(
    excluded.map((x) => ({
      code: x.code,
      message: `${x.event.symbol} ${x.event.date}: ${x.reason}`,
      severity: 'error' as const,
      ...(x.event.origin ? { file: x.event.origin.file, line: x.event.origin.line } : {}),
    })),
    'no usable events:\n' + excluded.map((x) => `  ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]`).join('\n'),
  );
}

/**
 * The fit restricted to the firms `idx` (ascending), fits being per firm: a copy, or (`inPlace`) the same buffers
 * compacted, which is safe because each firm moves to an index ≤ its own.
 */
function selectFirms(f: ModelFit, idx: readonly number[], rows: number, inPlace: boolean): ModelFit {
  const pick = (a: Float64Array) => (inPlace ? compactRows(a, idx, 1) : Float64Array.from(idx, (i) => a[i]!));
  const pickInt = (a: Int32Array) => {
    if (!inPlace) return Int32Array.from(idx, (i) => a[i]!);
    idx.forEach((i, k) => (a[k] = a[i]!));
    return a.subarray(0, idx.length);
  };
  const pickRows = (a: Float64Array) => {
    if (inPlace) return compactRows(a, idx, rows);
    const out = new Float64Array(idx.length * rows);
    idx.forEach((i, k) => out.set(a.subarray(i * rows, (i + 1) * rows), k * rows));
    return out;
  };
  const fx = f.factors;
  const pickBlocks = (a: Float64Array, width: number) => {
    if (inPlace) return compactRows(a, idx, width);
    const out = new Float64Array(idx.length * width);
    idx.forEach((i, k) => out.set(a.subarray(i * width, (i + 1) * width), k * width));
    return out;
  };
  return {
    model: f.model,
    n: idx.length,
    nParams: f.nParams,
    ...(fx ? { factors: { k: fx.k, betas: pickBlocks(fx.betas, fx.k), means: pickBlocks(fx.means, fx.k), sInv: pickBlocks(fx.sInv, fx.k * fx.k) } } : {}),
    T: pick(f.T),
    alpha: pick(f.alpha),
    beta: pick(f.beta),
    meanReturn: pick(f.meanReturn),
    arMean: pick(f.arMean),
    sd: pick(f.sd),
    sdN1: pick(f.sdN1),
    rss: pick(f.rss),
    mktMean: pick(f.mktMean),
    mktSs: pick(f.mktSs),
    mktN: pick(f.mktN),
    estFirstRow: pickInt(f.estFirstRow),
    estLastRow: pickInt(f.estLastRow),
    ar: pickRows(f.ar),
  };
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
