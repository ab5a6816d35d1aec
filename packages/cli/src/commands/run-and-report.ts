import { performance } from 'node:perf_hooks';
import { checkReportFolder, writeReports } from '@aftershock/report';
import { outputDir, runScenario } from '@aftershock/scenario';
import { gridLimit } from '../grid-limit';
import { progressBar } from '../progress';
import { comparisonText, summaryText } from '../summary';

/** A closed pipe (`aftershock run … | head`) is not an error: stop writing quietly instead of crashing. */
const guarded = new WeakSet<NodeJS.WriteStream>();
function ignoreEpipe(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

/** Runs a scenario, prints its summary (and, for `compare`, the comparison) and writes the reports. */
export async function runAndReport(file: string, opts: { out?: string; maxGridPoints?: string; queue?: string }, focus: 'run' | 'compare'): Promise<void> {
  const max = gridLimit(opts.maxGridPoints);
  const t0 = performance.now();
  const bar = progressBar();
  let run;
  try {
    // The output folder is checked before any data is read: an unwritable --out fails now, not after the run.
    run = await runScenario(file, {
      onProgress: bar.update,
      beforeRun: (s) => checkReportFolder(outputDir(s, opts.out)),
      ...(max !== undefined ? { maxGridPoints: max } : {}),
      ...(opts.queue !== undefined ? { queue: opts.queue } : {}),
    });
  } finally {
    bar.end();
  }
  const { scenario, result, notices } = run;
  const dir = outputDir(scenario, opts.out);
  const files = await writeReports(result, dir, scenario.outputs.formats);
  const out = process.stdout;
  ignoreEpipe(out);
  out.write(focus === 'compare' ? comparisonText(result) + '\n' + summaryText(result) : summaryText(result));
  for (const n of notices) out.write(`\nNote: ${n}\n`);
  out.write(`\nReports (${files.length} files) in ${dir}\n`);
  // The run time goes to the terminal only, never into a report.
  out.write(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

