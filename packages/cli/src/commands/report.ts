import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { readRegularFile } from '@aftershock/core';

/** `aftershock report RESULT.json [--out DIR]`: re-renders every report from saved results, without recomputing. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('re-render the reports (HTML, Markdown, JSON, CSV) from a saved report.json without recomputing')
    .argument('<result>', 'a report.json written by `aftershock run`')
    .option('-o, --out <dir>', 'report folder (default: the folder of the result file)')
    .action(async (file: string, opts: { out?: string }) => {
      const { checkReportFolder, parseResultJson, writeReports } = await import('@aftershock/report');
      const text = readRegularFile(file, { what: 'result file' });
      const dir = resolve(opts.out ?? dirname(resolve(file)));
      checkReportFolder(dir);
      const result = parseResultJson(text, file);
      const files = await writeReports(result, dir);
      process.stdout.write(`Reports (${files.length} files) in ${dir}\n`);
    });
}
