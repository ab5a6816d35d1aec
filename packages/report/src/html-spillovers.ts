import { escapeHtml, num, pct, windowLabel } from './format';
import { c, htmlTable, n } from './html-table';
import { groupSummaries } from './study-summary';
import type { RunResult, SpilloverResult } from './result-types';
import { tsFigure } from './html-ts-chart';
import { PALETTE } from './svg';

export function spilloverSection(r: RunResult): string {
  if (r.spillovers.length === 0) return '';
  const byEvent = new Map<string, SpilloverResult[]>();
  for (const s of r.spillovers) byEvent.set(s.eventId, [...(byEvent.get(s.eventId) ?? []), s]);
  const blocks: string[] = [];
  let k = 0;
  for (const [eventId, list] of byEvent) {
    const ev = r.events.find((e) => e.id === eventId);
    const sync = `spill-${k++}`;
    // One chart per symbol, each on its own scale: a related stock's 2% drift stays visible beside a −40% crash.
    const small = (title: string, path: readonly { offset: number; car: number | null }[], color: string, dash?: readonly number[]) =>
      tsFigure(
        {
          title,
          xKind: 'offset',
          x: path.map((p) => p.offset),
          series: [{ name: 'CAR', values: path.map((p) => p.car), color, format: 'pct', ...(dash ? { dash } : {}) }],
          yFormat: 'pct',
          yLabel: 'CAR (%)',
          markers: [{ x: 0, label: 'day 0' }],
          zeroLine: true,
          dots: true,
          height: 210,
          sync,
        },
        360,
      );
    const own = ev && ev.carPath.length ? [`<div class="card own">${small(`${ev.symbol} (event company)`, ev.carPath, '#000000')}</div>`] : [];
    const rel = list.map((s, i) => `<div class="card">${small(`${s.symbol}${s.relation ? ' · ' + s.relation : ''}${s.contaminated ? ' ⚠ own event in window' : ''}`, s.carPath, PALETTE[i % PALETTE.length]!, s.contaminated ? [3, 3] : undefined)}</div>`);
    const head = ev ? `${ev.symbol} ${ev.kind}, event ${ev.eventDate}, day 0 ${ev.day0 ?? '–'}` : eventId;
    blocks.push(`<h3>CAR around ${escapeHtml(head)}</h3><div class="grid4">${[...own, ...rel].join('')}</div>`);
  }
  const wins = r.meta.windows.car;
  const table = htmlTable(
    ['event', 'related', 'relation', 'day 0', 'day-0 return', 'day-0 AR', ...wins.map((w) => `CAR ${windowLabel(w)}`), 'own event in window'],
    r.spillovers.map((s) => [
      c(s.eventId),
      c(s.symbol),
      c(s.relation || '–'),
      c(s.day0 ?? '–'),
      n(pct(s.day0Return), s.day0Return, true),
      n(pct(s.day0Abnormal), s.day0Abnormal, true),
      ...wins.map((_, i) => n(pct(s.car[i]?.car ?? null), s.car[i]?.car ?? null, true)),
      c(s.contaminated ? 'yes (contaminated)' : 'no'),
    ]),
    [false, false, false, false, true, true, ...wins.map(() => true), false],
  );
  const sums = groupSummaries(r.spilloverStudy);
  const tests = sums.length
    ? `<h3>Tests across pairs</h3>${htmlTable(
        ['pairs', 'N', 'AAR day 0', 't-test day 0', 'CAAR end of window', 'CAR test'],
        sums.map((g) => [
          c(g.name),
          n(String(g.n), g.n),
          n(pct(g.aar0), g.aar0, true),
          n(`${num(g.t0)}${g.t0Signif}`, g.t0),
          n(pct(g.caarEnd), g.caarEnd, true),
          c(g.carTest ? `${g.carTest.test} ${windowLabel(g.carTest.window)}: ${num(g.carTest.stat)}${g.carTest.signif}` : '–'),
        ]),
        [false, true, true, true, true, false],
      )}`
    : '';
  return `<section id="spillovers"><h2>Spillovers: related symbols</h2><p class="muted">How related stocks reacted to the event company's news, on the event company's day 0. Each symbol has its own scale (read the axis); the charts of one event share the cursor and the zoom. A dashed line (⚠) marks a pair where the related symbol had its own event inside the window (contaminated).</p>${blocks.join('\n')}<div class="scroll">${table}</div>${tests}</section>`;
}
