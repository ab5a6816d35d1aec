/** Every problem aftershock reports has a stable code, and where known the file, line and field it concerns. */
export type Severity = 'error' | 'warning';

export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

/** Formats a problem as `file:line: field: message [CODE]` for terminals and logs. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? String(p.line) : undefined].filter(Boolean).join(':');
  const field = p.field ? `${p.field}: ` : '';
  const sev = p.severity === 'warning' ? 'warning: ' : '';
  return `${where ? where + ': ' : ''}${sev}${field}${p.message} [${p.code}]`;
}

/** A single coded failure. Only the CLI prints and exits; packages throw these. */
export class AftershockError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;

  constructor(code: string, message: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(message);
    this.name = 'AftershockError';
    this.code = code;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
    if (where.field !== undefined) this.field = where.field;
  }

  toProblem(): Problem {
    return {
      code: this.code,
      message: this.message,
      severity: 'error',
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.field !== undefined ? { field: this.field } : {}),
    };
  }
}

/** Many problems gathered at a boundary (a file, a scenario) and thrown at once. */
export class ValidationError extends AftershockError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], summary?: string) {
    const errors = problems.filter((p) => p.severity === 'error');
    super('VALIDATION_FAILED', summary ?? `${errors.length} problem(s):\n` + errors.map(formatProblem).join('\n'));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

export function isAftershockError(e: unknown): e is AftershockError {
  return e instanceof AftershockError;
}

/** A collector that gathers problems instead of stopping at the first one. */
export class Problems {
  readonly list: Problem[] = [];

  error(code: string, message: string, where: Omit<Problem, 'code' | 'message' | 'severity'> = {}): void {
    this.list.push({ code, message, severity: 'error', ...where });
  }

  warn(code: string, message: string, where: Omit<Problem, 'code' | 'message' | 'severity'> = {}): void {
    this.list.push({ code, message, severity: 'warning', ...where });
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.list.filter((p) => p.severity === 'warning');
  }

  /** Throws a ValidationError when any error was gathered; warnings alone pass. */
  throwIfErrors(summary?: string): void {
    if (this.hasErrors) throw new ValidationError(this.list, summary);
  }
}
