import { STRATEGIES } from '@aftershock/strategy';
import type { ParamSpec, StrategyCatalog } from '../load/catalog';

/**
 * The strategies a scenario may name: the built-ins of @aftershock/strategy with their parameter schemas, so
 * `validate` checks names and parameters (with line numbers) before any data is loaded.
 */
export function strategyCatalog(): StrategyCatalog {
  const names = Object.keys(STRATEGIES).sort();
  return {
    names,
    params(name) {
      const d = STRATEGIES[name];
      if (!d) return undefined;
      const out: Record<string, ParamSpec> = { ...d.params };
      if (d.filters) out['filters'] = { kind: 'filters' };
      return out;
    },
  };
}
