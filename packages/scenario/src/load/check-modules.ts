import type { Problem } from '@aftershock/core';
import { checkParams, loadStrategyModule, paramNames } from '@aftershock/strategy';
import { paramProblems } from './catalog';
import type { Scenario } from './scenario';
import type { YamlSource } from './yaml-source';
import { formatPath } from './zod-problems';

/**
 * Loads every strategy module of a scenario and checks it as `run` would use it: it loads, its default export is a
 * function, its `params` (and each grid value) pass the module's own schema, and creating the strategy with them
 * does not throw. Problems sit at the scenario line of `module` or of the parameter.
 */
export async function checkStrategyModules(s: Partial<Scenario>, src: YamlSource): Promise<Problem[]> {
  const out: Problem[] = [];
  const add = (code: string, message: string, path: readonly PropertyKey[], key?: string) => {
    const line = src.lineOf(path, key);
    out.push({ code, message, severity: 'error', field: formatPath(key !== undefined ? [...path, key] : path), file: src.file, ...(line !== undefined ? { line } : {}) });
  };
  for (const [i, st] of (s.strategies ?? []).entries()) {
    if (st.module === undefined || st.name !== undefined) continue;
    let def;
    try {
      def = await loadStrategyModule(st.module);
    } catch (e) {
      add((e as { code?: string }).code ?? 'STRATEGY_MODULE_FAILED', (e as Error).message, ['strategies', i, 'module']);
      continue;
    }
    const schema = def.params;
    const names = paramNames(schema);
    const at = ['strategies', i, 'params'];
    const issuesOf = (v: unknown) => (schema ? ((r) => ('issues' in r ? r.issues : []))(checkParams(schema, v)) : []);
    const own = issuesOf(st.params);
    for (const q of paramProblems(own, def.name, names, at)) add(q.code, q.message, q.path, q.key);
    for (const [k, vs] of Object.entries(st.grid ?? {})) {
      vs.forEach((v, j) => {
        const issues = issuesOf({ ...st.params, [k]: v }).filter((q) => q.path[0] === k);
        for (const q of paramProblems(issues, def.name, names, at, ['strategies', i, 'grid', k, j])) add(q.code, q.message, q.path, q.key);
      });
    }
    if (own.length > 0) continue;
    try {
      def.create(st.params, { events: [], ...(s.data?.benchmark !== undefined ? { benchmark: s.data.benchmark } : {}) });
    } catch (e) {
      add((e as { code?: string }).code ?? 'STRATEGY_MODULE_THREW', (e as Error).message, ['strategies', i, 'module']);
    }
  }
  return out;
}
