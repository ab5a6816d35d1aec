import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/** What the closing line counts: every test by state, plus failures that belong to no test. */
export interface SummaryCounts {
  passed: number;
  failedTests: number;
  skipped: number;
  /** Suites whose beforeAll/afterAll (or other suite-level code) threw. */
  failedHooks: number;
  /** Files that failed outside any suite: import errors, top-level throws, file-level hooks. */
  failedFiles: number;
  unhandled: number;
}

export function countRun(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): SummaryCounts {
  const c: SummaryCounts = { passed: 0, failedTests: 0, skipped: 0, failedHooks: 0, failedFiles: 0, unhandled: unhandledErrors.length };
  for (const m of modules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const s = t.result().state;
      if (s === 'passed') c.passed++;
      else if (s === 'failed') {
        c.failedTests++;
        failedHere++;
      } else c.skipped++;
    }
    for (const s of m.children.allSuites()) {
      if (s.errors().length > 0) {
        c.failedHooks++;
        failedHere++;
      }
    }
    if (m.errors().length > 0 || (m.state() === 'failed' && failedHere === 0)) c.failedFiles++;
  }
  return c;
}

/**
 * Prints one plain closing line, `tests: N passed, N failed[, N skipped]`, that any CI log reader understands.
 * "failed" counts failed tests, failed hooks, failed files and unhandled errors, so it is never 0 on a red run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const c = countRun(modules, unhandledErrors);
    let failed = c.failedTests + c.failedHooks + c.failedFiles + c.unhandled;
    // A red run that none of the counts explain (vitest's own reason) still says so.
    if (failed === 0 && reason !== 'passed') failed = 1;
    const detail = failed > 0 ? `\nfailures: ${c.failedTests} test(s), ${c.failedHooks} hook(s), ${c.failedFiles} file(s), ${c.unhandled} unhandled error(s)${reason === 'interrupted' ? ', run interrupted' : ''}` : '';
    process.stdout.write(`${detail}\ntests: ${c.passed} passed, ${failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}\n`);
  }
}
