import type { Command } from 'commander';
import { formatProblem, ValidationError, type Problem } from '@aftershock/core';

/** `aftershock validate FILE...`: checks scenario files without running them; exit 2 when any has a problem. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check scenario files (schema, files, strategies, symbols) without running them')
    .argument('<files...>', 'scenario files (YAML)')
    .action(async (files: string[]) => {
      const { strategyCatalog, validateScenarioWithModules } = await import('@aftershock/scenario');
      const all: Problem[] = [];
      for (const f of files) {
        const { problems } = await validateScenarioWithModules(f, { catalog: strategyCatalog() });
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length === 0) process.stdout.write(`${f}: ok\n`);
        for (const p of problems.filter((q) => q.severity === 'warning')) process.stdout.write(`  ${formatProblem(p)}\n`);
        all.push(...errors);
      }
      if (all.length > 0) throw new ValidationError(all);
    });
}
