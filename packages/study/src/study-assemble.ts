import { AftershockError, eventField, ValidationError, type MarketEvent } from '@aftershock/core';
import { firmCar } from './aggregate';
import { defaultCalendarWindow, studyCalendarTime } from './calendar-time-study';
import { confounders, type LocatedEvent } from './confounding';
import { makePanel, panelGeometry, subPanel, type Panel, type RelWindow } from './panel';
import { sampleStats, type SampleOptions } from './sample-stats';
import { studyEvent } from './study-event';
import { selectFirms } from './select-firms';
import type { StudySetup } from './study-setup';
import { gatherShards, type GatheredShards } from './study-gather';
import { calendarWindow, sameWindows, type ShardCandidate, type StudyShard } from './study-shard';
import type { EventModel, ExcludedEvent, RowWindow, StudyConfig, StudyEvent, StudyGroup, StudyResult } from './study-types';

/**
 * The whole study from the shards of its events (`fitStudyShard`, any split), or from them already gathered as
 * they arrived (`ShardGatherer`): the fitted events in one panel in input order, exclusions by step then input
 * order, then steps 4–5 of `runStudy` on the assembled panel — each event's rows, CARs and confounders, and every
 * cross-sectional test (AAR/CAAR, parametric, rank, CAR tests, bootstrap, groups) computed from the assembled
 * per-event results, never averaged across shards. One shard of all events is `runStudy` itself, so a sharded
 * study equals the unsharded one number for number.
 */
export function assembleStudy(setup: StudySetup, config: StudyConfig, all: readonly MarketEvent[], shards: readonly StudyShard[] | GatheredShards): StudyResult {
  const g = Array.isArray(shards) ? gatherShards(shards as readonly StudyShard[], all.length) : (shards as GatheredShards);
  const { market, model, returns, profile } = setup;
  const excluded: ExcludedEvent[] = g.excluded.map((x) => ({ event: all[x.index]!, code: x.code, reason: x.reason }));
  const windows = g.windows[0]?.windows;
  if (!windows) throw noUsableEvents(excluded);
  for (const w of g.windows) {
    if (!sameWindows(windows, w.windows)) {
      const e = all[w.firstIndex]!;
      throw new AftershockError('BAD_WINDOW', `calendar-time windows give different relative sessions for ${e.symbol} ${e.date} than for the first event; use relative windows`, { field: 'estimation' });
    }
  }
  const { est, evt, cars } = windows;
  const geo = panelGeometry(est, evt);
  const rows = geo.rows;
  if (!g.fit || !g.panel || g.kept.length === 0) throw noUsableEvents(excluded);
  const fac = setup.factors;
  const n = g.kept.length;
  const panel: Panel = makePanel(geo, n, g.panel.ret, g.panel.mkt, fac ? { names: fac.names, series: fac.series, rf: fac.rf, start: g.panel.factorStart ?? new Int32Array(n) } : undefined);
  const { fit, kept, day0Return, calendarReturns, candidates } = g;
  const located = (c: ShardCandidate): LocatedEvent => ({ event: all[c.index]!, m0: c.m0, day0: c.day0 });

  // 4. Per-event rows.
  const relDays = new Int32Array(rows);
  const rowWindow: RowWindow[] = [];
  for (let r = 0; r < rows; r++) {
    relDays[r] = geo.relFirst + r;
    rowWindow.push(r <= geo.estEnd ? 'estimation' : r < geo.evtStart ? 'gap' : 'event');
  }
  const groupBy = config.groupBy;
  const confounded = confounders(kept.map(located), candidates.map(located), evt);
  const events: StudyEvent[] = kept.map((c, i) => {
    const event = all[c.index]!;
    const r0 = c.m0 + est.start;
    const fr = fit.estFirstRow[i]!;
    const lr = fit.estLastRow[i]!;
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
    return studyEvent(
      {
        event,
        symbol: event.symbol,
        eventDate: event.date,
        day0: c.day0,
        day0Explanation: c.explanation,
        day0Return: day0Return[i]!,
        model: m,
        cars: cars.map((w) => firmCar(panel, fit, i, w, returns)),
        confoundedBy: confounded[i]!,
        inTests: !(config.excludeConfounded === true && confounded[i]!.length > 0),
        ...(groupBy !== undefined ? { group: eventField(event, groupBy) } : {}),
      },
      { panel, fit, i, r0, marketDates: market.dates },
    );
  });

  // 5. Cross-sectional statistics, for all events and per group (without the confounded ones when so configured).
  const boot = config.bootstrap === false ? undefined : (config.bootstrap ?? { samples: 1000, seed: 1, level: 0.95 });
  const order = inputOrder(all, kept.map((c) => all[c.index]!));
  const so: SampleOptions = { profile, returns, carWindows: cars, carMinPercentage: setup.carMinPercentage, inputOrder: order, ...(boot ? { bootstrap: boot } : {}) };
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
  const calendarTime = config.calendarTime ? calendarTimeOf(setup, config, all, kept, inTests, calendarReturns, evt) : undefined;
  return {
    profile,
    model,
    returns,
    price: setup.price,
    marketSymbol: market.symbol,
    estimation: est,
    eventWindow: evt,
    carWindows: cars,
    minEstimation: setup.minEstimation,
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

/** The calendar-time test of the events in the tests, from each one's returns over its holding window. */
function calendarTimeOf(setup: StudySetup, config: StudyConfig, all: readonly MarketEvent[], kept: readonly ShardCandidate[], inTests: readonly number[], rets: Float64Array | undefined, evt: RelWindow) {
  const ct = config.calendarTime!;
  const { start, width } = calendarWindow(ct.window ?? defaultCalendarWindow(evt));
  const n = setup.market.length;
  // One array per firm on the market's sessions, filled on its windows (the portfolio reads nothing else).
  const bySymbol = new Map<string, Float64Array>();
  const firms = inTests.map((i) => {
    const c = kept[i]!;
    const key = all[c.index]!.symbol;
    let r = bySymbol.get(key);
    if (!r) bySymbol.set(key, (r = new Float64Array(n).fill(NaN)));
    for (let j = 0; j < width; j++) {
      const t = c.m0 + start + j;
      if (t >= 0 && t < n) r[t] = rets![i * width + j]!;
    }
    return { key, returns: r, m0: c.m0 };
  });
  return studyCalendarTime(setup.aligner, firms, setup.model, setup.returns, evt, ct, setup.factors);
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
