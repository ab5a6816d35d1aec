import type { ParamIssue } from '@aftershock/strategy';
import { didYouMean } from './did-you-mean';

/** The strategies a scenario may name, with a check of their parameters (the run wiring builds it from @aftershock/strategy). */
export interface StrategyCatalog {
  readonly names: readonly string[];
  /** The parameter names of a strategy (for "did you mean"). */
  paramNames(name: string): readonly string[];
  /** Validates a strategy's parameters: the issues, paths below `params` (none: valid). */
  check(name: string, params: unknown): readonly ParamIssue[];
}

const CODES: Readonly<Record<ParamIssue['kind'], string>> = {
  unknown: 'SCENARIO_UNKNOWN_KEY',
  type: 'SCENARIO_WRONG_TYPE',
  range: 'SCENARIO_OUT_OF_RANGE',
  value: 'SCENARIO_INVALID_VALUE',
};

/** A problem of one parameter, placed at a scenario path (the key itself for an unknown key). */
export interface ParamProblem {
  readonly code: string;
  readonly message: string;
  /** Path of the value (or, for an unknown key, of the mapping holding it) and the key. */
  readonly path: readonly PropertyKey[];
  readonly key?: string;
}

/**
 * Parameter issues of strategy `who` as scenario problems: under `params` (`at = ['strategies', i, 'params']`), or,
 * for a grid value, at `grid.<key>[j]` (`gridAt`).
 */
export function paramProblems(issues: readonly ParamIssue[], who: string, names: readonly string[], at: readonly PropertyKey[], gridAt?: readonly PropertyKey[], valueOf?: (path: readonly PropertyKey[]) => unknown): ParamProblem[] {
  return issues.map((iss) => {
    const k = String(iss.path[0] ?? '');
    if (iss.kind === 'unknown') {
      const near = didYouMean(k, names);
      const message = `unknown parameter "${k}" of ${who}${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${names.join(', ') || 'none'}`;
      return gridAt ? { code: CODES.unknown, message, path: gridAt.slice(0, -1), key: k } : { code: CODES.unknown, message, path: at, key: k };
    }
    const path = gridAt ? [...gridAt, ...iss.path.slice(1)] : [...at, ...iss.path];
    const v = valueOf?.(path);
    const near = iss.values && typeof v === 'string' ? didYouMean(v, iss.values) : undefined;
    return { code: CODES[iss.kind], message: iss.message + (near ? ` (did you mean "${near}"?)` : ''), path };
  });
}
