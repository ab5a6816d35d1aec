import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The bytes embedded in report.html for the interactive charts: uPlot (MIT, ~51 KB minified, no dependencies)
 * from node_modules, and the report's own chart script. Read once per process; the same install gives the same
 * bytes, so reports stay byte-identical.
 */
export interface ChartLib {
  readonly js: string;
  readonly css: string;
  readonly client: string;
}

let cached: ChartLib | undefined;

/** Closing tags inside an inline script or style would end it early; escaped the way JS and CSS allow. */
function inline(text: string, tag: 'script' | 'style'): string {
  return text.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
}

export function chartLib(): ChartLib {
  if (cached) return cached;
  const req = createRequire(import.meta.url);
  const js = readFileSync(req.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(req.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const client = readFileSync(new URL('./html-charts-client.js', import.meta.url), 'utf8');
  cached = { js: inline(js, 'script'), css: inline(css, 'style'), client: inline(client, 'script') };
  return cached;
}
