import { checkParams, paramNames, STRATEGIES } from '@aftershock/strategy';
import type { StrategyCatalog } from '../load/catalog';

/**
 * The strategies a scenario may name: the built-ins of @aftershock/strategy with their zod parameter schemas, so
 * `validate` checks names and parameters (with line numbers) before any data is loaded.
 */
export function strategyCatalog(): StrategyCatalog {
  const names = Object.keys(STRATEGIES).sort();
  return {
    names,
    paramNames: (name) => paramNames(STRATEGIES[name]?.params),
    check(name, params) {
      const schema = STRATEGIES[name]?.params;
      if (!schema) return [];
      const r = checkParams(schema, params);
      return 'issues' in r ? r.issues : [];
    },
  };
}
