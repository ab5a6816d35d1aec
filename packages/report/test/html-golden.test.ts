import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/html';
import { chartLib } from '../src/html-chart-lib';
import { REPORT_CSS, REPORT_JS } from '../src/html-style';
import { sampleResult } from './fixture';

// The page of the sample result, byte for byte (UPDATE_GOLDEN=1 rewrites it). The embedded files — uPlot, the
// stylesheet and the chart script, each tested on its own — are replaced by markers, so the golden shows the markup.
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'sample.report.html');

function withoutLibrary(html: string): string {
  const req = createRequire(import.meta.url);
  const js = readFileSync(req.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(req.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const client = chartLib().client;
  for (const part of [js, css, client, REPORT_CSS, REPORT_JS]) expect(html.split(part)).toHaveLength(2);
  return html.replace(js, '/* uplot/dist/uPlot.iife.min.js */').replace(css, '/* uplot/dist/uPlot.min.css */').replace(client, '/* src/html-charts-client.js */').replace(REPORT_CSS, '/* REPORT_CSS */').replace(REPORT_JS, '/* REPORT_JS */');
}

describe('report.html golden', () => {
  it('matches the golden page of the sample result', () => {
    const html = withoutLibrary(renderHtml(sampleResult()));
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, html);
    }
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
