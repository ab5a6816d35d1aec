import { formatProblem, isAftershockError, ValidationError } from '@aftershock/core';
import { EXIT_INVALID_INPUT, EXIT_RUN_FAILED } from './exit-codes';

/** Codes that mean "the input is wrong" (exit 2); everything else is a failed run (exit 1). */
const RUN_FAILURE_CODES = new Set(['INTERNAL', 'IO_FAILED', 'WORKER_FAILED', 'QUEUE_UNREACHABLE', 'QUEUE_JOB_FAILED']);

/** Turns any thrown value into a clear message on stderr and an exit code; never a stack trace for known errors. */
export function reportFailure(e: unknown, stderr: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (e instanceof ValidationError) {
    const errors = e.problems.filter((p) => p.severity === 'error');
    stderr(`aftershock: ${errors.length} problem(s) in the input:\n`);
    for (const p of e.problems) stderr(`  ${formatProblem(p)}\n`);
    return EXIT_INVALID_INPUT;
  }
  if (isAftershockError(e)) {
    stderr(`aftershock: ${formatProblem(e.toProblem())}\n`);
    return RUN_FAILURE_CODES.has(e.code) ? EXIT_RUN_FAILED : EXIT_INVALID_INPUT;
  }
  const msg = e instanceof Error ? e.message : String(e);
  stderr(`aftershock: run failed: ${msg}\n`);
  if (process.env['AFTERSHOCK_DEBUG'] && e instanceof Error && e.stack) stderr(e.stack + '\n');
  return EXIT_RUN_FAILED;
}
