import type { ExecutionOptions } from './event-strategy';
import { parseFilters } from './filters';
import type { ParamsSchema } from './params';

/** Parameters every event strategy takes, besides its own (plus `filters`, a list or a string, see parseFilters). */
export const COMMON_PARAMS: ParamsSchema = {
  notional: { kind: 'number', min: 0, default: 10_000, doc: 'money per trade; shares = ⌊notional / last close before entry⌋' },
  stopPct: { kind: 'number', min: 0, doc: 'optional stop, as a fraction against the entry fill (0.1 = 10%)' },
  stopAtr: { kind: 'number', min: 0, doc: 'optional stop, in ATRs (atrPeriod bars, at decision time) against the entry fill' },
  atrPeriod: { kind: 'whole', min: 1, max: 250, default: 14, doc: 'ATR look-back for stopAtr and atrRisk' },
  atrRisk: { kind: 'number', min: 0, doc: 'optional ATR sizing: shares = ⌊atrRisk / ATR⌋ (money moved by a one-ATR move), instead of notional' },
};

/** Execution options from resolved parameters. */
export function executionOptions(p: Record<string, unknown>, field = 'params'): ExecutionOptions {
  return {
    notional: p['notional'] as number,
    filters: parseFilters(p['filters'], `${field}.filters`),
    ...(p['stopPct'] !== undefined ? { stopPct: p['stopPct'] as number } : {}),
    ...(p['stopAtr'] !== undefined ? { stopAtr: p['stopAtr'] as number } : {}),
    atrPeriod: p['atrPeriod'] as number,
    ...(p['atrRisk'] !== undefined ? { atrRisk: p['atrRisk'] as number } : {}),
  };
}
