import { Problems } from '@aftershock/core';
import type { ParamValue, RawParams } from './params';
import { resolveParams } from './params';
import type { StrategyDefinition } from './registry';

/** A parameter grid: each key a list of values; every combination is one point. */
export type ParamGrid = Readonly<Record<string, readonly ParamValue[]>>;

/**
 * Every combination of a grid, in a fixed order: keys in the order given, the last key varying fastest.
 * @example
 * expandGrid({ before: [1, 2], after: [1, 2] })
 * // [{ before: 1, after: 1 }, { before: 1, after: 2 }, { before: 2, after: 1 }, { before: 2, after: 2 }]
 */
export function expandGrid(grid: ParamGrid): Record<string, ParamValue>[] {
  let out: Record<string, ParamValue>[] = [{}];
  for (const [k, values] of Object.entries(grid)) {
    const next: Record<string, ParamValue>[] = [];
    for (const p of out) for (const v of values) next.push({ ...p, [k]: v });
    out = next;
  }
  return out;
}

/** Integers from a to b inclusive: `range(1, 10)` for "N ∈ 1..10". */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/**
 * Checks every point of a grid (merged over `base`) against the strategy's parameters before anything runs, and
 * throws one ValidationError naming each bad `grid.<key>[i]`.
 */
export function checkGrid(def: StrategyDefinition, base: RawParams, grid: ParamGrid): void {
  const p = new Problems();
  const schema = def.params;
  for (const [k, values] of Object.entries(grid)) {
    if (values.length === 0) p.error('SWEEP_EMPTY_GRID', `grid.${k} has no values`, { field: `grid.${k}` });
    values.forEach((v, i) => {
      if (schema === undefined) return;
      try {
        resolveParams(def.name, schema, { ...base, [k]: v }, { field: `grid.${k}[${i}]` });
      } catch (e) {
        for (const q of (e as { problems?: { code: string; message: string }[] }).problems ?? []) p.error(q.code, q.message, { field: `grid.${k}[${i}]` });
      }
    });
  }
  p.throwIfErrors();
}
