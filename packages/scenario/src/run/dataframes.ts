import type { DataFrame } from 'danfojs-node';
import type { RunResult } from '@aftershock/report';

/** The tables of a result as danfo.js DataFrames (danfojs-node is loaded on first use: it takes about a second). */
export interface ResultFrames {
  /** One row per event: id, symbol, kind, dates, day-0 return and AR, one `car_a_b` column per CAR window. */
  readonly events: DataFrame;
  /** One row per event-window day of every study group: group, offset, n, aar, caar. */
  readonly aar: DataFrame;
  /** One row per strategy with its metrics. */
  readonly strategies: DataFrame;
  /** One row per trade of every strategy. */
  readonly trades: DataFrame;
  /** One row per (event, related symbol) pair. */
  readonly spillovers: DataFrame;
  /** One row per point of every sweep: the sweep's label, the point's parameters and its scores on all events. */
  readonly sweeps: DataFrame;
}

const carKey = (w: readonly [number, number]) => `car_${w[0]}_${w[1]}`;
const nn = (x: number | null | undefined) => (x === null || x === undefined ? NaN : x);

/** The row objects behind each frame (plain data; usable without danfo). */
export function resultRows(r: RunResult): Record<keyof ResultFrames, Record<string, string | number | boolean>[]> {
  return {
    events: r.events.map((e) => ({
      id: e.id,
      symbol: e.symbol,
      kind: e.kind,
      eventDate: e.eventDate,
      timing: e.timing,
      day0: e.day0 ?? '',
      day0Return: nn(e.reaction.day0Return),
      day0Abnormal: nn(e.reaction.day0Abnormal),
      ...Object.fromEntries(e.reaction.car.map((c) => [carKey(c.window), nn(c.car)])),
      excluded: e.excluded ?? '',
    })),
    aar: r.study.groups.flatMap((g) => g.aar.map((a) => ({ group: g.name, offset: a.offset, n: a.n, aar: nn(a.aar), caar: nn(a.caar) }))),
    strategies: r.strategies.map((s) => {
      const { costsByKind, caveats, ...m } = s.metrics;
      const costCols = Object.fromEntries(Object.entries(costsByKind).map(([k, v]) => [`costs.${k}`, v]));
      return { label: s.label, name: s.name, ...m, ...costCols, caveats: Object.entries(caveats).map(([k, v]) => `${k}: ${v}`).join('; ') };
    }),
    trades: r.strategies.flatMap((s) =>
      s.trades.map((t) => ({ strategy: s.label, symbol: t.symbol, direction: t.direction, quantity: t.quantity, entryDate: t.entryDate, entryPrice: t.entryPrice, exitDate: t.exitDate ?? '', exitPrice: nn(t.exitPrice), eventId: t.eventId ?? '', pnl: t.pnl, returnPct: t.returnPct, costs: t.costs })),
    ),
    spillovers: r.spillovers.map((s) => ({
      eventId: s.eventId,
      symbol: s.symbol,
      relation: s.relation,
      day0: s.day0 ?? '',
      day0Return: nn(s.day0Return),
      day0Abnormal: nn(s.day0Abnormal),
      ...Object.fromEntries(s.car.map((c) => [carKey(c.window), nn(c.car)])),
      contaminated: s.contaminated,
    })),
    sweeps: r.sweeps.flatMap((sw) =>
      sw.points.map((p) => ({ sweep: sw.label, ...p.params, events: p.all.events, meanReturn: nn(p.all.meanReturn), tStat: nn(p.all.tStat), trades: p.all.trades, netPnl: nn(p.all.netPnl), hitRate: nn(p.all.hitRate), score: nn(p.all.score) })),
    ),
  };
}

/**
 * Converts a result to danfo.js DataFrames for your own analysis. danfojs-node is imported lazily, so code that
 * never calls this never pays for it. An empty table becomes a frame with no rows.
 *
 * @example const { events } = await toDataFrames((await runScenario('scenarios/coreweave-2025.yaml')).result); events.print();
 */
export async function toDataFrames(r: RunResult): Promise<ResultFrames> {
  const dfd = await import('danfojs-node');
  const rows = resultRows(r);
  const frame = (x: Record<string, string | number | boolean>[]) => (x.length ? new dfd.DataFrame(x) : new dfd.DataFrame([]));
  return { events: frame(rows.events), aar: frame(rows.aar), strategies: frame(rows.strategies), trades: frame(rows.trades), spillovers: frame(rows.spillovers), sweeps: frame(rows.sweeps) };
}
