import type { CalendarTimeResult } from './calendar-time';
import type { TableFile } from './tables';
import { tFlag } from './significance';

/**
 * The calendar-time test's files: calendar_time.csv (one row per term: the intercept `alpha`, then the loadings,
 * with OLS and Newey–West standard errors, t, p and flags), calendar_time_fit.csv (one row: window, dependent, lag,
 * days, portfolio sizes, R²) and calendar_time_days.csv (the regression's days).
 */
export function calendarTimeFiles(ct: CalendarTimeResult): TableFile[] {
  const df = ct.days - ct.terms.length;
  return [
    {
      name: 'calendar_time.csv',
      write(w) {
        w.row(['term', 'estimate', 'se_ols', 't_ols', 'p_ols', 'signif_ols', 'se_nw', 't_nw', 'p_nw', 'signif_nw']);
        for (const t of ct.terms) w.row([t.name, t.estimate, t.seOls, t.tOls, t.pOls, tFlag(t.tOls, df), t.seNw, t.tNw, t.pNw, tFlag(t.tNw, df)]);
      },
    },
    {
      name: 'calendar_time_fit.csv',
      write(w) {
        w.row(['window_start', 'window_end', 'dependent', 'regressors', 'alpha', 'alpha_annual', 'nw_lag', 'lag_rule', 'days', 'nonempty_days', 'span_days', 'mean_size', 'min_size', 'max_size', 'events', 'firms', 'r2', 'note']);
        w.row([
          ct.window.start, ct.window.end, ct.dependent, ct.terms.slice(1).map((t) => t.name).join(' '), ct.alpha, ct.alphaAnnual, ct.lag, ct.lagRule, ct.days, ct.nonEmptyDays,
          ct.spanDays, ct.meanSize, ct.minSize, ct.maxSize, ct.events, ct.firms, ct.r2, ct.note ?? '',
        ]);
      },
    },
    {
      name: 'calendar_time_days.csv',
      write(w) {
        w.row(['date', 'n_firms', 'portfolio_return', 'dependent', 'residual']);
        const d = ct.daily;
        for (let k = 0; k < d.session.length; k++) w.text(d.dates[k]!).num(d.size[k]!).num(d.ret[k]!).num(d.y[k]!).num(d.residual[k]!).end();
      },
    },
  ];
}

const f = (x: number, digits: number) => (x === x ? x.toFixed(digits) : 'NA');

/** The test as Markdown lines for summary.md. */
export function calendarTimeMarkdown(ct: CalendarTimeResult): string[] {
  const df = ct.days - ct.terms.length;
  const L = [
    '## Calendar-time portfolio',
    '',
    `Equal-weighted portfolio of the firms in sessions ${ct.window.start}:${ct.window.end} of their day 0; ${ct.dependent} regressed on ${ct.terms.length > 1 ? ct.terms.slice(1).map((t) => t.name).join(', ') : 'a constant'} over ${ct.days} day(s) with a non-empty portfolio (mean size ${f(ct.meanSize, 2)}, ${ct.minSize}–${ct.maxSize}); Newey–West lag ${ct.lag} (${ct.lagRule === 'auto' ? 'floor(4(T/100)^(2/9))' : 'given'}). Annualised alpha (252 × daily): ${f(ct.alphaAnnual, 4)}.`,
    '',
    '| term | estimate | t (OLS) | t (Newey–West) |',
    '|---|---|---|---|',
    ...ct.terms.map((t) => `| ${t.name} | ${f(t.estimate, 6)} | ${f(t.tOls, 3)}${tFlag(t.tOls, df)} | ${f(t.tNw, 3)}${tFlag(t.tNw, df)} |`),
  ];
  if (ct.note) L.push('', ct.note);
  return L;
}
