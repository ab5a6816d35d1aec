import { resolveDay0, type BarSeries, type MarketEvent, type Related, type TradingCalendar } from '@aftershock/core';
import type { SpilloverResult, StudyGroup } from '@aftershock/report';
import type { StudyConfig } from '@aftershock/study';
import { carPath, day0Abnormal, rawReturnAt, reportGroups, tryStudy } from './study-result';

export interface SpilloverInput {
  readonly events: readonly MarketEvent[];
  /** Every event of the calendars (a related symbol's own events flag contamination). */
  readonly allEvents: readonly MarketEvent[];
  readonly related: ReadonlyMap<string, readonly Related[]>;
  readonly prices: ReadonlyMap<string, BarSeries>;
  readonly benchmark: BarSeries;
  readonly cal: TradingCalendar;
  readonly config: StudyConfig;
  /** The event window in sessions, for the contamination check. */
  readonly window: readonly [number, number];
  readonly carWindows: readonly (readonly [number, number])[];
  readonly excludeContaminated: boolean;
}

/** The id of the pseudo-event "related symbol R around event E". */
export const pairId = (e: MarketEvent, symbol: string) => `${e.id}>${symbol}`;

/**
 * The spillover study: for each (event, related symbol) pair, the related symbol's returns and abnormal returns
 * around the *event company's* day 0 (same windows, model and tests as the main study), the CAR per window, and a
 * contamination flag when the related symbol has an event of its own whose day 0 falls inside the event window.
 * With `excludeContaminated`, flagged pairs stay in the table but leave the cross-sectional tests.
 */
export function spilloverStudy(inp: SpilloverInput): { pairs: SpilloverResult[]; groups: StudyGroup[]; notes: string[] } {
  const opts = { ...(inp.config.nonSession ? { nonSession: inp.config.nonSession } : {}), ...(inp.config.unknownTiming ? { unknownTiming: inp.config.unknownTiming } : {}) };
  const ownDay0 = new Map<string, number[]>();
  for (const e of inp.allEvents) {
    const d = resolveDay0(inp.cal, e.date, e.timing, opts, e.kind);
    if (d.day0 !== null) ownDay0.set(e.symbol, [...(ownDay0.get(e.symbol) ?? []), d.ordinal]);
  }
  const pseudo: { event: MarketEvent; source: MarketEvent; rel: Related; ord: number; day0: string | null; contaminated: boolean }[] = [];
  for (const e of inp.events) {
    const d = resolveDay0(inp.cal, e.date, e.timing, opts, e.kind);
    for (const rel of inp.related.get(e.symbol) ?? []) {
      if (rel.symbol === e.symbol) continue;
      const contaminated = d.day0 !== null && (ownDay0.get(rel.symbol) ?? []).some((o) => o - d.ordinal >= inp.window[0] && o - d.ordinal <= inp.window[1]);
      const event: MarketEvent = { ...e, id: pairId(e, rel.symbol), symbol: rel.symbol, tags: { ...e.tags, relation: rel.relation ?? 'related', eventSymbol: e.symbol } };
      delete (event as { related?: unknown }).related;
      pseudo.push({ event, source: e, rel, ord: d.ordinal, day0: d.day0, contaminated });
    }
  }
  if (pseudo.length === 0) return { pairs: [], groups: [], notes: [] };
  const input = { prices: inp.prices, market: inp.benchmark, calendar: inp.cal };
  const { groupBy: _ignored, ...ungrouped } = inp.config;
  const all = tryStudy({ ...input, events: pseudo.map((p) => p.event) }, ungrouped);
  const tested = inp.excludeContaminated ? pseudo.filter((p) => !p.contaminated) : pseudo;
  const grouped = tryStudy({ ...input, events: tested.map((p) => p.event) }, { ...inp.config, groupBy: 'relation' });
  const byEvent = new Map(all.result?.events.map((x) => [x.event, x]) ?? []);
  const pairs = pseudo.map((p): SpilloverResult => {
    const se = byEvent.get(p.event);
    const study = all.result;
    return {
      eventId: p.source.id,
      eventSymbol: p.source.symbol,
      symbol: p.rel.symbol,
      relation: p.rel.relation ?? '',
      day0: p.day0,
      day0Return: se ? (Number.isFinite(se.day0Return) ? se.day0Return : null) : p.day0 ? rawReturnAt(inp.prices.get(p.rel.symbol), p.ord) : null,
      day0Abnormal: se && study ? day0Abnormal(study, se) : null,
      car: se ? se.cars.map((c) => ({ window: [c.window.start, c.window.end] as const, car: Number.isFinite(c.car) ? c.car : null })) : inp.carWindows.map((w) => ({ window: [w[0], w[1]] as const, car: null })),
      contaminated: p.contaminated,
      carPath: se && study ? carPath(study, se) : [],
    };
  });
  const groups = grouped.result ? reportGroups([grouped.result]).map((g) => ({ ...g, name: g.name === 'all' ? 'all pairs' : g.name })) : [];
  const notes: string[] = [];
  const flagged = pseudo.filter((p) => p.contaminated).length;
  if (flagged) notes.push(`${flagged} spillover pair(s) are contaminated (the related symbol has its own event inside the event window)${inp.excludeContaminated ? ' and are left out of the spillover tests' : ''}.`);
  for (const x of all.result?.excluded ?? []) notes.push(`spillover pair ${x.event.id} not studied: ${x.reason} [${x.code}]`);
  return { pairs, groups, notes };
}
