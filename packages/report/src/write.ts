import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AftershockError } from '@aftershock/core';
import { eventsCsv, spilloversCsv, tradesCsv } from './csv';
import { renderHtml } from './html';
import { renderJson, renderJsonCompact } from './json';
import { renderMarkdown } from './markdown';
import type { RunResult } from './result-types';

export type ReportFormat = 'html' | 'md' | 'json' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'json', 'csv'];

/** Renders every requested file in memory: name → content. Pure; the same result gives the same bytes. */
export function renderReports(result: RunResult, formats: readonly ReportFormat[] = REPORT_FORMATS): Map<string, string> {
  const files = new Map<string, string>();
  const json = renderJson(result);
  if (formats.includes('json')) files.set('report.json', json);
  if (formats.includes('md')) files.set('report.md', renderMarkdown(result));
  if (formats.includes('html')) {
    // Drawn from the result as report.json holds it (12 significant digits), so `aftershock report` re-renders the
    // same bytes: numbers the page derives (the benchmark at work, monthly returns) see the same inputs.
    const compact = renderJsonCompact(result);
    files.set('report.html', renderHtml(JSON.parse(compact) as RunResult, compact));
  }
  if (formats.includes('csv')) {
    files.set('events.csv', eventsCsv(result));
    files.set('trades.csv', tradesCsv(result));
    if (result.spillovers.length) files.set('spillovers.csv', spilloversCsv(result));
  }
  return files;
}

/**
 * Writes the reports into `dir`: everything is rendered first, then each file goes to a temporary name and is
 * renamed into place, so a failure never leaves a half-written report that looks complete. Returns the paths.
 */
export function writeReports(result: RunResult, dir: string, formats: readonly ReportFormat[] = REPORT_FORMATS): string[] {
  const files = renderReports(result, formats);
  const temps: [string, string][] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of files) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      temps.push([tmp, join(dir, name)]);
    }
    for (const [tmp, final] of temps) renameSync(tmp, final);
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw new AftershockError('IO_FAILED', `could not write the report: ${(e as Error).message}`, { file: dir });
  }
  return temps.map(([, f]) => f);
}
