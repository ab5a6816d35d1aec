import { resolveDataRoot } from '@aftershock/data';
import type { ScenarioSpec } from './schema';

/** A scenario's price folders and what the user must be told about them (e.g. that the embedded sample serves). */
export interface PriceRoots {
  readonly dirs: string[];
  readonly notes: string[];
}

/**
 * The price folders of a scenario: `data.root` when given, else (when no explicit files are given either) the
 * data root found by @aftershock/data. Throws DATA_ROOT_NOT_FOUND with instructions when there is none.
 */
export function resolvePriceRoots(data: ScenarioSpec['data'], cwd?: string): PriceRoots {
  if (data.root && data.root.length > 0) return { dirs: [...data.root], notes: [] };
  if (data.files !== undefined) return { dirs: [], notes: [] };
  const root = resolveDataRoot(cwd !== undefined ? { cwd } : {});
  return { dirs: [root.dir], notes: root.note !== undefined ? [root.note] : [] };
}

/** The folders of `resolvePriceRoots`. */
export function priceRoots(data: ScenarioSpec['data'], cwd?: string): string[] {
  return resolvePriceRoots(data, cwd).dirs;
}
