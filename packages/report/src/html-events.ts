import { confoundingText, escapeHtml, offsetLabel, pct, windowLabel } from './format';
import { c, htmlTable, n } from './html-table';
import { MAX_STRATEGY_CHARTS, strategyColor } from './html-strategies';
import { tsFigure, type TsSeries } from './html-ts-chart';
import type { EventResult, RunResult, TradeRow } from './result-types';
import { PALETTE } from './svg';

/** At most this many per-event price charts are drawn (the table lists every event). */
export const MAX_EVENT_CHARTS = 120;

/** A strategy's entries and exits on one event, for the marks on its price chart. */
interface EventTrades {
  readonly label: string;
  readonly color: string;
  readonly trades: readonly TradeRow[];
}

function eventChart(e: EventResult, benchmark: string, traded: readonly EventTrades[]): string {
  const p = e.pricePath;
  const title = `${e.symbol} · ${e.kind} ${e.eventDate} (${e.timing})`;
  const byDate = new Map(p.map((q, i) => [q.date, i]));
  // The benchmark is drawn rebased to the stock's close on day −1 (or its first session), so the two start together;
  // the readout shows the benchmark's own close.
  const base = p.find((q) => q.offset === -1 && q.benchmark) ?? p.find((q) => q.benchmark);
  const bench = p.map((q) => q.benchmark ?? null);
  const series: TsSeries[] = [{ name: `${e.symbol} close`, values: p.map((q) => q.close), color: PALETTE[0]!, format: 'money' }];
  if (base?.benchmark) series.push({ name: `${benchmark} (rebased to ${e.symbol} on day ${offsetLabel(base.offset)})`, values: bench.map((b) => (b === null ? null : (b / base.benchmark!) * base.close)), readout: bench, color: '#7a8394', dash: [5, 4], width: 1.5, format: 'money' });
  for (const t of traded) {
    const mark = (date: string | null, price: number | null) => p.map((q, i) => (date !== null && byDate.get(date) === i ? price : null));
    for (const tr of t.trades) {
      const side = tr.direction === 'long' ? 'long' : 'short';
      if (tr.entryDate && byDate.has(tr.entryDate)) series.push({ name: `${t.label}: ${side} entry`, values: mark(tr.entryDate, tr.entryPrice), color: t.color, kind: 'points', format: 'money' });
      if (tr.exitDate && byDate.has(tr.exitDate)) series.push({ name: `${t.label}: exit`, values: mark(tr.exitDate, tr.exitPrice), color: t.color, kind: 'points', hollow: true, format: 'money' });
    }
  }
  if (p.some((q) => q.volume)) series.push({ name: 'volume', values: p.map((q) => q.volume ?? null), color: '#5b6577', kind: 'bars', format: 'int' });
  const chart = tsFigure({
    title,
    xKind: 'offset',
    x: p.map((q) => q.offset),
    dates: p.map((q) => q.date),
    series,
    yFormat: 'money',
    yLabel: 'close ($)',
    xLabel: 'sessions from day 0',
    markers: e.day0 ? [{ x: 0, label: `day 0 ${e.day0}: ${pct(e.reaction.day0Return, 1)}` }] : [],
    dots: true,
    height: 250,
  });
  return `<div class="card">${chart}<p>${escapeHtml(e.day0Explanation)}</p></div>`;
}

/** Per event id, each strategy's trades on it (strategies in report order, each with its colour). */
function tradesByEvent(r: RunResult): Map<string, EventTrades[]> {
  const out = new Map<string, EventTrades[]>();
  // Only trades in the event's own stock: a spillover strategy trades the related symbols on the same event.
  const eventSymbol = new Map(r.events.map((e) => [e.id, e.symbol]));
  r.strategies.slice(0, MAX_STRATEGY_CHARTS).forEach((s, i) => {
    const by = new Map<string, TradeRow[]>();
    for (const t of s.trades) if (t.eventId && t.symbol === eventSymbol.get(t.eventId)) by.set(t.eventId, [...(by.get(t.eventId) ?? []), t]);
    for (const [id, trades] of by) out.set(id, [...(out.get(id) ?? []), { label: s.label, color: strategyColor(i), trades }]);
  });
  return out;
}

/** The "in study" cell: yes, or the confounding events of the firm inside the window and whether it is tested. */
function inStudy(e: EventResult): string {
  if (!e.confoundedBy?.length) return 'yes';
  return `${e.inTests === false ? 'not in the tests' : 'yes'}; confounded by ${confoundingText(e.confoundedBy)}`;
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
      c(e.excluded ? `no: ${e.excluded}` : inStudy(e)),
    ]),
    [false, false, false, false, false, false, true, true, ...wins.map(() => true), false],
  );
  const charted = r.events.filter((e) => e.pricePath.length > 0).slice(0, MAX_EVENT_CHARTS);
  const traded = tradesByEvent(r);
  const more = r.events.length > charted.length ? `<p class="muted">Price charts for ${charted.length} of ${r.events.length} events.</p>` : '';
  return `<section id="events"><h2>Events (${r.events.length})</h2><p class="muted">Returns in percent; day-0 return is the raw close-to-close return of the day-0 session; AR and CAR are abnormal returns under the study's model.</p><div class="scroll">${table}</div><h3>Price around day 0</h3>${more}<div class="grid2">${charted.map((e) => eventChart(e, r.meta.benchmark, traded.get(e.id) ?? [])).join('\n')}</div></section>`;
}
