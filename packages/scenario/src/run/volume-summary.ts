import type { FlaggedStat, VolumeSummary } from '@aftershock/report';
import type { TestValue, VolumeResult } from '@aftershock/study';

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
const flagged = (t: TestValue): FlaggedStat => ({ stat: fin(t.stat), signif: t.signif });

/** The study's abnormal-volume results as the report shows them. */
export function volumeSummary(v: VolumeResult): VolumeSummary {
  return {
    model: v.model,
    benchmark: v.marketSymbol,
    events: v.events.length,
    excluded: v.excluded.map((x) => ({ symbol: x.event.symbol, date: x.event.date, code: x.code, reason: x.reason })),
    days: v.days.map((d) => ({ offset: d.relDay, n: d.nFirms, aav: fin(d.aav), caav: fin(d.caav), t: flagged(d.tTest), crude: flagged(d.crude), rank: flagged(d.rank) })),
    windows: v.windows.map((w) => ({ window: [w.window.start, w.window.end] as const, n: w.n, caav: fin(w.caav), t: flagged(w.tTest), crude: flagged(w.crude), rank: flagged(w.rank) })),
  };
}
