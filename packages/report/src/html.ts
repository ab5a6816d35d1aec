import { escapeHtml } from './format';
import { chartLib } from './html-chart-lib';
import { embedJson } from './html-ts-chart';
import { REPORT_CSS, REPORT_JS } from './html-style';
import { comparisonSection } from './html-comparison';
import { eventsSection } from './html-events';
import { glance, metaSection } from './html-overview';
import { spilloverSection } from './html-spillovers';
import { strategiesSection } from './html-strategies';
import { studySection } from './html-study';
import { sweepsSection } from './html-sweeps';
import type { RunResult } from './result-types';

export { MAX_CHART_POINTS, MAX_STRATEGY_CHARTS } from './html-strategies';
export { MAX_EVENT_CHARTS } from './html-events';


/**
 * uPlot formats numbers with `navigator.language`; a browser started under LANG=C reports `en-US@posix`, which Intl
 * refuses, and uPlot would fail to load. Falls back to `en-US` then (the report formats its own numbers anyway).
 */
const LOCALE_GUARD = `try{new Intl.NumberFormat(navigator.language)}catch(e){Object.defineProperty(navigator,'language',{value:'en-US',configurable:true})}`;

/**
 * `report.html`: one self-contained page (inline CSS, SVG charts, the result data, a small sorting script, and uPlot
 * with the report's chart script, which turn the SVGs into interactive charts; no network). Every input text is
 * escaped; with scripts off the SVGs and tables stay. `json` is the result as rendered by renderJson (embedded for scripting).
 */
export function renderHtml(r: RunResult, json?: string): string {
  // Spillovers follow the event study: they are part of the event's story, ahead of the strategies.
  const sections = [metaSection(r), eventsSection(r), studySection(r), spilloverSection(r), strategiesSection(r), comparisonSection(r), sweepsSection(r)].filter(Boolean);
  const nav = [
    ['run', 'What was run'],
    ['events', 'Events'],
    ['study', 'Event study'],
    ...(r.spillovers.length ? [['spillovers', 'Spillovers']] : []),
    ...(r.strategies.length ? [['strategies', 'Strategies']] : []),
    ...(r.comparison?.pairs.length ? [['comparison', 'Comparison']] : []),
    ...(r.sweeps.length ? [['sweeps', 'Sweeps']] : []),
  ];
  const lib = chartLib();
  const data = json !== undefined && json.length < 2_000_000 ? `<script type="application/json" id="aftershock-data">${embedJson(json)}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(r.meta.scenario)} · aftershock report</title>
<style>${lib.css}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top"><div class="in"><h1>${escapeHtml(r.meta.scenario)}</h1><p>${escapeHtml(r.meta.description)}</p><nav>${nav.map(([id, label]) => `<a href="#${id}">${escapeHtml(label!)}</a>`).join('')}</nav></div></header>
<main>
${glance(r)}
${sections.join('\n')}
<footer>aftershock ${escapeHtml(r.meta.version)} · result schema ${r.schemaVersion} · data ${escapeHtml(r.meta.dataRange.from)} … ${escapeHtml(r.meta.dataRange.to)}</footer>
</main>
${data}
<script>${REPORT_JS}</script>
<script>${LOCALE_GUARD}</script>
<script>${lib.js}</script>
<script>${lib.client}</script>
</body>
</html>
`;
}
