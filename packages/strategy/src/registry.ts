import { AftershockError } from '@aftershock/core';
import type { Strategy } from '@aftershock/engine';
import { BUY_AND_HOLD_PARAMS, buyAndHold } from './buy-and-hold';
import { EARNINGS_REACTION_PARAMS, earningsReaction } from './earnings-reaction';
import { HOLD_THROUGH_PARAMS, holdThrough } from './hold-through';
import { LOCKUP_SHORT_PARAMS, lockupShort } from './lockup-short';
import type { ParamsSchema, RawParams, StandardParams } from './params';
import { resolveParams } from './params';
import { PRE_EVENT_RUNUP_PARAMS, preEventRunup } from './pre-event-runup';
import type { StrategyEnv } from './strategy-env';
import { SPILLOVER_REACTION_PARAMS, spilloverReaction } from './spillover-reaction';
import { SURPRISE_DRIFT_PARAMS, surpriseDrift } from './surprise-drift';

/**
 * A strategy as a scenario names it — a built-in, or a user module — : its parameter schema (zod for the built-ins,
 * any Standard Schema for a module, or none) and a factory.
 */
export interface StrategyDefinition {
  readonly name: string;
  readonly description: string;
  /** The parameters (kinds, bounds, defaults, docs); undefined: a module that declares none (params pass as given). */
  readonly params: ParamsSchema | StandardParams | undefined;
  /** Builds an engine strategy from raw parameters (validated; defaults filled in). */
  create(params?: RawParams, env?: StrategyEnv, label?: string): Strategy;
}

function def<S extends ParamsSchema>(name: string, description: string, params: S, build: (p: S['_zod']['output'], env: StrategyEnv, label: string) => Strategy): StrategyDefinition {
  return {
    name,
    description,
    params,
    create(raw = {}, env = {}, label = name) {
      return build(resolveParams(name, params, raw) as S['_zod']['output'], env, label);
    },
  };
}

/** Every built-in strategy by name. */
export const STRATEGIES: Readonly<Record<string, StrategyDefinition>> = {
  'lockup-short': def('lockup-short', 'short N sessions before a lock-up day 0, cover M sessions after (close to close)', LOCKUP_SHORT_PARAMS, (p, env, l) => lockupShort(p, env, l)),
  'earnings-reaction': def('earnings-reaction', 'follow or fade a large day-0 earnings reaction from the open of day +1, hold K sessions', EARNINGS_REACTION_PARAMS, (p, _e, l) => earningsReaction(p, l)),
  'surprise-drift': def('surprise-drift', 'long a positive EPS surprise, short a negative one, from the first open after release, hold K', SURPRISE_DRIFT_PARAMS, (p, _e, l) => surpriseDrift(p, l)),
  'pre-event-runup': def('pre-event-runup', 'long N sessions into an earnings date, out at the last close before the release', PRE_EVENT_RUNUP_PARAMS, (p, _e, l) => preEventRunup(p, l)),
  'hold-through': def('hold-through', 'long or short from N sessions before to M after every event: the baseline', HOLD_THROUGH_PARAMS, (p, _e, l) => holdThrough(p, l)),
  'buy-and-hold': def('buy-and-hold', 'buy the benchmark or the traded symbols at the start, sell at the end', BUY_AND_HOLD_PARAMS, (p, env, l) => buyAndHold(p, env, l)),
  'spillover-reaction': def('spillover-reaction', "follow or fade the event company's news in its related symbols (day-0 move → open of day +1, or surprise → first open after release), hold K", SPILLOVER_REACTION_PARAMS, (p, _e, l) => spilloverReaction(p, l)),
};

/** The definition of a built-in strategy, or a coded error listing the known names. */
export function strategyDefinition(name: string): StrategyDefinition {
  const d = STRATEGIES[name];
  if (!d) throw new AftershockError('STRATEGY_UNKNOWN', `unknown strategy "${name}"; known: ${Object.keys(STRATEGIES).join(', ')}`, { field: 'name' });
  return d;
}

/** Builds a built-in strategy by name. */
export function createStrategy(name: string, params: RawParams = {}, env: StrategyEnv = {}, label?: string): Strategy {
  return strategyDefinition(name).create(params, env, label);
}
