/** A value after `jsonSafe`: every non-finite number (NaN, ±Infinity) became null. */
export type JsonSafe<T> = T extends number
  ? number | null
  : T extends string | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? JsonSafe<U>[]
      : T extends object
        ? { [K in keyof T]: JsonSafe<T[K]> }
        : T;

/**
 * Deep copy with every non-finite number replaced by null, so `JSON.stringify` keeps the meaning
 * ("not defined", e.g. a Sharpe ratio of a flat curve) instead of writing NaN, which JSON cannot hold.
 */
export function jsonSafe<T>(v: T): JsonSafe<T> {
  if (typeof v === 'number') return (Number.isFinite(v) ? v : null) as JsonSafe<T>;
  if (Array.isArray(v)) return v.map((x) => jsonSafe(x)) as JsonSafe<T>;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonSafe(x);
    return out as JsonSafe<T>;
  }
  return v as JsonSafe<T>;
}
