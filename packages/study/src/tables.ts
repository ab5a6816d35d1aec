import { isRegressionModel } from './profile';
import { calendarTimeFiles, calendarTimeMarkdown } from './calendar-time-tables';
import { confounderText } from './confounding';
import { volumeFiles, volumeMarkdown } from './volume-tables';
import { arTableFile } from './ar-table';
import { collect, type CsvWriter } from './csv-writer';
import type { SampleStats } from './sample-stats';
import type { StudyResult } from './study-types';

type Cell = string | number | null;

/** One output file of a study: its name and how to write it, row by row, into a CSV writer. */
export interface TableFile {
  readonly name: string;
  write(w: CsvWriter): void;
}

/** A small table from its header and rows. */
function table(name: string, header: readonly string[], rows: () => Iterable<readonly Cell[]>): TableFile {
  return {
    name,
    write(w) {
      w.row(header);
      for (const r of rows()) w.row(r);
    },
  };
}

/** A per-event table written cell by cell (no array per row: 5,000–100,000 rows). */
function streamed(name: string, header: readonly string[], rows: (w: CsvWriter) => void): TableFile {
  return {
    name,
    write(w) {
      w.row(header);
      rows(w);
    },
  };
}

/** The per-sample tables (aar, parametric, nonparametric, car_tests, kp_bmp, caar_bootstrap) keyed by relative day. */
export function sampleTableFiles(s: SampleStats, marketModel: boolean): TableFile[] {
  const par = ['bw_1980', 'bw_1985', 't_test', ...(marketModel ? ['pt', 'bh', 'lmb'] : [])];
  const np = ['sign', 'gsign', 'csign', 'rank', 'mrank', 'wlcx'];
  const files = [
    table('aar.csv', ['rel_day', 'percentage', 'aar', 'n_firms', 'caar'], () => s.aar.map((a) => [a.relDay, a.percentage, a.aar, a.nFirms, a.caar])),
    table('parametric.csv', ['rel_day', 'percentage', 'mean', ...par.flatMap((t) => [`${t}_stat`, `${t}_signif`])], () =>
      s.parametric.map((p) => {
        const tests = [p.bw1980, p.bw1985, p.tTest, ...(marketModel ? [p.patell!, p.bmp!, p.lamb!] : [])];
        return [p.relDay, p.percentage, p.mean, ...tests.flatMap((t) => [t.stat, t.signif])];
      }),
    ),
    table('nonparametric.csv', ['rel_day', 'percentage', ...np.flatMap((t) => [`${t}_stat`, `${t}_signif`])], () =>
      s.nonparametric.map((p) => [p.relDay, p.percentage, ...[p.sign, p.gsign, p.csign, p.rank, p.mrank, p.wilcoxon].flatMap((t) => [t.stat, t.signif])]),
    ),
    table('car_tests.csv', ['car_start', 'car_end', 'name', 'average_percentage', 'car_mean', 'statistic', 'number_of_days', 'significance'], () =>
      s.carTests.map((c) => [c.window.start, c.window.end, c.name, c.averagePercentage, c.carMean, c.statistic, c.numberOfDays, c.significance]),
    ),
  ];
  if (marketModel) {
    files.push(
      table('kp_bmp.csv', ['rel_day', 'n_firms', 'cross_correlation', 'kp_bmp_stat', 'kp_bmp_signif'], () =>
        s.parametric.map((p) => [p.relDay, p.nFirms, s.crossCorrelation, p.kolariPynnonen!.stat, p.kolariPynnonen!.signif]),
      ),
    );
  }
  if (s.bootstrap.length > 0) {
    files.push(
      table('caar_bootstrap.csv', ['car_start', 'car_end', 'caar', 'lower', 'upper', 'level', 'samples', 'seed'], () =>
        s.bootstrap.map((b) => [b.window.start, b.window.end, b.ci.caar, b.ci.lower, b.ci.upper, b.ci.level, b.ci.samples, b.ci.seed]),
      ),
    );
  }
  return files;
}

/** Which rows of each event ar.csv holds. */
export type ArRows = 'event' | 'all';
export const AR_ROWS: readonly ArRows[] = ['event', 'all'];

export interface StudyTableOptions {
  /**
   * `event` (default): the event window's rows, what a reader of ARs looks at (11 rows an event for -5:5).
   * `all`: every row from the first estimation day to the last event day, gap included — estudy2's ar.csv, and the
   * estimation residuals a test can be recomputed from (251 rows an event for -250:-11 and -5:5).
   */
  readonly arRows?: ArRows;
}

/**
 * Every output file of `aftershock study`, each written row by row (a 100,000-event ar.csv never exists as one
 * string): model, ar, aar, parametric, nonparametric, car_firm, car_tests (estudy2's column names, rows keyed by
 * rel_day), event_calendar, excluded, the two tables beyond estudy2 (kp_bmp, caar_bootstrap) and summary.md.
 */
export function studyTableFiles(res: StudyResult, opts: StudyTableOptions = {}): TableFile[] {
  const mm = isRegressionModel(res.model);
  const ca = res.model === 'constant-mean';
  const files: TableFile[] = [];
  files.push(
    streamed(
      'model.csv',
      [
        'symbol', 'event_date', 'estimation_length', 'alpha', 'beta', 'est_mean_return', 'est_ar_mean', 'est_ar_sd_n1', 'est_ar_rss',
        'est_mkt_mean', 'est_mkt_ss', 'est_mkt_n', 'est_first_date', 'est_last_date', 'est_first_rel_day', 'est_last_rel_day',
      ],
      (w) => {
        for (const e of res.events) {
          const m = e.model;
          w.text(e.symbol).text(e.eventDate).num(m.estimationLength).num(mm ? m.alpha : NaN).num(mm ? m.beta : NaN).num(ca ? m.meanReturn : NaN);
          w.num(m.arMean).num(m.sdN1).num(m.rss).num(ca ? NaN : m.mktMean).num(ca ? NaN : m.mktSs).num(ca ? NaN : m.mktN);
          w.text(m.estFirstDate).text(m.estLastDate).num(m.estFirstRelDay).num(m.estLastRelDay).end();
        }
      },
    ),
  );
  const factorNames = Object.keys(res.events[0]?.model.factorBetas ?? {});
  if (factorNames.length > 0) {
    files.push(
      table('factor_betas.csv', ['symbol', 'event_date', 'alpha', ...factorNames.map((n) => `beta_${n}`), 'est_ar_sd', 'estimation_length'], () =>
        res.events.map((e) => [e.symbol, e.eventDate, e.model.alpha, ...factorNames.map((n) => e.model.factorBetas![n]!), e.model.sd, e.model.estimationLength]),
      ),
    );
  }
  files.push(arTableFile(res, (opts.arRows ?? 'event') === 'all' ? 0 : Math.max(0, res.rowWindow.indexOf('event'))));
  files.push(
    streamed('car_firm.csv', ['symbol', 'event_date', 'car_start', 'car_end', 'n_days', 'car', 'bhar'], (w) => {
      const cars = res.events.map((e) => e.cars);
      for (let k = 0; k < res.carWindows.length; k++) {
        const win = res.carWindows[k]!;
        res.events.forEach((e, i) => {
          const c = cars[i]![k]!;
          w.text(e.symbol).text(e.eventDate).num(win.start).num(win.end).num(c.nDays).num(c.car).num(c.bhar).end();
        });
      }
    }),
  );
  files.push(...sampleTableFiles(res.stats, mm));
  const g = res.relDays;
  const estEnd = res.rowWindow.lastIndexOf('estimation');
  const evtStart = res.rowWindow.indexOf('event');
  files.push(
    streamed('event_calendar.csv', ['symbol', 'event_date', 'day0_date', 'est_first_date', 'est_last_date', 'evt_first_date', 'evt_last_date'], (w) => {
      for (const e of res.events) {
        const at = e.dateAt;
        w.text(e.symbol).text(e.eventDate).text(e.day0).text(at(0)).text(at(estEnd)).text(at(evtStart)).text(at(g.length - 1)).end();
      }
    }),
  );
  files.push(
    table('confounded.csv', ['symbol', 'event_date', 'other_event', 'other_kind', 'other_date', 'other_day0', 'offset', 'in_tests'], function* () {
      for (const e of res.events) {
        for (const c of e.confoundedBy) yield [e.symbol, e.eventDate, c.eventId, c.kind, c.date, c.day0, c.offset, e.inTests ? 'yes' : 'no'];
      }
    }),
  );
  if (res.calendarTime) files.push(...calendarTimeFiles(res.calendarTime));
  if (res.volume) files.push(...volumeFiles(res.volume));
  files.push(table('excluded.csv', ['symbol', 'event_date', 'code', 'reason'], () => res.excluded.map((x) => [x.event.symbol, x.event.date, x.code, x.reason])));
  files.push({ name: 'summary.md', write: (w) => void w.write(summaryMarkdown(res)) });
  return files;
}

/** Each file of `files` as one string (for small studies and tests; `aftershock study` streams instead). */
export function tablesAsText(files: readonly TableFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.name, collect((w) => f.write(w))]));
}

/** Every output file of `aftershock study` as text (see `studyTableFiles`). */
export function studyTables(res: StudyResult, opts: StudyTableOptions = {}): Record<string, string> {
  return tablesAsText(studyTableFiles(res, opts));
}

/** The per-sample tables as text (see `sampleTableFiles`). */
export function sampleTables(s: SampleStats, marketModel: boolean): Record<string, string> {
  return tablesAsText(sampleTableFiles(s, marketModel));
}

function num(x: number, digits = 4): string {
  return x === x ? x.toFixed(digits) : 'NA';
}

/** A readable Markdown summary of a study. */
export function summaryMarkdown(res: StudyResult): string {
  const s = res.stats;
  const mm = isRegressionModel(res.model);
  const L: string[] = [];
  L.push('# Event study', '');
  L.push(`- Profile: **${res.profile}**; model: ${res.model}; returns: ${res.returns} (${res.price}); market: ${res.marketSymbol}`);
  L.push(`- Estimation window ${res.estimation.start}:${res.estimation.end}, event window ${res.eventWindow.start}:${res.eventWindow.end} (sessions of ${res.marketSymbol}); minimum estimation length ${res.minEstimation}`);
  L.push(`- Events: ${res.events.length} included, ${res.excluded.length} excluded`);
  const conf = res.events.filter((e) => e.confoundedBy.length > 0);
  L.push(
    `- Confounded (another event of the firm with day 0 inside the event window): ${conf.length}${conf.length > 0 ? (res.excludeConfounded ? ', left out of the tests' : ', kept in the tests') : ''}`,
    '',
  );
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
  if (res.calendarTime) L.push('', ...calendarTimeMarkdown(res.calendarTime));
  if (res.volume) L.push('', ...volumeMarkdown(res.volume));
  if (res.groups.length > 0) {
    L.push('', `## Groups by ${res.groups[0]!.field}`, '', '| group | N | CAAR (last day) |', '|---|---|---|');
    for (const gr of res.groups) L.push(`| ${gr.key} | ${gr.stats.n} | ${num(gr.stats.aar[gr.stats.aar.length - 1]?.caar ?? NaN)} |`);
  }
  if (conf.length > 0) {
    L.push('', '## Confounded events', '');
    for (const e of conf) L.push(`- ${e.symbol} ${e.eventDate} (day 0 ${e.day0}): ${confounderText(e.confoundedBy)}`);
  }
  if (res.excluded.length > 0) {
    L.push('', '## Excluded events', '');
    for (const x of res.excluded) L.push(`- ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]`);
  }
  L.push('', 'Flags: `*` 10 %, `**` 5 %, `***` 1 % (two-sided).', '');
  return L.join('\n');
}
