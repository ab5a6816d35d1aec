import { barIndexAt, isAftershockError, resolveDay0, xnysCalendar, type BarSeries, type Day0Options, type MarketEvent } from '@aftershock/core';
import type { RelWindow } from './panel';
import { runStudy } from './run-study';
import { contaminations } from './spillover-contamination';
import { pairEvent, pairId, spilloverPairs, type PairSpec } from './spillover-pairs';
import type { Contamination, SpilloverConfig, SpilloverGroup, SpilloverInput, SpilloverPair, SpilloverResult } from './spillover-types';
import type { StudyConfig, StudyEvent, StudyResult } from './study-types';

/**
 * A spillover study: for every (event, related symbol) pair, the related symbol's returns and abnormal returns
 * around the **event company's** day 0 — `runStudy` on the related symbol's own bars with the event's date and
 * timing, so windows, models, gaps and tests are the study's own — plus contamination flags (the related symbol has
 * an event of its own with day 0 inside the event window) and the cross-sectional tests over the included pairs,
 * for all of them and per relation label.
 * @example
 * const r = runSpillover({ prices, market: spy, events: [crwvQ2], relations: loadRelations('data/relations.csv') },
 *   { estimation: { start: -250, end: -11 }, event: { start: -5, end: 5 } });
 * r.pairs.find((p) => p.symbol === 'NVDA')!.day0Return // NVDA's close-to-close return on 2025-08-13
 */
export function runSpillover(input: SpilloverInput, config: SpilloverConfig): SpilloverResult {
  const cal = input.calendar ?? xnysCalendar();
  const excludeContaminated = config.excludeContaminated ?? false;
  const { excludeContaminated: _x, only: _o, ...studyConfig } = config;
  const base: StudyConfig = studyConfig;
  const day0Opts: Day0Options = { ...(config.nonSession ? { nonSession: config.nonSession } : {}), ...(config.unknownTiming ? { unknownTiming: config.unknownTiming } : {}) };
  const bySymbol = input.prices instanceof Map ? (input.prices as ReadonlyMap<string, BarSeries>) : new Map((input.prices as readonly BarSeries[]).map((b) => [b.symbol, b]));
  const specs = spilloverPairs(input.events, input.relations, config.only);
  const pool = dedupe([...input.events, ...(input.calendarEvents ?? [])]);
  const study = (events: readonly MarketEvent[]): StudyResult => runStudy({ prices: bySymbol, market: input.market, events, calendar: cal }, base);

  // 1. Every pair through the study (rows and exclusions); a study with no usable pair excludes them all.
  let full: StudyResult | null = null;
  let failure: { code: string; reason: string } | null = null;
  if (specs.length > 0) {
    try {
      full = study(specs.map(pairEvent));
    } catch (err) {
      if (!isAftershockError(err)) throw err;
      if (err.code === 'BAD_WINDOW') throw err;
      failure = { code: err.code, reason: err.message };
    }
  }
  const rows = new Map<string, StudyEvent>((full?.events ?? []).map((e) => [e.event.id, e]));
  const excludedBy = new Map((full?.excluded ?? []).map((x) => [x.event.id, x]));
  const evt: RelWindow | null = full?.eventWindow ?? ('start' in config.event ? config.event : null);

  // 2. Pair rows with contamination flags.
  const pairs: SpilloverPair[] = specs.map((s) => {
    const id = pairId(s.event.id, s.symbol);
    const d = resolveDay0(cal, s.event.date, s.event.timing, day0Opts, s.event.kind);
    const row = rows.get(id);
    const dirty = d.day0 !== null && evt ? contaminations(s.symbol, s.event.id, d.ordinal, evt, pool, input.market, cal, day0Opts) : [];
    const bars = bySymbol.get(s.symbol);
    const studyExcl = excludedBy.get(id);
    const excluded = row
      ? dirty.length > 0 && excludeContaminated
        ? { code: 'CONTAMINATED', reason: contaminationReason(dirty) }
        : undefined
      : studyExcl
        ? { code: studyExcl.code, reason: studyExcl.reason }
        : (failure ?? { code: 'NOT_STUDIED', reason: 'not in the study' });
    return {
      eventId: s.event.id,
      eventSymbol: s.event.symbol,
      eventKind: s.event.kind,
      eventDate: s.event.date,
      symbol: s.symbol,
      relation: s.relations.join('/'),
      relations: s.relations,
      sources: s.sources,
      day0: row?.day0 ?? d.day0,
      day0Explanation: `${s.event.symbol}: ${d.explanation}`,
      day0Return: row ? row.day0Return : bars && d.day0 !== null ? rawReturnAt(bars, d.ordinal) : NaN,
      day0Abnormal: row && full ? valueAt(full, row.ar, 0) : NaN,
      cars: row?.cars ?? [],
      carPath: row && full ? carPath(full, row.ar) : [],
      model: row?.model ?? null,
      contaminated: dirty.length > 0,
      contaminatedBy: dirty,
      included: row !== undefined && !(dirty.length > 0 && excludeContaminated),
      ...(excluded ? { excluded } : {}),
    };
  });

  // 3. Statistics over the included pairs: all of them, then per relation label.
  const included = specs.flatMap((s, i) => (pairs[i]!.included ? [{ s, i }] : []));
  const statsOf = (list: readonly { s: PairSpec }[]) =>
    full && list.length === full.events.length ? full.stats : study(list.map((x) => pairEvent(x.s))).stats;
  const stats = included.length > 0 ? statsOf(included) : null;
  const labels = [...new Set(included.flatMap((x) => x.s.relations))].sort();
  const groups: SpilloverGroup[] = labels.map((relation) => {
    const members = included.filter((x) => x.s.relations.includes(relation));
    return { relation, pairIndices: members.map((x) => x.i), stats: statsOf(members) };
  });
  return {
    marketSymbol: input.market.symbol,
    estimation: full?.estimation ?? null,
    eventWindow: evt,
    carWindows: full?.carWindows ?? [],
    excludeContaminated,
    pairs,
    stats,
    groups,
    study: full,
  };
}

function dedupe(events: readonly MarketEvent[]): MarketEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}

function contaminationReason(list: readonly Contamination[]): string {
  return 'own event inside the event window: ' + list.map((c) => `${c.eventId} (${c.kind}, day 0 ${c.day0}, ${c.offset >= 0 ? '+' : ''}${c.offset})`).join('; ');
}

/** The value of a study row at relative day `rel` (NaN when outside the rows). */
function valueAt(r: StudyResult, a: Float64Array, rel: number): number {
  const k = rel - r.relDays[0]!;
  return k >= 0 && k < a.length ? a[k]! : NaN;
}

/** Cumulative AR across the event window; NaN on days without an AR (the sum skips them). */
function carPath(r: StudyResult, ar: Float64Array): { relDay: number; car: number }[] {
  const out: { relDay: number; car: number }[] = [];
  let s = 0;
  for (let k = 0; k < r.relDays.length; k++) {
    if (r.rowWindow[k] !== 'event') continue;
    const v = ar[k]!;
    if (v === v) s += v;
    out.push({ relDay: r.relDays[k]!, car: v === v ? s : NaN });
  }
  return out;
}

/** Raw close at calendar ordinal `ord` over the previous available close, minus 1 (NaN without a bar there). */
function rawReturnAt(bars: BarSeries, ord: number): number {
  const i = barIndexAt(bars, ord);
  if (i < 0) return NaN;
  const c = bars.close[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const p = bars.close[j]!;
    if (p > 0) return c > 0 ? c / p - 1 : NaN;
  }
  return NaN;
}
