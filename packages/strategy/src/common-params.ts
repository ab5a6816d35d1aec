import { z } from 'zod';
import type { ExecutionOptions } from './event-strategy';
import { parseFilters } from './filters';
import { decimal, percent, whole } from './params';

/**
 * Indicator filters: one text (`"rsi(14) < 30; close-vs-sma(50) > 0"`), a list of such texts, or a list of filter
 * objects; checked by parseFilters, whose problems become issues of this field.
 */
export const filtersParam = z
  .unknown()
  .transform((v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('; ') : v))
  .superRefine((v, ctx) => {
    try {
      parseFilters(v, 'filters');
    } catch (e) {
      const problems = (e as { problems?: { message: string }[] }).problems ?? [{ message: (e as Error).message }];
      for (const q of problems) ctx.addIssue({ code: 'custom', message: q.message });
    }
  })
  .optional()
  .describe('indicator filters, e.g. "rsi(14) < 30; close-vs-sma(50) > 0" (see the strategy README)');

/** Parameters every event strategy takes, besides its own. */
export const COMMON_PARAMS = {
  notional: decimal('money per trade; shares = ⌊notional / last close before entry⌋', 0).default(10_000),
  stopPct: percent('optional stop against the entry fill, e.g. 10 = a stop 10% away', 0, 100).optional(),
  stopAtr: decimal('optional stop, in ATRs (atrPeriod bars, at decision time) against the entry fill', 0).optional(),
  atrPeriod: whole('ATR look-back for stopAtr and atrRisk', 1, 250).default(14),
  atrRisk: decimal('optional ATR sizing: shares = ⌊atrRisk / ATR⌋ (money moved by a one-ATR move), instead of notional', 0).optional(),
  filters: filtersParam,
};

/** The common parameters alone, as a schema (for their type). */
export const COMMON_SCHEMA = z.strictObject(COMMON_PARAMS);
export type CommonParams = z.output<typeof COMMON_SCHEMA>;

/** Execution options from resolved parameters (`stopPct` in percent becomes the executor's fraction). */
export function executionOptions(p: CommonParams, field = 'params'): ExecutionOptions {
  return {
    notional: p.notional,
    filters: parseFilters(p.filters, `${field}.filters`),
    ...(p.stopPct !== undefined ? { stopFraction: p.stopPct / 100 } : {}),
    ...(p.stopAtr !== undefined ? { stopAtr: p.stopAtr } : {}),
    atrPeriod: p.atrPeriod,
    ...(p.atrRisk !== undefined ? { atrRisk: p.atrRisk } : {}),
  };
}
