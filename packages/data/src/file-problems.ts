import type { Problems } from '@aftershock/core';

/** Default cap on problems reported per file; a summary problem counts the rest. */
export const DEFAULT_MAX_PROBLEMS_PER_FILE = 1000;

/**
 * Gathers the problems of one file into a shared `Problems`, stamping the file name, and stops listing after
 * `max` of them (a file with 600,000 bad rows should not print 600,000 lines): `close()` then adds one
 * TOO_MANY_PROBLEMS entry counting what was left out.
 */
export class FileProblems {
  errors = 0;
  private listed = 0;
  private hiddenErrors = 0;
  private hiddenWarnings = 0;

  constructor(
    readonly problems: Problems,
    readonly file: string,
    private readonly max = DEFAULT_MAX_PROBLEMS_PER_FILE,
  ) {}

  error(code: string, message: string, line?: number, field?: string): void {
    this.errors++;
    if (this.listed >= this.max) {
      this.hiddenErrors++;
      return;
    }
    this.listed++;
    this.problems.error(code, message, this.where(line, field));
  }

  warn(code: string, message: string, line?: number, field?: string): void {
    if (this.listed >= this.max) {
      this.hiddenWarnings++;
      return;
    }
    this.listed++;
    this.problems.warn(code, message, this.where(line, field));
  }

  /** An adapter through which a `CsvCursor` reports quoting problems of this file. */
  csvSink(): { error(code: string, message: string, where?: { line?: number }): void } {
    return { error: (code, message, where) => this.error(code, message, where?.line) };
  }

  close(): void {
    const hidden = this.hiddenErrors + this.hiddenWarnings;
    if (hidden === 0) return;
    const msg = `${hidden} more problem(s) not listed (${this.hiddenErrors} error(s), ${this.hiddenWarnings} warning(s))`;
    if (this.hiddenErrors > 0) this.problems.error('TOO_MANY_PROBLEMS', msg, { file: this.file });
    else this.problems.warn('TOO_MANY_PROBLEMS', msg, { file: this.file });
  }

  private where(line?: number, field?: string): { file: string; line?: number; field?: string } {
    return { file: this.file, ...(line !== undefined ? { line } : {}), ...(field !== undefined ? { field } : {}) };
  }
}
