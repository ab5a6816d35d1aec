import { z } from 'zod';
import { Problems } from '@aftershock/core';
import { show } from './show';

/**
 * Strategy parameters are declared as zod schemas — the built-ins here, a user module through its `params` export —
 * so both are validated, documented and typed (`z.infer`) the same way. The builders below give every field a
 * doc line (`.describe`) and the messages scenario errors show ("expected a whole number ≥ 0 and ≤ 60, got -2").
 */
export type ParamValue = number | string | boolean;
export type RawParams = Readonly<Record<string, unknown>>;

const bounds = (min?: number, max?: number) => [min !== undefined ? `≥ ${min}` : '', max !== undefined ? `≤ ${max}` : ''].filter(Boolean).join(' and ');

function numberSchema(what: string, int: boolean, min?: number, max?: number) {
  const b = bounds(min, max);
  const error = (iss: { input?: unknown }) => `expected ${what}${b ? ' ' + b : ''}, got ${show(iss.input)}`;
  let s = z.number({ error });
  if (int) s = s.int({ error });
  if (min !== undefined) s = s.min(min, { error });
  if (max !== undefined) s = s.max(max, { error });
  return s;
}

/** A whole number in [min, max]. */
export function whole(doc: string, min?: number, max?: number) {
  return numberSchema('a whole number', true, min, max).describe(doc);
}

/** A finite number in [min, max]. */
export function decimal(doc: string, min?: number, max?: number) {
  return numberSchema('a number', false, min, max).describe(doc);
}

/**
 * A percentage, the one unit of every percent-like parameter (`threshold: 5` = 5%), in [min, max]. A plain number
 * strictly between −1 and 1 (other than 0) is refused as ambiguous — `stopPct: 0.05` reads like the fraction 5%
 * but would mean 0.05% — unless written with its sign, `"0.05%"`.
 * @example percent('stop', 0, 100).parse('0.5%') // 0.5
 */
export function percent(doc: string, min?: number, max?: number) {
  const b = bounds(min, max);
  const range = numberSchema('a percentage', false, min, max);
  const plain = z.number({ error: (iss) => `expected a percentage${b ? ' ' + b : ''}, got ${show(iss.input)}` }).refine((v) => v === 0 || Math.abs(v) >= 1, {
    error: (iss) => `ambiguous: ${String(iss.input)} is in percent (${String(iss.input)}%), not a fraction; write ${Number(iss.input) * 100} for ${Number(iss.input) * 100}%, or "${String(iss.input)}%" if you mean ${String(iss.input)}%`,
  });
  const signed = z.string().regex(/^\s*-?\d+(\.\d+)?\s*%\s*$/, { error: (iss) => `expected a percentage such as 5 or "0.5%", got ${show(iss.input)}` }).transform((s) => parseFloat(s));
  return z.union([plain, signed], { error: (iss) => `expected a percentage${b ? ' ' + b : ''}, got ${show(iss.input)}` }).pipe(range).describe(`${doc} (percent${b ? ', ' + b : ''})`);
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(doc: string, values: T) {
  return z.enum(values, { error: (iss) => `expected one of ${values.join(', ')}, got ${show(iss.input)}` }).describe(doc);
}

/** true or false. */
export function flag(doc: string) {
  return z.boolean({ error: (iss) => `expected true or false, got ${show(iss.input)}` }).describe(doc);
}

/** A text. */
export function text(doc: string) {
  return z.string({ error: (iss) => `expected a text, got ${show(iss.input)}` }).describe(doc);
}

/** Any object schema of parameters (zod), as the built-ins declare them. */
export type ParamsSchema = z.ZodObject;

/**
 * A parameter schema of any Standard Schema library (zod 3.24+/4, valibot, arktype …): what a user module's
 * `params` export must be. zod schemas also give their keys and codes.
 */
export interface StandardParams {
  readonly '~standard': {
    validate(value: unknown): { value?: unknown; issues?: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[] } | Promise<unknown>;
  };
}

/** One problem with a parameter: its path below `params`, what kind of problem, and the message. */
export interface ParamIssue {
  readonly path: readonly (string | number)[];
  readonly kind: 'unknown' | 'type' | 'range' | 'value';
  readonly message: string;
  /** The allowed words, for an invalid choice (so a caller can suggest one). */
  readonly values?: readonly string[];
}

interface ZodLikeIssue {
  readonly code?: string;
  readonly path?: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly input?: unknown;
  readonly values?: readonly unknown[];
}

const key = (k: PropertyKey | { key: PropertyKey }): string | number => {
  const v = typeof k === 'object' ? k.key : k;
  return typeof v === 'number' ? v : String(v);
};

/**
 * Validates raw parameters against a schema: a zod object (its issues keep their codes and unknown keys), or any
 * Standard Schema. Returns the parsed value (defaults filled in) or the issues.
 */
export function checkParams(schema: ParamsSchema | StandardParams, raw: unknown): { value: Record<string, unknown> } | { issues: ParamIssue[] } {
  const zodLike = schema as unknown as { safeParse?: (v: unknown) => { success: boolean; data?: unknown; error?: { issues: ZodLikeIssue[] } } };
  let issues: ZodLikeIssue[];
  if (typeof zodLike.safeParse === 'function') {
    const r = zodLike.safeParse(raw);
    if (r.success) return { value: (r.data ?? {}) as Record<string, unknown> };
    issues = r.error?.issues ?? [];
  } else {
    const r = (schema as StandardParams)['~standard'].validate(raw);
    if (r instanceof Promise) return { issues: [{ path: [], kind: 'value', message: 'the params schema validates asynchronously; give a synchronous one' }] };
    const rr = r as { value?: unknown; issues?: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[] };
    if (!rr.issues) return { value: (rr.value ?? {}) as Record<string, unknown> };
    // Other libraries give a message and a path, no code: each is an invalid value.
    return { issues: rr.issues.map((i) => ({ path: (i.path ?? []).map(key), kind: 'value' as const, message: i.message })) };
  }
  const out: ParamIssue[] = [];
  for (const iss of issues) {
    const path = (iss.path ?? []).map(key);
    if (iss.code === 'unrecognized_keys' && iss.keys) {
      for (const k of iss.keys) out.push({ path: [...path, k], kind: 'unknown', message: `unknown parameter "${k}"` });
      continue;
    }
    const kind = iss.code === 'too_small' || iss.code === 'too_big' || iss.code === 'custom' || iss.code === 'not_multiple_of' ? 'range' : iss.code === 'invalid_value' ? 'value' : iss.code === 'invalid_type' && typeof iss.input === 'number' ? 'range' : 'type';
    out.push({ path, kind, message: iss.message, ...(iss.code === 'invalid_value' && iss.values ? { values: iss.values.map(String) } : {}) });
  }
  return { issues: out };
}

/** Parameter names a schema knows (zod objects; empty for other libraries). */
export function paramNames(schema: ParamsSchema | StandardParams | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/**
 * Checks raw parameters against a schema and fills in defaults. Every problem is gathered (unknown keys, wrong
 * types, values out of range) and thrown as one ValidationError naming each field, e.g. `params.before`.
 */
export function resolveParams(strategy: string, schema: ParamsSchema | StandardParams, raw: RawParams = {}, opts: { field?: string; file?: string } = {}): Record<string, unknown> {
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const r = checkParams(schema, clean);
  if ('value' in r) return r.value;
  const p = new Problems();
  const base = opts.field ?? 'params';
  const names = paramNames(schema);
  for (const iss of r.issues) {
    const where = { field: [base, ...iss.path].map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join(''), ...(opts.file !== undefined ? { file: opts.file } : {}) };
    if (iss.kind === 'unknown') p.error('STRATEGY_UNKNOWN_PARAM', `${strategy} has no parameter "${String(iss.path[iss.path.length - 1])}"; known: ${names.join(', ')}`, where);
    else p.error('STRATEGY_BAD_PARAM', `${strategy}: ${iss.path.join('.')}: ${iss.message}`, where);
  }
  p.throwIfErrors();
  return clean;
}

/** One documented parameter: name, doc line, default (when there is one) and whether it may be left out. */
export interface ParamDoc {
  readonly name: string;
  readonly doc: string;
  readonly default?: unknown;
  readonly optional: boolean;
}

/** A field's doc line, looking through `.default()`/`.optional()` wrappers (each is a new schema without it). */
function docOf(field: z.ZodType): string {
  let f: z.ZodType | undefined = field;
  while (f) {
    if (f.description) return f.description;
    f = (f as { def?: { innerType?: z.ZodType } }).def?.innerType;
  }
  return '';
}

/** The parameters of a zod schema with their doc lines and defaults, in declaration order (for reference docs). */
export function describeParams(schema: ParamsSchema): ParamDoc[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const unset = field.safeParse(undefined);
    const dflt = unset.success ? unset.data : undefined;
    return { name, doc: docOf(field), ...(dflt !== undefined ? { default: dflt } : {}), optional: unset.success };
  });
}
