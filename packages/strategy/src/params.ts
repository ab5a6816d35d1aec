import { Problems } from '@aftershock/core';

/**
 * One parameter of a built-in strategy: its kind and bounds (the same shape the CLI's scenario validator checks),
 * its default, and one line of documentation. `optional` parameters have no default (unset = off).
 */
export type ParamSpec = (
  | { readonly kind: 'whole'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'text' }
) & { readonly default?: number | string | boolean; readonly doc: string };

export type ParamsSchema = Readonly<Record<string, ParamSpec>>;
export type ParamValue = number | string | boolean;
export type RawParams = Readonly<Record<string, unknown>>;

function checkValue(spec: ParamSpec, v: unknown): string | undefined {
  switch (spec.kind) {
    case 'whole':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return `expected a number, got ${JSON.stringify(v)}`;
      if (spec.kind === 'whole' && !Number.isInteger(v)) return `expected a whole number, got ${v}`;
      if (spec.min !== undefined && v < spec.min) return `expected ≥ ${spec.min}, got ${v}`;
      if (spec.max !== undefined && v > spec.max) return `expected ≤ ${spec.max}, got ${v}`;
      return undefined;
    }
    case 'enum':
      return typeof v === 'string' && spec.values.includes(v) ? undefined : `expected one of ${spec.values.join(', ')}, got ${JSON.stringify(v)}`;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `expected true or false, got ${JSON.stringify(v)}`;
    case 'text':
      return typeof v === 'string' ? undefined : `expected a text, got ${JSON.stringify(v)}`;
  }
}

/**
 * Checks raw parameters against a schema and fills in defaults. Every problem is gathered (unknown keys, wrong
 * types, values out of range) and thrown as one ValidationError naming each field, e.g. `params.before`.
 * Keys listed in `passThrough` (such as `filters`) are returned untouched for their own parser.
 */
export function resolveParams(
  strategy: string,
  schema: ParamsSchema,
  raw: RawParams = {},
  opts: { field?: string; file?: string; passThrough?: readonly string[] } = {},
): Record<string, unknown> {
  const p = new Problems();
  const base = opts.field ?? 'params';
  const where = (k: string) => ({ field: `${base}.${k}`, ...(opts.file !== undefined ? { file: opts.file } : {}) });
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) if (spec.default !== undefined) out[k] = spec.default;
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (opts.passThrough?.includes(k)) {
      out[k] = v;
      continue;
    }
    const spec = schema[k];
    if (!spec) {
      p.error('STRATEGY_UNKNOWN_PARAM', `${strategy} has no parameter "${k}"; known: ${Object.keys(schema).join(', ')}`, where(k));
      continue;
    }
    const bad = checkValue(spec, v);
    if (bad) p.error('STRATEGY_BAD_PARAM', `${strategy}: ${k}: ${bad}`, where(k));
    else out[k] = v;
  }
  p.throwIfErrors();
  return out;
}
