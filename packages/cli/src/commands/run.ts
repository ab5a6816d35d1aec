import type { Command } from 'commander';
import { GRID_OPTION } from '../grid-limit';

/** `aftershock run SCENARIO [--out DIR]`. The runner loads when the command runs (a start stays light). */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a scenario: event study, spillovers, strategies; print a summary and write the reports')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-o, --out <dir>', 'report folder (default: the scenario\'s outputs.folder, else reports/<scenario-name>/)')
    .option(...GRID_OPTION)
    .option('--queue <url>', 'redis://HOST:PORT: run the sweep points as jobs on `aftershock worker` processes (same result as a local run)')
    .action(async (file: string, opts: { out?: string; maxGridPoints?: string; queue?: string }) => (await import('./run-and-report')).runAndReport(file, opts, 'run'));
}
