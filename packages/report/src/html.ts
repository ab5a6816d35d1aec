import { escapeHtml } from './format';
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

/** Embeds JSON in a script element safely: `<`, `>` and `&` are written as unicode escapes. */
function embedJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * `report.html`: one self-contained page (inline CSS, SVG charts, a small sorting script and the result data; no
 * network). Every input text is escaped. `json` is the result as rendered by renderJson (embedded for scripting).
 */
export function renderHtml(r: RunResult, json?: string): string {
  const sections = [metaSection(r), eventsSection(r), studySection(r), strategiesSection(r), comparisonSection(r), sweepsSection(r), spilloverSection(r)].filter(Boolean);
  const nav = [
    ['run', 'What was run'],
    ['events', 'Events'],
    ['study', 'Event study'],
    ...(r.strategies.length ? [['strategies', 'Strategies']] : []),
    ...(r.comparison?.pairs.length ? [['comparison', 'Comparison']] : []),
    ...(r.sweeps.length ? [['sweeps', 'Sweeps']] : []),
    ...(r.spillovers.length ? [['spillovers', 'Spillovers']] : []),
  ];
  const data = json !== undefined && json.length < 2_000_000 ? `<script type="application/json" id="aftershock-data">${embedJson(json)}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(r.meta.scenario)} · aftershock report</title>
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
</body>
</html>
`;
}
