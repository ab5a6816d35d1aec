import { num, offsetLabel, pct, pctTick, windowLabel } from './format';
import { c, htmlTable, n } from './html-table';
import { groupSummaries } from './study-summary';
import type { RunResult, SpilloverResult } from './result-types';
import { lineChart, PALETTE } from './svg';

export function spilloverSection(r: RunResult): string {
  if (r.spillovers.length === 0) return '';
  const byEvent = new Map<string, SpilloverResult[]>();
  for (const s of r.spillovers) byEvent.set(s.eventId, [...(byEvent.get(s.eventId) ?? []), s]);
  const charts: string[] = [];
  for (const [eventId, list] of byEvent) {
    const ev = r.events.find((e) => e.id === eventId);
    const own = ev ? [{ name: `${ev.symbol} (event company)`, x: ev.carPath.map((p) => p.offset), y: ev.carPath.map((p) => p.car), color: '#000000', width: 2.5 }] : [];
    const rel = list.map((s, i) => ({ name: `${s.symbol}${s.relation ? ' · ' + s.relation : ''}${s.contaminated ? ' ⚠' : ''}`, x: s.carPath.map((p) => p.offset), y: s.carPath.map((p) => p.car), color: PALETTE[i % PALETTE.length]!, ...(s.contaminated ? { dash: '3 3' } : {}) }));
    charts.push(
      `<div class="card">${lineChart({
        title: `CAR around ${ev ? `${ev.symbol} ${ev.kind} day 0 ${ev.day0 ?? ''}` : eventId}`,
        series: [...own, ...rel],
        yFormat: pctTick,
        yLabel: 'CAR (%)',
        xLabel: 'sessions from the event company\u2019s day 0',
        xFormat: offsetLabel,
        markers: [{ x: 0, label: 'day 0' }],
        zeroLine: true,
        dots: true,
      })}</div>`,
    );
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
  return `<section id="spillovers"><h2>Spillovers: related symbols</h2><p class="muted">How related stocks reacted to the event company's news, on the event company's day 0. A dashed line (⚠) marks a pair where the related symbol had its own event inside the window (contaminated).</p><div class="grid2">${charts.join('\n')}</div><div class="scroll">${table}</div>${tests}</section>`;
}
