import { AftershockError } from '@aftershock/core';

/** `--max-grid-points N`: the most points one strategy's grid may have (the scenario's sweeps are checked against it). */
export const GRID_OPTION = ['--max-grid-points <n>', 'most points a strategy grid may have (default 10000)'] as const;

/** The option's value as a whole number ≥ 1, or undefined when it was not given. */
export function gridLimit(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new AftershockError('BAD_OPTION', `--max-grid-points must be a whole number ≥ 1, got "${v}"`, { field: 'max-grid-points' });
  return n;
}
