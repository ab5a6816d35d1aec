import type { Command } from 'commander';
import { formatProblem, ValidationError, type Problem } from '@aftershock/core';
import { GRID_OPTION, gridLimit } from '../grid-limit';

/** `aftershock validate FILE...`: checks scenario files without running them; exit 2 when any has a problem. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files (schema, files, strategies, symbols) without running them')
    .argument('<files...>', 'scenario files (YAML)')
    .option(...GRID_OPTION)
    .action(async (files: string[], opts: { maxGridPoints?: string }) => {
      const max = gridLimit(opts.maxGridPoints);
      const { strategyCatalog, validateScenarioWithModules } = await import('@aftershock/scenario');
      const all: Problem[] = [];
      for (const f of files) {
        const { problems } = await validateScenarioWithModules(f, { catalog: strategyCatalog(), ...(max !== undefined ? { maxGridPoints: max } : {}) });
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) process.stdout.write(`${f}: ok\n`);
        for (const p of problems.filter((q) => q.severity === 'warning')) process.stdout.write(`  ${formatProblem(p)}\n`);
        all.push(...errors);
      }
      if (all.length > 0) throw new ValidationError(all);
    });
}
