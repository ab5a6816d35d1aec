import type { TableFile } from './tables';
import type { VolumeResult } from './volume';

/**
 * The volume study's files: volume_aav.csv (per event day: N, AAV, CAAV, the cross-sectional t, the crude
 * dependence-adjusted t and Corrado's rank statistic with flags), volume_car.csv (per CAR window: N, CAAV and the
 * three tests), volume_model.csv (per event: T, α̂, β̂, mean log volume, sd), volume_abnormal.csv (per event and
 * event-window day: log(1 + V) of the stock and the market, abnormal log volume) and volume_excluded.csv.
 */
export function volumeFiles(v: VolumeResult): TableFile[] {
  return [
    {
      name: 'volume_aav.csv',
      write(w) {
        w.row(['rel_day', 'n_firms', 'aav', 'caav', 't_stat', 't_signif', 'crude_stat', 'crude_signif', 'rank_stat', 'rank_signif']);
        for (const d of v.days) w.row([d.relDay, d.nFirms, d.aav, d.caav, d.tTest.stat, d.tTest.signif, d.crude.stat, d.crude.signif, d.rank.stat, d.rank.signif]);
      },
    },
    {
      name: 'volume_car.csv',
      write(w) {
        w.row(['car_start', 'car_end', 'n', 'caav', 't_stat', 't_signif', 'crude_stat', 'crude_signif', 'rank_stat', 'rank_signif']);
        for (const c of v.windows) w.row([c.window.start, c.window.end, c.n, c.caav, c.tTest.stat, c.tTest.signif, c.crude.stat, c.crude.signif, c.rank.stat, c.rank.signif]);
      },
    },
    {
      name: 'volume_model.csv',
      write(w) {
        w.row(['symbol', 'event_date', 'estimation_length', 'alpha', 'beta', 'mean_log_volume', 'sd']);
        for (const e of v.events) w.row([e.event.symbol, e.event.date, e.estimationLength, e.alpha, e.beta, e.meanLogVolume, e.sd]);
      },
    },
    {
      name: 'volume_abnormal.csv',
      write(w) {
        w.row(['symbol', 'event_date', 'rel_day', 'date', 'log_volume', 'log_market_volume', 'abnormal']);
        const first = v.days[0]?.relDay ?? 0;
        const mm = v.model === 'market-model';
        for (const e of v.events) {
          // Each event's fields read once, not on each of its rows.
          const { symbol, date } = e.event;
          const { dates, logVolume, marketLogVolume, abnormal } = e;
          for (let k = 0; k < abnormal.length; k++) {
            w.text(symbol).text(date).num(first + k).text(dates[k]!).num(logVolume[k]!).num(mm ? marketLogVolume[k]! : NaN).num(abnormal[k]!).end();
          }
        }
      },
    },
    {
      name: 'volume_excluded.csv',
      write(w) {
        w.row(['symbol', 'event_date', 'code', 'reason']);
        for (const x of v.excluded) w.row([x.event.symbol, x.event.date, x.code, x.reason]);
      },
    },
  ];
}

const f = (x: number, digits: number) => (x === x ? x.toFixed(digits) : 'NA');

/** The volume study as Markdown lines for summary.md. */
export function volumeMarkdown(v: VolumeResult): string[] {
  const L = [
    '## Abnormal volume',
    '',
    `log(1 + V), ${v.model === 'market-model' ? `market model on ${v.marketSymbol}'s log volume` : 'mean-adjusted (minus the estimation-window mean)'}; ${v.events.length} event(s), ${v.excluded.length} excluded.`,
    '',
    '| rel_day | N | AAV | CAAV | t | crude t | rank |',
    '|---|---|---|---|---|---|---|',
    ...v.days.map((d) => `| ${d.relDay} | ${d.nFirms} | ${f(d.aav, 4)} | ${f(d.caav, 4)} | ${f(d.tTest.stat, 2)}${d.tTest.signif} | ${f(d.crude.stat, 2)}${d.crude.signif} | ${f(d.rank.stat, 2)}${d.rank.signif} |`),
    '',
    '| window | N | CAAV | t | crude t | rank |',
    '|---|---|---|---|---|---|',
    ...v.windows.map((c) => `| ${c.window.start}:${c.window.end} | ${c.n} | ${f(c.caav, 4)} | ${f(c.tTest.stat, 2)}${c.tTest.signif} | ${f(c.crude.stat, 2)}${c.crude.signif} | ${f(c.rank.stat, 2)}${c.rank.signif} |`),
  ];
  for (const x of v.excluded) L.push(`- excluded ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]`);
  return L;
}
