import type { Command } from 'commander';
import { GRID_OPTION } from '../grid-limit';

/** `aftershock compare SCENARIO [--out DIR]`: runs the scenario's strategies and prints their comparison first. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('run a scenario and compare its strategies (paired bootstrap of the return differences)')
    .argument('<scenario>', 'scenario file (YAML) with two or more strategies')
    .option('-o, --out <dir>', 'report folder (default: the scenario\'s outputs.folder, else reports/<scenario-name>/)')
    .option(...GRID_OPTION)
    .option('--queue <url>', 'redis://HOST:PORT: run the sweep points as jobs on `aftershock worker` processes (same result as a local run)')
    .action(async (file: string, opts: { out?: string; maxGridPoints?: string; queue?: string }) => (await import('./run-and-report')).runAndReport(file, opts, 'compare'));
}
