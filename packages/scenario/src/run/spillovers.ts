import type { TradingCalendar } from '@aftershock/core';
import type { SpilloverResult as ReportPair, StudyGroup } from '@aftershock/report';
import { runSpillover, type SpilloverPair, type StudyConfig } from '@aftershock/study';
import type { RunInputs } from './inputs';
import { reportGroup } from './study-result';

/** What a scenario run hands to the spillover section: the run's inputs (`allEvents` flag contamination) and settings. */
export type SpilloverSectionInput = Pick<RunInputs, 'events' | 'allEvents' | 'related' | 'prices' | 'benchmark'> & {
  readonly cal: TradingCalendar;
  readonly config: StudyConfig;
  readonly carWindows: readonly (readonly [number, number])[];
  readonly excludeContaminated: boolean;
};

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A study pair as a report row (`report.json` → `spillovers[]`). */
function reportPair(p: SpilloverPair, carWindows: SpilloverSectionInput['carWindows']): ReportPair {
  return {
    eventId: p.eventId,
    eventSymbol: p.eventSymbol,
    symbol: p.symbol,
    relation: p.relation,
    day0: p.day0,
    day0Return: fin(p.day0Return),
    day0Abnormal: fin(p.day0Abnormal),
    car: p.cars.length > 0 ? p.cars.map((c) => ({ window: [c.window.start, c.window.end] as const, car: fin(c.car) })) : carWindows.map((w) => ({ window: [w[0], w[1]] as const, car: null })),
    contaminated: p.contaminated,
    carPath: p.carPath.map((c) => ({ offset: c.relDay, car: fin(c.car) })),
  };
}

/**
 * The spillover section of a scenario run, computed by @aftershock/study's `runSpillover`: one row per (event,
 * related symbol) pair, the tests across the included pairs (`all pairs`, then `relation: <label>`), and notes on
 * contaminated and unstudied pairs.
 */
export function spilloverSection(inp: SpilloverSectionInput): { pairs: ReportPair[]; groups: StudyGroup[]; notes: string[] } {
  const { groupBy: _ignored, ...config } = inp.config;
  const r = runSpillover(
    { prices: inp.prices, market: inp.benchmark, events: inp.events, relations: inp.related, calendarEvents: inp.allEvents, calendar: inp.cal },
    { ...config, excludeContaminated: inp.excludeContaminated },
  );
  const pairs = r.pairs.map((p) => reportPair(p, inp.carWindows));
  const firstCar = (idx: readonly number[]) => idx.map((i) => r.pairs[i]!.cars[0]?.car ?? NaN);
  const groups: StudyGroup[] = [];
  if (r.stats && r.study) {
    groups.push(reportGroup('all pairs', r.stats, r.study, firstCar(r.pairs.flatMap((p, i) => (p.included ? [i] : [])))));
    for (const g of r.groups) groups.push(reportGroup(`relation: ${g.relation}`, g.stats, r.study, firstCar(g.pairIndices)));
  }
  const notes: string[] = [];
  for (const p of r.pairs) {
    const at = `spillover pair ${p.eventId} → ${p.symbol}`;
    if (p.contaminated) notes.push(`${at} is contaminated: ${p.contaminatedBy.map((c) => `${c.eventId} (day 0 ${c.day0}, ${c.offset >= 0 ? '+' : ''}${c.offset})`).join('; ')}${p.included ? '' : '; left out of the spillover tests'}.`);
    else if (p.excluded) notes.push(`${at} not studied: ${p.excluded.reason} [${p.excluded.code}]`);
  }
  return { pairs, groups, notes };
}
