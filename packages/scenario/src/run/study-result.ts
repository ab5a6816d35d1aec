import { AftershockError, barIndexAt, eventField, resolveDay0, type BarSeries, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import type { CarTest, EventResult, StudyGroup as ReportGroup, TestTable } from '@aftershock/report';
import { pnorm, runStudy, type SampleStats, type StudyConfig, type StudyEvent, type StudyResult } from '@aftershock/study';

type Pick = (s: SampleStats, k: number, study: StudyResult) => { stat: number; signif: string } | undefined;

/** Every daily test the study computes (the 12 of estudy2 and Kolari–Pynnönen), Wilcoxon as its standardised z. */
const TESTS: readonly { readonly name: string; readonly pick: Pick }[] = [
  { name: 't-test', pick: (s, k) => s.parametric[k]?.tTest },
  { name: 'BW 1980', pick: (s, k) => s.parametric[k]?.bw1980 },
  { name: 'BW 1985', pick: (s, k) => s.parametric[k]?.bw1985 },
  { name: 'Patell', pick: (s, k) => s.parametric[k]?.patell },
  { name: 'BMP', pick: (s, k) => s.parametric[k]?.bmp },
  { name: 'KP', pick: (s, k) => s.parametric[k]?.kolariPynnonen },
  { name: 'Lamb', pick: (s, k) => s.parametric[k]?.lamb },
  { name: 'sign', pick: (s, k) => s.nonparametric[k]?.sign },
  { name: 'gen. sign', pick: (s, k) => s.nonparametric[k]?.gsign },
  { name: 'Corrado sign', pick: (s, k) => s.nonparametric[k]?.csign },
  { name: 'rank', pick: (s, k) => s.nonparametric[k]?.rank },
  { name: 'mod. rank', pick: (s, k) => s.nonparametric[k]?.mrank },
  { name: 'Wilcoxon z', pick: (s, k, st) => wilcoxonZ(s, k, st) },
];

/** W+ of day k unscaled (estudy2 reports n/N′ × W+ when firms are missing). */
function wPlus(s: SampleStats, k: number, study: StudyResult): number {
  const np = s.nonparametric[k];
  if (!np) return NaN;
  return study.profile === 'estudy2' && np.wilcoxonN > 0 ? (np.wilcoxon.stat * np.wilcoxonN) / s.n : np.wilcoxon.stat;
}

/** Wilcoxon's W+ standardised: (W+ − N′(N′+1)/4) / sqrt(N′(N′+1)(2N′+1)/24), flagged as the study flags W+. */
function wilcoxonZ(s: SampleStats, k: number, study: StudyResult): { stat: number; signif: string } | undefined {
  const np = s.nonparametric[k];
  if (!np) return undefined;
  const m = np.wilcoxonN;
  const z = m > 0 ? (wPlus(s, k, study) - (m * (m + 1)) / 4) / Math.sqrt((m * (m + 1) * (2 * m + 1)) / 24) : NaN;
  return { stat: z, signif: np.wilcoxon.signif };
}

const CAR_TEST_NAMES: Record<string, string> = { car_brown_warner_1985: 'Brown–Warner 1985', car_lamb: 'Lamb', car_rank_test: 'rank (Cowan)' };
const fin = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);

/** Runs the study, returning null (with the reasons) when no event is usable instead of failing the whole run. */
export function tryStudy(input: Parameters<typeof runStudy>[0], config: StudyConfig): { result: StudyResult | null; reason?: string } {
  if (input.events.length === 0) return { result: null, reason: 'no events' };
  return studyOrReason(() => runStudy(input, config));
}

/** A study, or null with the reason when no event is usable (the other failures are thrown). */
export function studyOrReason(study: () => StudyResult): { result: StudyResult | null; reason?: string } {
  try {
    return { result: study() };
  } catch (e) {
    if (e instanceof AftershockError && (e.code === 'VALIDATION_FAILED' || e.code === 'NO_EVENTS')) return { result: null, reason: e.message.split('\n')[0]! };
    throw e;
  }
}

/**
 * One sample's statistics as a report group. `firmCars` are the CARs of the sample's events over the first window;
 * `members` (indices into `study.events`) give the mean BHAR per CAR window.
 */
export function reportGroup(name: string, s: SampleStats, study: StudyResult, firmCars: readonly number[], members?: readonly number[]): ReportGroup {
  const tests = TESTS.filter((t) => s.aar.some((_, k) => t.pick(s, k, study) !== undefined));
  const table: TestTable = {
    tests: tests.map((t) => t.name),
    rows: s.aar.map((a, k) => ({
      offset: a.relDay,
      stats: tests.map((t) => fin(t.pick(s, k, study)?.stat)),
      signif: tests.map((t) => t.pick(s, k, study)?.signif ?? ''),
    })),
  };
  const wilcoxon = s.aar.map((a, k) => {
    const z = wilcoxonZ(s, k, study)?.stat ?? NaN;
    return { offset: a.relDay, wPlus: fin(wPlus(s, k, study)), n: s.nonparametric[k]?.wilcoxonN ?? 0, z: fin(z), p: Number.isFinite(z) ? fin(2 * (1 - pnorm(Math.abs(z)))) : null };
  });
  const bootstrap = s.bootstrap.map((b) => ({ window: [b.window.start, b.window.end] as const, caar: fin(b.ci.caar), lower: fin(b.ci.lower), upper: fin(b.ci.upper), level: b.ci.level, samples: b.ci.samples }));
  // Band: CAAR ± 1.96 · S_A · √L, with Brown–Warner 1985's portfolio sd S_A (= AAR_t / BW1985_t).
  let sa = NaN;
  for (const p of s.parametric) if (Number.isFinite(p.bw1985.stat) && p.bw1985.stat !== 0 && Number.isFinite(p.mean)) sa = p.mean / p.bw1985.stat;
  const start = study.eventWindow.start;
  const aar = s.aar.map((a) => {
    const half = 1.959963984540054 * Math.abs(sa) * Math.sqrt(a.relDay - start + 1);
    const ok = Number.isFinite(half) && Number.isFinite(a.caar);
    return { offset: a.relDay, n: a.nFirms, aar: fin(a.aar), caar: fin(a.caar), caarLow: ok ? a.caar - half : null, caarHigh: ok ? a.caar + half : null };
  });
  const carTests: CarTest[] = s.carTests.map((c) => ({
    window: [c.window.start, c.window.end],
    test: CAR_TEST_NAMES[c.name] ?? c.name,
    caar: fin(c.carMean * c.numberOfDays),
    stat: fin(c.statistic),
    signif: c.significance,
  }));
  const w = study.carWindows[0]!;
  const bhar = (members ? study.carWindows : []).map((cw, k) => {
    const v = members!.map((i) => study.events[i]!.cars[k]?.bhar ?? NaN).filter(Number.isFinite);
    return { window: [cw.start, cw.end] as const, mean: v.length ? fin(v.reduce((x, y) => x + y, 0) / v.length) : null, n: v.length };
  });
  return {
    name,
    n: s.n,
    aar,
    tests: table,
    carTests,
    carDistribution: { window: [w.start, w.end], values: firmCars.filter(Number.isFinite) },
    ...(bhar.length ? { bhar } : {}),
    ...(bootstrap.length ? { bootstrap } : {}),
    wilcoxon,
  };
}

/** Study groups for the report: `all`, then one per value of each grouping field. */
export function reportGroups(results: readonly StudyResult[]): ReportGroup[] {
  const first = results[0];
  if (!first) return [];
  const cars = (idx: readonly number[]) => idx.map((i) => first.events[i]!.cars[0]?.car ?? NaN);
  const all = first.events.flatMap((e, i) => (e.inTests ? [i] : []));
  const out = [reportGroup('all', first.stats, first, cars(all), all)];
  for (const r of results) {
    for (const g of r.groups) {
      out.push(reportGroup(`${g.field}: ${g.key}`, g.stats, r, g.eventIndices.map((i) => r.events[i]!.cars[0]?.car ?? NaN), g.eventIndices));
    }
  }
  return out;
}

/** Raw close-to-close return of session ordinal `ord` (close / previous close − 1), or null. */
export function rawReturnAt(bars: BarSeries | undefined, ord: number): number | null {
  if (!bars) return null;
  const i = barIndexAt(bars, ord);
  if (i <= 0) return null;
  const r = bars.close[i]! / bars.close[i - 1]! - 1;
  return Number.isFinite(r) ? r : null;
}

/** Closes of `bars` from `from` to `to` sessions around the ordinal `ord0` (sessions without a bar are skipped). */
export function pricePath(bars: BarSeries | undefined, cal: TradingCalendar, ord0: number, from: number, to: number, benchmark?: BarSeries): EventResult['pricePath'] {
  if (!bars) return [];
  const out: EventResult['pricePath'][number][] = [];
  for (let k = from; k <= to; k++) {
    const o = ord0 + k;
    if (o < 0 || o >= cal.size) continue;
    const i = barIndexAt(bars, o);
    if (i < 0) continue;
    const b = benchmark ? barIndexAt(benchmark, o) : -1;
    const v = bars.volume[i]!;
    out.push({ offset: k, date: bars.dates[i]!, close: bars.close[i]!, volume: Number.isFinite(v) ? v : null, benchmark: b >= 0 ? benchmark!.close[b]! : null });
  }
  return out;
}

/** Cumulative AR by offset across the event window of one study event (days without an AR add nothing). */
export function carPath(study: StudyResult, ev: StudyEvent): { offset: number; car: number | null }[] {
  const out: { offset: number; car: number | null }[] = [];
  let cum = 0;
  for (let r = 0; r < study.relDays.length; r++) {
    if (study.rowWindow[r] !== 'event') continue;
    const a = ev.ar[r]!;
    if (Number.isFinite(a)) cum += a;
    out.push({ offset: study.relDays[r]!, car: Number.isFinite(a) || out.length > 0 ? cum : null });
  }
  return out;
}

/** The day-0 abnormal return of a study event. */
export function day0Abnormal(study: StudyResult, ev: StudyEvent): number | null {
  const r = study.relDays.indexOf(0);
  return r >= 0 ? fin(ev.ar[r]) : null;
}

export interface EventRows {
  readonly cal: TradingCalendar;
  readonly prices: ReadonlyMap<string, BarSeries>;
  readonly groups: readonly string[];
  readonly pricePathWindow: readonly [number, number];
  /** The benchmark's bars, for its close beside each price path. */
  readonly benchmark?: BarSeries;
  readonly nonSession: 'next' | 'previous' | 'skip';
  readonly unknownTiming: 'same-session' | 'next-session';
  readonly carWindows: readonly (readonly [number, number])[];
}

/** One report row per scenario event: included events carry the study's numbers, excluded ones say why. */
export function eventRows(events: readonly MarketEvent[], study: StudyResult | null, opts: EventRows, whyNone?: string): EventResult[] {
  const byEvent = new Map(study?.events.map((e) => [e.event, e]) ?? []);
  const excluded = new Map(study?.excluded.map((x) => [x.event, x]) ?? []);
  return events.map((e) => {
    const d = resolveDay0(opts.cal, e.date, e.timing, { nonSession: opts.nonSession, unknownTiming: opts.unknownTiming }, e.kind);
    const bars = opts.prices.get(e.symbol);
    const se = byEvent.get(e);
    const groups = Object.fromEntries(opts.groups.map((g) => [g, eventField(e, g)]));
    const base = {
      id: e.id,
      symbol: e.symbol,
      kind: e.kind,
      eventDate: e.date,
      timing: e.timing,
      day0: d.day0,
      day0Explanation: d.explanation,
      groups,
      tags: e.tags,
      pricePath: d.day0 ? pricePath(bars, opts.cal, d.ordinal, opts.pricePathWindow[0], opts.pricePathWindow[1], opts.benchmark) : [],
    };
    if (se && study) {
      return {
        ...base,
        reaction: { day0Return: fin(se.day0Return), day0Abnormal: day0Abnormal(study, se), car: se.cars.map((c) => ({ window: [c.window.start, c.window.end] as const, car: fin(c.car) })) },
        carPath: carPath(study, se),
        ...(se.confoundedBy.length > 0
          ? { confoundedBy: se.confoundedBy.map((c) => ({ eventId: c.eventId, kind: c.kind, date: c.date, day0: c.day0, offset: c.offset })), inTests: se.inTests }
          : {}),
      };
    }
    const x = excluded.get(e);
    return {
      ...base,
      reaction: { day0Return: d.day0 ? rawReturnAt(bars, d.ordinal) : null, day0Abnormal: null, car: opts.carWindows.map((w) => ({ window: [w[0], w[1]] as const, car: null })) },
      carPath: [],
      excluded: x ? `${x.reason} [${x.code}]` : (whyNone ?? 'not in the study'),
    };
  });
}
