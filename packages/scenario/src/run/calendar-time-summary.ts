import type { CalendarTimeSummary } from '@aftershock/report';
import { tFlag, type CalendarTimeResult } from '@aftershock/study';

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The study's calendar-time test as the report shows it (flags against t(T − p), like the p-values). */
export function calendarTimeSummary(ct: CalendarTimeResult): CalendarTimeSummary {
  const df = ct.days - ct.terms.length;
  return {
    window: [ct.window.start, ct.window.end],
    dependent: ct.dependent,
    terms: ct.terms.map((t) => ({
      name: t.name,
      estimate: fin(t.estimate),
      tOls: fin(t.tOls),
      pOls: fin(t.pOls),
      signifOls: tFlag(t.tOls, df),
      tNw: fin(t.tNw),
      pNw: fin(t.pNw),
      signifNw: tFlag(t.tNw, df),
    })),
    alphaAnnual: fin(ct.alphaAnnual),
    r2: fin(ct.r2),
    lag: ct.lag,
    lagRule: ct.lagRule,
    days: ct.days,
    nonEmptyDays: ct.nonEmptyDays,
    meanSize: fin(ct.meanSize),
    minSize: ct.minSize,
    maxSize: ct.maxSize,
    events: ct.events,
    firms: ct.firms,
    ...(ct.note ? { note: ct.note } : {}),
  };
}
