import { resolveDataRoot } from '@aftershock/data';
import type { ScenarioSpec } from './schema';

/**
 * The price folders of a scenario: `data.root` when given, else (when no explicit files are given either) the
 * data root found by @aftershock/data. Throws DATA_ROOT_NOT_FOUND with instructions when there is none.
 */
export function priceRoots(data: ScenarioSpec['data'], cwd?: string): string[] {
  if (data.root && data.root.length > 0) return [...data.root];
  if (data.files !== undefined) return [];
  return [resolveDataRoot(cwd !== undefined ? { cwd } : {}).dir];
}
