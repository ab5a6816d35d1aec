import type { IsoDate, MarketEvent } from '@aftershock/core';

/**
 * What a strategy may know besides the engine's stream: the full event records (for facts public long before the
 * event, such as a lock-up's offer price and unlocked share count from the prospectus, which the engine's
 * scheduled notice leaves out), and the last session of the run (so buy-and-hold can close at the end).
 */
export interface StrategyEnv {
  readonly events?: readonly MarketEvent[];
  readonly end?: IsoDate;
  /** The run's benchmark symbol, for `buy-and-hold` with `symbols: benchmark`. */
  readonly benchmark?: string;
}

/** Events by id. */
export function eventIndex(env: StrategyEnv): ReadonlyMap<string, MarketEvent> {
  return new Map((env.events ?? []).map((e) => [e.id, e]));
}
