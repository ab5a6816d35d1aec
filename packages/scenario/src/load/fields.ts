import { z } from 'zod';
import { show } from '@aftershock/strategy';

/** Shows an input value in an error message (one definition, in @aftershock/strategy). */
export { show };

function numberField(desc: string, int: boolean, min?: number, max?: number, exclusiveMin = false) {
  const error = (iss: { input?: unknown }) => `expected ${desc}, got ${show(iss.input)}`;
  let s = z.number({ error });
  if (int) s = s.int({ error });
  if (min !== undefined) s = exclusiveMin ? s.gt(min, { error }) : s.min(min, { error });
  if (max !== undefined) s = s.max(max, { error });
  return s;
}

/** A whole number in [min, max]. @example whole(1) accepts 3, rejects -2 with "expected a whole number ≥ 1, got -2" */
export function whole(min?: number, max?: number) {
  const parts = [min !== undefined ? `≥ ${min}` : '', max !== undefined ? `≤ ${max}` : ''].filter(Boolean).join(' and ');
  return numberField(`a whole number${parts ? ' ' + parts : ''}`, true, min, max);
}

/** A finite number in [min, max] (or > min when `exclusiveMin`). */
export function num(min?: number, max?: number, exclusiveMin = false) {
  const lo = min !== undefined ? `${exclusiveMin ? '>' : '≥'} ${min}` : '';
  const parts = [lo, max !== undefined ? `≤ ${max}` : ''].filter(Boolean).join(' and ');
  return numberField(`a number${parts ? ' ' + parts : ''}`, false, min, max, exclusiveMin);
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (iss) => `expected one of ${values.join(', ')}, got ${show(iss.input)}` });
}

/** A non-empty string. */
export function text(what = 'a text') {
  const error = (iss: { input?: unknown }) => `expected ${what}, got ${show(iss.input)}`;
  return z.string({ error }).min(1, { error });
}

/** An ISO date `YYYY-MM-DD` (YAML may hand it over as a string; dates are never parsed as timestamps). */
export function isoDate() {
  const error = (iss: { input?: unknown }) => `expected a date YYYY-MM-DD, got ${show(iss.input)}`;
  return z.string({ error }).regex(/^\d{4}-\d{2}-\d{2}$/, { error });
}

/** A relative session window `[from, to]` with from ≤ to. */
export function sessionWindow(what = 'a window') {
  const error = (iss: { input?: unknown }) => `expected ${what} [from, to] of whole session offsets with from ≤ to, got ${show(iss.input)}`;
  return z
    .tuple([z.number({ error }).int({ error }), z.number({ error }).int({ error })], { error })
    .refine((w) => w[0] <= w[1], { error: (iss) => `expected from ≤ to in ${what}, got [${String((iss.input as number[])[0])}, ${String((iss.input as number[])[1])}]` });
}

/** A list of T. */
export function listOf<T extends z.ZodType>(item: T, min = 0) {
  const error = (iss: { input?: unknown }) => `expected a list${min > 0 ? ` of at least ${min}` : ''}, got ${show(iss.input)}`;
  return z.array(item, { error }).min(min, { error });
}
