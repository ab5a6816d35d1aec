import type { BarSeries } from '@aftershock/core';
import { loadUniverse, resolveDataRoot } from '@aftershock/data';

let cached: BarSeries[] | undefined;

/** The 360-ticker universe (610,589 bars, 2019–2026), loaded once per bench process for the engine figures. */
export function engineUniverse(): BarSeries[] {
  cached ??= [...loadUniverse(resolveDataRoot()).values()];
  return cached;
}

/** Total bars of a universe. */
export function barCount(universe: readonly BarSeries[]): number {
  return universe.reduce((n, s) => n + s.length, 0);
}
