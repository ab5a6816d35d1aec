import { AftershockError } from '@aftershock/core';
import { stable } from './format';
import { RESULT_SCHEMA_VERSION, type RunResult } from './result-types';

/**
 * Serialises a result as `report.json`: keys in sorted order at every level, numbers to 12 significant digits,
 * NaN/±Infinity as null, two-space indent and a final newline. Same result → byte-identical text.
 */
export function renderJson(result: RunResult): string {
  return JSON.stringify(normalise(result), null, 2) + '\n';
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
  return o as RunResult;
}
