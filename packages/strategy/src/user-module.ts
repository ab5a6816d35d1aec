import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AftershockError } from '@aftershock/core';
import type { Strategy, StrategyOperator } from '@aftershock/engine';
import { operatorStrategy } from '@aftershock/engine';
import type { RawParams, StandardParams } from './params';
import { resolveParams } from './params';
import type { StrategyDefinition } from './registry';
import type { StrategyEnv } from './strategy-env';

/**
 * What a strategy module exports: a default function `(params, env) => Strategy` returning the engine's Strategy
 * object (`init`, `onPreOpen`, `onSessionClose`, …) or an RxJS operator `(messages$, ctx) => Observable<Command>`;
 * optionally a `params` schema (zod or any Standard Schema) and a `description`.
 */
export type StrategyFactory = (params: Record<string, unknown>, env: StrategyEnv) => Strategy | StrategyOperator;

/** The URL of tsx's ESM API (`tsImport`), resolved from this package; a worker is handed it (no import.meta there). */
export function tsxApiUrl(): string {
  const req = createRequire(import.meta.url);
  return pathToFileURL(join(dirname(req.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
}

const loaded = new Map<string, Promise<StrategyDefinition>>();
const ready = new Map<string, StrategyDefinition>();

const fail = (code: string, message: string, file: string) => new AftershockError(code, message, { file, field: 'module' });

/**
 * A module's exports as a plain namespace: tsx hands a TypeScript file outside an ESM package (no `"type": "module"`
 * up the tree) back as CommonJS, so `import()` yields `{ default: { default: fn, params } }`; unwrap that.
 */
function namespaceOf(mod: Record<string, unknown>): Record<string, unknown> {
  const d = mod['default'];
  if (d !== null && typeof d === 'object' && typeof (d as Record<string, unknown>)['default'] === 'function') return d as Record<string, unknown>;
  return mod;
}

const isStandard = (s: unknown): s is StandardParams => s !== null && typeof s === 'object' && typeof (s as { '~standard'?: { validate?: unknown } })['~standard']?.validate === 'function';

/**
 * Loads a strategy module (TypeScript through tsx's loader, or JavaScript) from an absolute path, once per process,
 * and returns it as a strategy definition like a built-in's. Coded errors: STRATEGY_MODULE_NOT_FOUND,
 * STRATEGY_MODULE_FAILED (it throws while loading), STRATEGY_MODULE_NO_FUNCTION (no default-export function),
 * STRATEGY_MODULE_BAD_PARAMS (a `params` export that is not a schema).
 */
export function loadStrategyModule(file: string, opts: { tsxApi?: string } = {}): Promise<StrategyDefinition> {
  let p = loaded.get(file);
  if (!p) {
    p = (async () => {
      if (!existsSync(file)) throw fail('STRATEGY_MODULE_NOT_FOUND', `strategy module not found: ${file}`, file);
      let mod: Record<string, unknown>;
      try {
        const api = (await import(opts.tsxApi ?? tsxApiUrl())) as { tsImport(spec: string, parent: string): Promise<Record<string, unknown>> };
        const url = pathToFileURL(file).href;
        mod = namespaceOf(await api.tsImport(url, url));
      } catch (e) {
        throw fail('STRATEGY_MODULE_FAILED', `strategy module failed to load: ${(e as Error).message ?? String(e)}`, file);
      }
      const create = mod['default'];
      if (typeof create !== 'function') throw fail('STRATEGY_MODULE_NO_FUNCTION', `a strategy module must export a function as default: (params, env) => Strategy; got ${create === undefined ? 'no default export' : typeof create}`, file);
      const schema = mod['params'];
      if (schema !== undefined && !isStandard(schema)) throw fail('STRATEGY_MODULE_BAD_PARAMS', 'the "params" export must be a schema (zod, or any Standard Schema library)', file);
      const name = basename(file, extname(file));
      const description = typeof mod['description'] === 'string' ? mod['description'] : `strategy module ${basename(file)}`;
      const def = moduleDefinition(name, description, file, create as StrategyFactory, schema as StandardParams | undefined);
      ready.set(file, def);
      return def;
    })();
    loaded.set(file, p);
    // A failed load may be retried (the file may appear later).
    p.catch(() => loaded.delete(file));
  }
  return p;
}

function moduleDefinition(name: string, description: string, file: string, create: StrategyFactory, schema: StandardParams | undefined): StrategyDefinition {
  return {
    name,
    description,
    params: schema,
    create(raw: RawParams = {}, env: StrategyEnv = {}, label = name): Strategy {
      const params = schema ? resolveParams(name, schema, raw) : { ...raw };
      let made: Strategy | StrategyOperator;
      try {
        made = create(params, env);
      } catch (e) {
        throw fail('STRATEGY_MODULE_THREW', `the strategy module threw while creating its strategy: ${(e as Error).message ?? String(e)}`, file);
      }
      if (typeof made === 'function') return operatorStrategy(label, made);
      if (made === null || typeof made !== 'object') throw fail('STRATEGY_MODULE_NO_STRATEGY', `the default export must return a Strategy object or an RxJS operator function, got ${made === null ? 'null' : typeof made}`, file);
      // Delegates to the user's object (a class instance keeps its methods) under the scenario's label.
      return Object.create(made, { name: { value: label, enumerable: true } }) as Strategy;
    },
  };
}

/** A module loaded by loadStrategyModule in this process (the synchronous view the runner uses), or a coded error. */
export function loadedStrategyModule(file: string): StrategyDefinition {
  const d = ready.get(file);
  if (!d) throw fail('STRATEGY_MODULE_NOT_LOADED', `strategy module ${file} is used before loadStrategyModule(file) finished`, file);
  return d;
}
