import { costsText, escapeHtml, money, num, pct, windowLabel } from './format';
import { c, htmlTable } from './html-table';
import type { RunResult } from './result-types';

/** Four headline numbers under the title: the sample, the day-0 reaction, the best strategy, the spillover. */
export function glance(r: RunResult): string {
  // value, what it is, detail, and the section the card leads to.
  const cards: [string, string, string, string][] = [];
  const studied = r.events.filter((e) => !e.excluded).length;
  cards.push([String(r.events.length), 'events', `${studied} in the study, ${r.meta.dataRange.from} … ${r.meta.dataRange.to}`, 'events']);
  const all = r.study.groups[0];
  const day0 = all?.aar.find((a) => a.offset === 0);
  const t = all?.tests.rows.find((x) => x.offset === 0);
  const ti = all ? all.tests.tests.indexOf('t-test') : -1;
  if (day0) cards.push([pct(day0.aar, 1), 'average abnormal return on day 0', ti >= 0 && t ? `t = ${num(t.stats[ti] ?? null)}${t.signif[ti] ?? ''}, N = ${day0.n}` : `N = ${day0.n}`, 'study']);
  const big = [...r.events].filter((e) => e.reaction.day0Return !== null).sort((a, b) => Math.abs(b.reaction.day0Return!) - Math.abs(a.reaction.day0Return!))[0];
  if (big) cards.push([pct(big.reaction.day0Return, 1), `largest day-0 move: ${big.symbol} ${big.kind}`, `day 0 ${big.day0 ?? '–'} (event ${big.eventDate}, ${big.timing})`, 'events']);
  const best = [...r.strategies].sort((a, b) => b.metrics.totalReturn - a.metrics.totalReturn)[0];
  if (best) cards.push([pct(best.metrics.totalReturn, 1), `best strategy: ${best.label}`, `Sharpe ${num(best.metrics.sharpe)}, max drawdown ${pct(best.metrics.maxDrawdown, 2)}, ${best.metrics.trades} trade(s)`, 'strategies']);
  const w = r.meta.windows.car[0];
  const spill = [...r.spillovers].filter((x) => x.car[0]?.car !== null && x.car[0]?.car !== undefined).sort((a, b) => Math.abs(b.car[0]!.car!) - Math.abs(a.car[0]!.car!))[0];
  if (spill && w) cards.push([pct(spill.car[0]!.car, 1), `largest spillover: ${spill.symbol} on ${spill.eventSymbol}`, `CAR ${windowLabel(w)} around ${spill.eventId}; ${r.spillovers.length} pair(s) →`, 'spillovers']);
  return `<div class="glance">${cards.map(([v, k, d, to]) => `<a class="g" href="#${to}"><div class="gv">${escapeHtml(v)}</div><div class="gk">${escapeHtml(k)}</div><div class="gd">${escapeHtml(d)}</div></a>`).join('')}</div>`;
}

export function metaSection(r: RunResult): string {
  const m = r.meta;
  const kv: [string, string][] = [
    ['scenario', m.scenario],
    ['data range', `${m.dataRange.from} … ${m.dataRange.to}`],
    ['benchmark', m.benchmark],
    ['profile', m.profile],
    ['model / returns', `${m.model} / ${m.returns}`],
    ['estimation window', `${windowLabel(m.windows.estimation)} sessions`],
    ['event window', `${windowLabel(m.windows.event)} sessions`],
    ['CAR windows', m.windows.car.map(windowLabel).join(', ')],
    ['dividends', m.dividends],
    ...(r.strategies.length
      ? ([
          ['capital', money(m.capital, 0)],
          ['costs', costsText(m.costs)],
        ] as [string, string][])
      : []),
    ['seed', String(m.seed)],
    ['aftershock', `${m.version} (result schema ${r.schemaVersion})`],
  ];
  const li = (xs: readonly string[]) => `<ul>${xs.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`;
  const shown = m.notes.length > 6 ? m.notes.slice(0, 4) : m.notes;
  const rest = m.notes.slice(shown.length);
  const notes = m.notes.length ? `<h3>Notes</h3>${li(shown)}${rest.length ? `<details><summary>${rest.length} more notes</summary>${li(rest)}</details>` : ''}` : '';
  const inputs = `<details><summary>Input files (${m.inputs.length}) with sha256</summary>${htmlTable(['file', 'sha256'], m.inputs.map((i) => [c(i.file), c(i.sha256)]))}</details>`;
  return `<section id="run"><h2>What was run</h2><div class="kv">${kv.map(([k, v]) => `<div>${escapeHtml(k)}</div><div>${escapeHtml(v)}</div>`).join('')}</div>${notes}${inputs}</section>`;
}
