import type { Problem } from '@aftershock/core';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';
import { show } from './fields';
import { allowedKeys, keyForms } from './schema';
import type { YamlSource } from './yaml-source';

/** `strategies[1].params.hold` from `['strategies', 1, 'params', 'hold']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** Turns zod issues into coded problems with the scenario path and the YAML line of each. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], src: YamlSource): Problem[] {
  const out: Problem[] = [];
  for (const iss of issues) {
    const path = iss.path as PropertyKey[];
    const where = (p: readonly PropertyKey[], key?: string) => {
      const line = src.lineOf(p, key);
      return { file: src.file, ...(line !== undefined ? { line } : {}) };
    };
    if (iss.code === 'unrecognized_keys') {
      const allowed = allowedKeys(path);
      const forms = keyForms(path);
      for (const k of iss.keys) {
        const near = didYouMean(k, allowed);
        // A key of another form of a union (walkForward's embargo with folds): say which form takes it.
        const other = allowed.includes(k) ? forms.filter((f) => f.includes(k)).map((f) => `{ ${f.join(', ')} }`) : [];
        out.push({
          code: 'SCENARIO_UNKNOWN_KEY',
          message: other.length ? `"${k}" goes only with ${other.join(' or ')}` : `unknown key "${k}"${near ? ` (did you mean "${near}"?)` : ''}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`,
          severity: 'error',
          field: formatPath([...path, k]),
          ...where(path, k),
        });
      }
      continue;
    }
    const value = valueAt(src.data, path);
    const field = formatPath(path) || '(scenario)';
    if (value === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_union')) {
      out.push({ code: 'SCENARIO_MISSING_KEY', message: 'is required', severity: 'error', field, ...where(path) });
      continue;
    }
    let code = 'SCENARIO_WRONG_TYPE';
    let message = iss.message;
    if (iss.code === 'invalid_type' && typeof value === 'number' && (iss.expected === 'int' || iss.expected === 'number')) code = 'SCENARIO_OUT_OF_RANGE';
    else if (iss.code === 'too_small' || iss.code === 'too_big' || iss.code === 'custom' || iss.code === 'not_multiple_of') code = 'SCENARIO_OUT_OF_RANGE';
    else if (iss.code === 'invalid_format') code = typeof value === 'string' ? 'SCENARIO_INVALID_VALUE' : 'SCENARIO_WRONG_TYPE';
    else if (iss.code === 'invalid_value') {
      code = 'SCENARIO_INVALID_VALUE';
      const near = typeof value === 'string' ? didYouMean(value, iss.values.map(String)) : undefined;
      if (near) message += ` (did you mean "${near}"?)`;
    }
    if (message.startsWith('Invalid input')) message = `${message.replace(/^Invalid input:?\s*/, '') || 'invalid value'}, got ${show(value)}`;
    out.push({ code, message, severity: 'error', field, ...where(path) });
  }
  return out;
}
