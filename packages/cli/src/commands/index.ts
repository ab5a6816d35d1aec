import type { Command } from 'commander';
import { registerDataInspect } from './data-inspect';
import { registerDataIngest } from './data-ingest';
import { registerDataSynth } from './data-synth';
import { registerValidate } from './validate';
import { registerRun } from './run';
import { registerCompare } from './compare';
import { registerReport } from './report';
import { registerStudy } from './study';
import { registerWorker } from './worker';

/** One line per command; each file registers its own subcommand with its options and help. */
export function registerCommands(program: Command): void {
  registerDataInspect(program);
  registerDataIngest(program);
  registerDataSynth(program);
  registerValidate(program);
  registerRun(program);
  registerCompare(program);
  registerReport(program);
  registerStudy(program);
  registerWorker(program);
}
