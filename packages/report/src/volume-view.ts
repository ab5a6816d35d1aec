import { num, offsetLabel, windowLabel } from './format';
import type { FlaggedStat, VolumeSummary } from './result-types';

const stat = (s: FlaggedStat) => `${num(s.stat)}${s.signif}`;

/** The abnormal-volume study in words. */
export function volumeSentence(v: VolumeSummary): string {
  const model = v.model === 'market-model' ? `log(1 + V) regressed on ${v.benchmark}'s log(1 + V) over the estimation window` : 'log(1 + V) minus its estimation-window mean';
  return (
    `Abnormal log volume of ${v.events} event${v.events === 1 ? '' : 's'}: ${model} (zero or missing volume is no observation). ` +
    `t: cross-sectional; crude: AAV over its estimation-window standard deviation (Brown–Warner 1985's dependence adjustment); rank: Corrado (1989) on abnormal log volume.` +
    (v.excluded.length ? ` ${v.excluded.length} event${v.excluded.length === 1 ? '' : 's'} without enough volume left out.` : '')
  );
}

/** The day table and the window table as header + text cells (+ the numbers to sort by). */
export function volumeTables(v: VolumeSummary) {
  return {
    days: {
      header: ['day', 'N', 'AAV', 'CAAV', 't', 'crude t', 'rank'],
      rows: v.days.map((d) => ({ values: [d.offset, d.n, d.aav, d.caav, d.t.stat, d.crude.stat, d.rank.stat], cells: [offsetLabel(d.offset), String(d.n), num(d.aav, 4), num(d.caav, 4), stat(d.t), stat(d.crude), stat(d.rank)] })),
    },
    windows: {
      header: ['window', 'N', 'CAAV', 't', 'crude t', 'rank'],
      rows: v.windows.map((w) => ({ values: [null, w.n, w.caav, w.t.stat, w.crude.stat, w.rank.stat], cells: [windowLabel(w.window), String(w.n), num(w.caav, 4), stat(w.t), stat(w.crude), stat(w.rank)] })),
    },
    excluded: v.excluded.map((x) => `${x.symbol} ${x.date}: ${x.reason} [${x.code}]`),
  };
}
