import type { IsoDate } from '@aftershock/core';
import { fmt17 } from './number-format';
import type { SampleStats } from './sample-stats';
import type { StudyResult } from './study-types';

type Cell = string | number | null;

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const cell = (c: Cell) => (c === null ? 'NA' : typeof c === 'number' ? fmt17(c) : /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** The per-sample tables (aar, parametric, nonparametric, car_tests) keyed by relative day. */
export function sampleTables(s: SampleStats, marketModel: boolean): Record<string, string> {
  const par = ['bw_1980', 'bw_1985', 't_test', ...(marketModel ? ['pt', 'bh', 'lmb'] : [])];
  const np = ['sign', 'gsign', 'csign', 'rank', 'mrank', 'wlcx'];
  return {
    'aar.csv': csv(
      ['rel_day', 'percentage', 'aar', 'n_firms', 'caar'],
      s.aar.map((a) => [a.relDay, a.percentage, a.aar, a.nFirms, a.caar]),
    ),
    'parametric.csv': csv(
      ['rel_day', 'percentage', 'mean', ...par.flatMap((t) => [`${t}_stat`, `${t}_signif`])],
      s.parametric.map((p) => {
        const tests = [p.bw1980, p.bw1985, p.tTest, ...(marketModel ? [p.patell!, p.bmp!, p.lamb!] : [])];
        return [p.relDay, p.percentage, p.mean, ...tests.flatMap((t) => [t.stat, t.signif])];
      }),
    ),
    'nonparametric.csv': csv(
      ['rel_day', 'percentage', ...np.flatMap((t) => [`${t}_stat`, `${t}_signif`])],
      s.nonparametric.map((p) => [
        p.relDay,
        p.percentage,
        ...[p.sign, p.gsign, p.csign, p.rank, p.mrank, p.wilcoxon].flatMap((t) => [t.stat, t.signif]),
      ]),
    ),
    'car_tests.csv': csv(
      ['car_start', 'car_end', 'name', 'average_percentage', 'car_mean', 'statistic', 'number_of_days', 'significance'],
      s.carTests.map((c) => [c.window.start, c.window.end, c.name, c.averagePercentage, c.carMean, c.statistic, c.numberOfDays, c.significance]),
    ),
    ...(marketModel
      ? {
          'kp_bmp.csv': csv(
            ['rel_day', 'n_firms', 'cross_correlation', 'kp_bmp_stat', 'kp_bmp_signif'],
            s.parametric.map((p) => [p.relDay, p.nFirms, s.crossCorrelation, p.kolariPynnonen!.stat, p.kolariPynnonen!.signif]),
          ),
        }
      : {}),
    ...(s.bootstrap.length > 0
      ? {
          'caar_bootstrap.csv': csv(
            ['car_start', 'car_end', 'caar', 'lower', 'upper', 'level', 'samples', 'seed'],
            s.bootstrap.map((b) => [b.window.start, b.window.end, b.ci.caar, b.ci.lower, b.ci.upper, b.ci.level, b.ci.samples, b.ci.seed]),
          ),
        }
      : {}),
  };
}

/**
 * Every output file of `aftershock study` as text: model, ar, aar, parametric, nonparametric, car_firm,
 * car_tests (estudy2's column names, rows keyed by rel_day), event_calendar, excluded, the two tables beyond
 * estudy2 (kp_bmp, caar_bootstrap) and summary.md.
 */
export function studyTables(res: StudyResult): Record<string, string> {
  const mm = res.model === 'market-model';
  const ca = res.model === 'constant-mean';
  const d = (x: IsoDate | null) => x;
  const files: Record<string, string> = {};
  files['model.csv'] = csv(
    [
      'symbol', 'event_date', 'estimation_length', 'alpha', 'beta', 'est_mean_return', 'est_ar_mean', 'est_ar_sd_n1', 'est_ar_rss',
      'est_mkt_mean', 'est_mkt_ss', 'est_mkt_n', 'est_first_date', 'est_last_date', 'est_first_rel_day', 'est_last_rel_day',
    ],
    res.events.map((e) => {
      const m = e.model;
      return [
        e.symbol, e.eventDate, m.estimationLength, mm ? m.alpha : NaN, mm ? m.beta : NaN, ca ? m.meanReturn : NaN, m.arMean, m.sdN1, m.rss,
        ca ? NaN : m.mktMean, ca ? NaN : m.mktSs, ca ? NaN : m.mktN, d(m.estFirstDate), d(m.estLastDate), m.estFirstRelDay, m.estLastRelDay,
      ];
    }),
  );
  const arRows: Cell[][] = [];
  for (const e of res.events) {
    for (let r = 0; r < res.relDays.length; r++) {
      arRows.push([e.symbol, e.eventDate, res.relDays[r]!, e.dates[r]!, res.rowWindow[r]!, e.ret[r]!, ca ? NaN : e.mkt[r]!, e.predicted[r]!, e.ar[r]!]);
    }
  }
  files['ar.csv'] = csv(['symbol', 'event_date', 'rel_day', 'date', 'window', 'ret', 'mkt', 'predicted', 'ar'], arRows);
  const carRows: Cell[][] = [];
  res.carWindows.forEach((w, k) => {
    for (const e of res.events) {
      const c = e.cars[k]!;
      carRows.push([e.symbol, e.eventDate, w.start, w.end, c.nDays, c.car, c.bhar]);
    }
  });
  files['car_firm.csv'] = csv(['symbol', 'event_date', 'car_start', 'car_end', 'n_days', 'car', 'bhar'], carRows);
  Object.assign(files, sampleTables(res.stats, mm));
  const g = res.relDays;
  const estEnd = res.rowWindow.lastIndexOf('estimation');
  const evtStart = res.rowWindow.indexOf('event');
  files['event_calendar.csv'] = csv(
    ['symbol', 'event_date', 'day0_date', 'est_first_date', 'est_last_date', 'evt_first_date', 'evt_last_date'],
    res.events.map((e) => [e.symbol, e.eventDate, e.day0, e.dates[0]!, e.dates[estEnd]!, e.dates[evtStart]!, e.dates[g.length - 1]!]),
  );
  files['excluded.csv'] = csv(
    ['symbol', 'event_date', 'code', 'reason'],
    res.excluded.map((x) => [x.event.symbol, x.event.date, x.code, x.reason]),
  );
  files['summary.md'] = summaryMarkdown(res);
  return files;
}

function num(x: number, digits = 4): string {
  return x === x ? x.toFixed(digits) : 'NA';
}

/** A readable Markdown summary of a study. */
export function summaryMarkdown(res: StudyResult): string {
  const s = res.stats;
  const mm = res.model === 'market-model';
  const L: string[] = [];
  L.push('# Event study', '');
  L.push(`- Profile: **${res.profile}**; model: ${res.model}; returns: ${res.returns} (${res.price}); market: ${res.marketSymbol}`);
  L.push(`- Estimation window ${res.estimation.start}:${res.estimation.end}, event window ${res.eventWindow.start}:${res.eventWindow.end} (sessions of ${res.marketSymbol}); minimum estimation length ${res.minEstimation}`);
  L.push(`- Events: ${res.events.length} included, ${res.excluded.length} excluded`, '');
  L.push('## AAR and tests by day', '');
  const head = ['rel_day', 'N', 'AAR', 'CAAR', 'BW1985', 't', ...(mm ? ['Patell', 'BMP'] : []), 'sign', 'rank', 'Wilcoxon'];
  L.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  s.aar.forEach((a, k) => {
    const p = s.parametric[k]!;
    const n = s.nonparametric[k]!;
    const t = (v: { stat: number; signif: string }) => `${num(v.stat, 2)}${v.signif}`;
    const cells = [String(a.relDay), String(a.nFirms), num(a.aar), num(a.caar), t(p.bw1985), t(p.tTest), ...(mm ? [t(p.patell!), t(p.bmp!)] : []), t(n.sign), t(n.rank), `${num(n.wilcoxon.stat, 1)}${n.wilcoxon.signif}`];
    L.push(`| ${cells.join(' | ')} |`);
  });
  L.push('', '## CAR tests', '', '| window | test | days | mean AAR | statistic |', '|---|---|---|---|---|');
  for (const c of s.carTests) L.push(`| ${c.window.start}:${c.window.end} | ${c.name} | ${c.numberOfDays} | ${num(c.carMean)} | ${num(c.statistic, 3)}${c.significance} |`);
  if (s.bootstrap.length > 0) {
    L.push('', '## Bootstrap CI of CAAR (mean firm CAR)', '', '| window | CAAR | lower | upper |', '|---|---|---|---|');
    for (const b of s.bootstrap) L.push(`| ${b.window.start}:${b.window.end} | ${num(b.ci.caar)} | ${num(b.ci.lower)} | ${num(b.ci.upper)} |`);
  }
  if (res.groups.length > 0) {
    L.push('', `## Groups by ${res.groups[0]!.field}`, '', '| group | N | CAAR (last day) |', '|---|---|---|');
    for (const gr of res.groups) L.push(`| ${gr.key} | ${gr.stats.n} | ${num(gr.stats.aar[gr.stats.aar.length - 1]?.caar ?? NaN)} |`);
  }
  if (res.excluded.length > 0) {
    L.push('', '## Excluded events', '');
    for (const x of res.excluded) L.push(`- ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]`);
  }
  L.push('', 'Flags: `*` 10 %, `**` 5 %, `***` 1 % (two-sided).', '');
  return L.join('\n');
}
