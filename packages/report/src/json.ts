import { AftershockError, MAX_DOCUMENT_DEPTH, nestingTooDeep } from '@aftershock/core';
import { stable } from './format';
import { resultSchema } from './result-schema';
import { RESULT_SCHEMA_VERSION, type RunResult } from './result-types';

/**
 * Serialises a result as `report.json`: keys in sorted order at every level, numbers to 12 significant digits,
 * NaN/±Infinity as null, two-space indent, with small flat objects and lists of plain values on one line (so long
 * series stay compact), and a final newline. Same result → byte-identical text.
 */
export function renderJson(result: RunResult): string {
  return pretty(normalise(result), '') + '\n';
}

/** The same normalised result as one compact line (for embedding in report.html). */
export function renderJsonCompact(result: RunResult): string {
  return JSON.stringify(normalise(result));
}

function isFlat(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object');
  if (v !== null && typeof v === 'object') return Object.values(v).every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.length <= 4 && x.every((y) => y === null || typeof y !== 'object')));
  return true;
}

function pretty(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const flat = isFlat(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (flat) return JSON.stringify(v);
    return '[\n' + v.map((x) => inner + pretty(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const one = JSON.stringify(v);
  if (flat && one.length <= 160) return one;
  return '{\n' + entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(',\n') + '\n' + indent + '}';
}

function normalise(v: unknown): unknown {
  if (typeof v === 'number') return stable(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<unknown>, normalise);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = normalise(x);
    }
    return out;
  }
  return v;
}

/** Reads a saved `report.json`; throws a coded error when it is not one this version can render. */
export function parseResultJson(text: string, file = 'report.json'): RunResult {
  const deep = nestingTooDeep(text, MAX_DOCUMENT_DEPTH);
  if (deep !== undefined) throw new AftershockError('RESULT_INVALID', `nested more than ${MAX_DOCUMENT_DEPTH} levels deep`, { file, line: deep });
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new AftershockError('RESULT_INVALID', `not valid JSON: ${(e as Error).message}`, { file });
  }
  const o = v as Partial<RunResult> | null;
  if (!o || typeof o !== 'object' || typeof o.schemaVersion !== 'number') {
    throw new AftershockError('RESULT_INVALID', 'not an aftershock result (no schemaVersion)', { file, field: 'schemaVersion' });
  }
  if (o.schemaVersion !== RESULT_SCHEMA_VERSION) {
    throw new AftershockError('RESULT_VERSION', `schemaVersion ${o.schemaVersion} is not supported (this version reads ${RESULT_SCHEMA_VERSION})`, { file, field: 'schemaVersion' });
  }
  for (const k of ['meta', 'events', 'study', 'strategies', 'spillovers'] as const) {
    if (o[k] === undefined) throw new AftershockError('RESULT_INVALID', `missing "${k}"`, { file, field: k });
  }
  const r = resultSchema.safeParse(o);
  if (!r.success) {
    const iss = r.error.issues[0]!;
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem(s))` : '';
    throw new AftershockError('RESULT_INVALID', `not a field this version can render: ${describeIssue(iss, o)}${more}`, { file, field: fieldPath(iss.path) });
  }
  return r.data as unknown as RunResult;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out;
}

function describeIssue(iss: { message: string; path: readonly PropertyKey[]; code: string }, root: unknown): string {
  let v: unknown = root;
  for (const k of iss.path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  const got = v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'a mapping' : JSON.stringify(v);
  return `${iss.message.replace(/^Invalid input: /, '')}, got ${got}`;
}
