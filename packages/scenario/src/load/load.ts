import { dirname, isAbsolute, resolve } from 'node:path';
import { readRegularFile, ValidationError, type AftershockError, type Problem } from '@aftershock/core';
import type { StrategyCatalog } from './catalog';
import { checkScenario } from './check';
import { checkRunConfig, type RunCheckOptions } from './check-run';
import { checkStrategyModules } from './check-modules';
import type { Scenario } from './scenario';
import { scenarioSchema, type ScenarioSpec } from './schema';
import { parseYamlSource, type YamlSource } from './yaml-source';
import { zodProblems } from './zod-problems';
import { longPriceFile, symbolPriceFiles } from './vendor-files';

export interface LoadOptions {
  /** Strategies the scenario may name; without it, strategy names and parameters are not checked. */
  readonly catalog?: StrategyCatalog;
  /** Folder for relative paths when validating an object (default: the current directory). */
  readonly baseDir?: string;
  /** The most points a strategy's grid may have (default 10,000). */
  readonly maxGridPoints?: number;
}

/** A scenario is a page of YAML; anything this large is not one (and would only cost memory to parse). */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

/** Validates a scenario and returns it with problems (never throws for bad input). */
export function validateScenario(input: string | object, opts: LoadOptions = {}): { scenario?: Scenario; problems: Problem[] } {
  const { scenario, problems } = validateWithSource(input, opts);
  return { ...(scenario ? { scenario } : {}), problems };
}

/**
 * validateScenario, then loads every strategy module the scenario names and checks its exports and parameters
 * (`file:line: strategies[i].params.x`), so `validate` rejects what `run` would. Never throws for bad input.
 */
export async function validateScenarioWithModules(input: string | object, opts: LoadOptions = {}): Promise<{ scenario?: Scenario; problems: Problem[] }> {
  const { scenario, partial, problems, src } = validateWithSource(input, opts);
  if (!src || !partial?.strategies || problems.some((p) => p.field?.startsWith('strategies') && p.code === 'STRATEGY_MODULE_NOT_FOUND')) return { ...(scenario ? { scenario } : {}), problems };
  const more = await checkStrategyModules(partial, src);
  return { ...(scenario ? { scenario } : {}), problems: byLine([...problems, ...more]) };
}

function validateWithSource(input: string | object, opts: LoadOptions): { scenario?: Scenario; partial?: Partial<Scenario>; problems: Problem[]; src?: YamlSource } {
  let src: YamlSource;
  let file: string | undefined;
  if (typeof input === 'string') {
    file = resolve(input);
    let text: string;
    try {
      text = readRegularFile(file, { what: 'scenario file', maxBytes: MAX_SCENARIO_BYTES });
    } catch (e) {
      const err = e as AftershockError;
      if (err.code === 'FILE_NOT_FOUND') return { problems: [{ code: 'SCENARIO_MISSING_FILE', message: 'scenario file not found', severity: 'error', file: input }] };
      return { problems: [{ ...err.toProblem(), file: input }] };
    }
    const parsed = parseYamlSource(text, input);
    if (!parsed.source) return { problems: parsed.problems };
    src = parsed.source;
  } else {
    src = { file: '(scenario object)', data: input, lineOf: () => undefined };
  }
  if (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data)) {
    return { problems: [{ code: 'SCENARIO_WRONG_TYPE', message: 'a scenario must be a mapping of keys to values', severity: 'error', file: src.file, line: 1 }] };
  }
  const dir = file ? dirname(file) : resolve(opts.baseDir ?? '.');
  const r = scenarioSchema.safeParse(src.data);
  if (!r.success) {
    // Still check what did parse (files, strategies, symbols), so every problem is reported at once.
    const problems = zodProblems(r.error.issues, src);
    const partial = resolvePaths(parseSections(src.data as Record<string, unknown>), file, dir);
    return { partial, src, problems: byLine([...problems, ...checkScenario(partial, src, opts.catalog), ...checkRunConfig(partial, src, runChecks(opts))]) };
  }
  const scenario = resolvePaths(r.data, file, dir) as Scenario;
  const problems = byLine([...checkScenario(scenario, src, opts.catalog), ...checkRunConfig(scenario, src, runChecks(opts))]);
  return { scenario, partial: scenario, src, problems };
}

/** Loads and validates a scenario file or object; throws one ValidationError listing every problem. */
export function loadScenario(input: string | object, opts: LoadOptions = {}): Scenario {
  return orThrow(validateScenario(input, opts));
}

/** loadScenario with its strategy modules loaded and checked (what `run` uses). */
export async function loadScenarioWithModules(input: string | object, opts: LoadOptions = {}): Promise<Scenario> {
  return orThrow(await validateScenarioWithModules(input, opts));
}

function orThrow({ scenario, problems }: { scenario?: Scenario; problems: Problem[] }): Scenario {
  if (!scenario || problems.some((p) => p.severity === 'error')) throw new ValidationError(problems, `invalid scenario: ${problems.length} problem(s)`);
  return scenario;
}

/** The sections of a scenario that are valid on their own (for checks after a schema failure). */
function parseSections(raw: Record<string, unknown>): Partial<ScenarioSpec> {
  const out: Record<string, unknown> = {};
  for (const [k, schema] of Object.entries(scenarioSchema.shape)) {
    const r = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(raw[k]);
    if (r.success) out[k] = r.data;
  }
  return out as Partial<ScenarioSpec>;
}

function resolvePaths(s: Partial<ScenarioSpec>, file: string | undefined, dir: string): Partial<Scenario> {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  const out: Record<string, unknown> = { ...s, file, dir };
  if (s.data) {
    const f = s.data.files;
    const long = longPriceFile(f);
    const files = f === undefined ? undefined : long ? { ...long, file: abs(long.file) } : Object.fromEntries(Object.entries(symbolPriceFiles(f)).map(([k, v]) => [k, { ...v, file: abs(v.file) }]));
    out['data'] = { ...s.data, ...(s.data.root ? { root: s.data.root.map(abs) } : {}), ...(files !== undefined ? { files } : {}) };
  }
  const events = s.events ? { ...s.events, files: s.events.files.map((e) => ({ ...e, file: abs(e.file) })) } : undefined;
  if (events) out['events'] = events;
  if (s.strategies) out['strategies'] = s.strategies.map((st) => (st.module !== undefined ? { ...st, module: abs(st.module) } : st));
  const related = s.related ? { ...s.related, ...(s.related.file ? { file: abs(s.related.file) } : {}) } : undefined;
  if (related) out['related'] = related;
  if (s.study?.factors) out['study'] = { ...s.study, factors: s.study.factors.map(abs) };
  if (s.outputs) out['outputs'] = { ...s.outputs, ...(s.outputs.folder ? { folder: abs(s.outputs.folder) } : {}) };
  const modules = (s.strategies ?? []).flatMap((st) => (st.module !== undefined ? [abs(st.module)] : []));
  out['inputs'] = [...(file ? [file] : []), ...(events?.files.map((e) => e.file) ?? []), ...(related?.file ? [related.file] : []), ...new Set(modules), ...((out['study'] as Scenario['study'] | undefined)?.factors ?? [])];
  return out as Partial<Scenario>;
}

/** Problems in file order (stable for equal lines). */
function byLine(ps: Problem[]): Problem[] {
  return ps.map((p, i) => ({ p, i })).sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i).map((x) => x.p);
}

function runChecks(opts: LoadOptions): RunCheckOptions {
  return opts.maxGridPoints !== undefined ? { maxGridPoints: opts.maxGridPoints } : {};
}
