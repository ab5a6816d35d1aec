import { num, pct, windowLabel } from './format';
import type { CalendarTimeSummary } from './result-types';

/** The calendar-time test in words: portfolio, regression, days, sizes, lag rule and the annualised alpha. */
export function calendarTimeSentence(ct: CalendarTimeSummary): string {
  const on = ct.terms.length > 1 ? ct.terms.slice(1).map((t) => t.name).join(', ') : 'a constant';
  const lag = ct.lagRule === 'auto' ? `${ct.lag} (floor(4·(T/100)^(2/9)))` : `${ct.lag} (given)`;
  return (
    `Each session, an equal-weighted portfolio of the firms within ${windowLabel(ct.window)} sessions of their day 0 ` +
    `(${ct.events} event${ct.events === 1 ? "" : "s"}, ${ct.firms} firm${ct.firms === 1 ? "" : "s"}); ${ct.dependent} regressed on ${on} by OLS over the ${ct.days} days with a non-empty portfolio ` +
    `(mean size ${num(ct.meanSize)}, ${ct.minSize}–${ct.maxSize}). Newey–West lag ${lag}. Daily alpha ${pct(ct.terms[0]?.estimate ?? null, 3)}, ` +
    `annualised (252 ×) ${pct(ct.alphaAnnual)}; R² ${num(ct.r2, 3)}.` +
    (ct.note ? ` ${ct.note}.` : '')
  );
}

/** The regression table: per term its estimate, t and p by OLS and by Newey–West, flags on the t's. */
export function calendarTimeRows(ct: CalendarTimeSummary): { header: readonly string[]; rows: { values: readonly (number | null)[]; cells: readonly string[] }[] } {
  return {
    header: ['term', 'estimate', 't (OLS)', 'p (OLS)', 't (Newey–West)', 'p (Newey–West)'],
    rows: ct.terms.map((t) => ({
      values: [null, t.estimate, t.tOls, t.pOls, t.tNw, t.pNw],
      cells: [t.name === 'alpha' ? 'alpha (daily)' : t.name, num(t.estimate, 5), `${num(t.tOls)}${t.signifOls}`, num(t.pOls, 3), `${num(t.tNw)}${t.signifNw}`, num(t.pNw, 3)],
    })),
  };
}
