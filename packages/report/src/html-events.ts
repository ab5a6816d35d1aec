import { escapeHtml, money, offsetLabel, pct, windowLabel } from './format';
import { c, htmlTable, n } from './html-table';
import type { EventResult, RunResult } from './result-types';
import { lineChart, PALETTE } from './svg';

/** At most this many per-event price charts are drawn (the table lists every event). */
export const MAX_EVENT_CHARTS = 120;

function eventChart(e: EventResult): string {
  const p = e.pricePath;
  const title = `${e.symbol} · ${e.kind} ${e.eventDate} (${e.timing})`;
  const svg = lineChart({
    title,
    series: [{ name: `${e.symbol} close`, x: p.map((q) => q.offset), y: p.map((q) => q.close), color: PALETTE[0]! }],
    yFormat: (v, step) => money(v, step < 1 ? 2 : 0),
    yLabel: 'close ($)',
    xLabel: 'sessions from day 0',
    xFormat: offsetLabel,
    markers: e.day0 ? [{ x: 0, label: `day 0 ${e.day0}: ${pct(e.reaction.day0Return, 1)}` }] : [],
    dots: true,
    height: 250,
  });
  return `<div class="card">${svg}<p>${escapeHtml(e.day0Explanation)}</p></div>`;
}

export function eventsSection(r: RunResult): string {
  const wins = r.meta.windows.car;
  const table = htmlTable(
    ['event', 'symbol', 'kind', 'event date', 'timing', 'day 0', 'day-0 return', 'day-0 AR', ...wins.map((w) => `CAR ${windowLabel(w)}`), 'in study'],
    r.events.map((e) => [
      c(e.id),
      c(e.symbol),
      c(e.kind),
      c(e.eventDate),
      c(e.timing),
      c(e.day0 ?? '–'),
      n(pct(e.reaction.day0Return), e.reaction.day0Return, true),
      n(pct(e.reaction.day0Abnormal), e.reaction.day0Abnormal, true),
      ...wins.map((_, i) => n(pct(e.reaction.car[i]?.car ?? null), e.reaction.car[i]?.car ?? null, true)),
      c(e.excluded ? `no: ${e.excluded}` : 'yes'),
    ]),
    [false, false, false, false, false, false, true, true, ...wins.map(() => true), false],
  );
  const charted = r.events.filter((e) => e.pricePath.length > 0).slice(0, MAX_EVENT_CHARTS);
  const more = r.events.length > charted.length ? `<p class="muted">Price charts for ${charted.length} of ${r.events.length} events.</p>` : '';
  return `<section id="events"><h2>Events (${r.events.length})</h2><p class="muted">Returns in percent; day-0 return is the raw close-to-close return of the day-0 session; AR and CAR are abnormal returns under the study's model.</p><div class="scroll">${table}</div><h3>Price around day 0</h3>${more}<div class="grid2">${charted.map(eventChart).join('\n')}</div></section>`;
}
