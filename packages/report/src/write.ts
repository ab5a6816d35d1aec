import { checkOutputFolder, writeFolder, type FolderKind } from './folder-writer';
import { eventsCsv, spilloversCsv, tradesCsv } from './csv';
import { renderHtml } from './html';
import { renderJson, renderJsonCompact } from './json';
import { renderMarkdown } from './markdown';
import type { RunResult } from './result-types';

export type ReportFormat = 'html' | 'md' | 'json' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md', 'json', 'csv'];

/**
 * Renders every requested file in memory: name → content. Pure; the same result gives the same bytes. Every page is
 * drawn from the result as report.json holds it (keys sorted, numbers to 12 significant digits, NaN as null), so
 * `aftershock report report.json` re-renders the same bytes: parameter order, derived numbers (the benchmark at work,
 * monthly returns) and missing values all come from the same input on both paths.
 */
export function renderReports(result: RunResult, formats: readonly ReportFormat[] = REPORT_FORMATS): Map<string, string> {
  const files = new Map<string, string>();
  const compact = renderJsonCompact(result);
  const saved = JSON.parse(compact) as RunResult;
  if (formats.includes('json')) files.set('report.json', renderJson(result));
  if (formats.includes('md')) files.set('report.md', renderMarkdown(saved));
  if (formats.includes('html')) files.set('report.html', renderHtml(saved, compact));
  if (formats.includes('csv')) {
    files.set('events.csv', eventsCsv(saved));
    files.set('trades.csv', tradesCsv(saved));
    if (saved.spillovers.length) files.set('spillovers.csv', spilloversCsv(saved));
  }
  return files;
}

/** Every file a report folder can hold: a folder holding anything else is never replaced. */
export const REPORT_FILES: readonly string[] = ['report.json', 'report.md', 'report.html', 'events.csv', 'trades.csv', 'spillovers.csv'];

const REPORT_FOLDER: FolderKind = { what: 'report', owns: (n) => REPORT_FILES.includes(n) };

/** Checks before any work that a report can be written to `dir` (see `checkOutputFolder`); throws OUTPUT_* errors. */
export function checkReportFolder(dir: string): void {
  checkOutputFolder(dir, REPORT_FOLDER);
}

/**
 * Writes the reports into `dir` as a whole: everything is rendered first, then written into a fresh version folder
 * that replaces the old report in one atomic step (`writeFolder`), so `dir` is always the old complete report or the
 * new complete one, never a mix, and a failure leaves it untouched. Returns the paths.
 */
export async function writeReports(result: RunResult, dir: string, formats: readonly ReportFormat[] = REPORT_FORMATS): Promise<string[]> {
  return writeFolder(dir, renderReports(result, formats), REPORT_FOLDER);
}
