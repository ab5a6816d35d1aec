import { isValidIsoDate, Problems } from '@aftershock/core';
import type { BacktestConfig } from './config';

const nonNegative = (p: Problems, field: string, v: number | undefined): void => {
  if (v !== undefined && !(Number.isFinite(v) && v >= 0)) p.error('ENGINE_BAD_CONFIG', `must be a finite number ≥ 0, got ${v}`, { field });
};

/**
 * Checks a backtest configuration before the run, gathering every problem (field paths like `costs.slippage.bps`)
 * into one ValidationError.
 * @example
 * validateBacktestConfig({ ...config, initialCash: -1 }) // throws: initialCash: must be a finite number ≥ 0, got -1 [ENGINE_BAD_CONFIG]
 */
export function validateBacktestConfig(c: BacktestConfig): void {
  const p = new Problems();
  nonNegative(p, 'initialCash', c.initialCash);
  for (const f of ['start', 'end'] as const) {
    const d = c[f];
    if (d !== undefined && !isValidIsoDate(d)) p.error('ENGINE_BAD_CONFIG', `not a YYYY-MM-DD date: ${JSON.stringify(d)}`, { field: f });
  }
  if (c.start !== undefined && c.end !== undefined && c.end < c.start) p.error('ENGINE_BAD_CONFIG', `end ${c.end} is before start ${c.start}`, { field: 'end' });
  if (typeof c.earningsLead === 'number' && !(Number.isInteger(c.earningsLead) && c.earningsLead >= 0)) {
    p.error('ENGINE_BAD_CONFIG', `must be a whole number of sessions ≥ 0 or 'tsKnown', got ${c.earningsLead}`, { field: 'earningsLead' });
  }
  const k = c.costs;
  const com = k?.commission;
  if (com !== undefined && com.type !== 'none') {
    nonNegative(p, `costs.commission.${com.type === 'bps' ? 'bps' : 'perShare'}`, com.type === 'bps' ? com.bps : com.perShare);
    nonNegative(p, 'costs.commission.minimum', com.minimum);
  }
  const sl = k?.slippage;
  if (sl !== undefined && sl.type === 'bps') nonNegative(p, 'costs.slippage.bps', sl.bps);
  if (sl !== undefined && sl.type === 'range-fraction') {
    if (!(sl.fraction >= 0 && sl.fraction <= 1)) p.error('ENGINE_BAD_CONFIG', `must be between 0 and 1, got ${sl.fraction}`, { field: 'costs.slippage.fraction' });
  }
  const b = k?.borrow;
  if (b !== undefined) {
    nonNegative(p, 'costs.borrow.annualRate', b.annualRate);
    for (const [s, r] of Object.entries(b.perSymbol ?? {})) nonNegative(p, `costs.borrow.perSymbol.${s}`, r);
    if (b.hardToBorrow !== undefined) {
      nonNegative(p, 'costs.borrow.hardToBorrow.rate', b.hardToBorrow.rate);
      nonNegative(p, 'costs.borrow.hardToBorrow.listedWithinDays', b.hardToBorrow.listedWithinDays);
    }
    if (b.dayCount !== undefined && b.dayCount !== 360 && b.dayCount !== 365) p.error('ENGINE_BAD_CONFIG', `must be 360 or 365, got ${String(b.dayCount)}`, { field: 'costs.borrow.dayCount' });
  }
  if (c.margin !== undefined && !(c.margin.maxGrossLeverage >= 1 && Number.isFinite(c.margin.maxGrossLeverage))) {
    p.error('ENGINE_BAD_CONFIG', `must be a finite number ≥ 1, got ${c.margin.maxGrossLeverage}`, { field: 'margin.maxGrossLeverage' });
  }
  for (const [s, d] of Object.entries(c.listingDates ?? {})) {
    if (!isValidIsoDate(d)) p.error('ENGINE_BAD_CONFIG', `not a YYYY-MM-DD date: ${JSON.stringify(d)}`, { field: `listingDates.${s}` });
  }
  p.throwIfErrors();
}
