import type { CostConfig } from '@aftershock/engine';

/**
 * The default costs of a strategy run (the same figures as a scenario's defaults):
 * - commission $0.005 a share, at least $1 an order;
 * - slippage 5 basis points of the reference price, against the trader, on every fill;
 * - short borrow 0.5% a year (actual/365, on the short's market value at the previous close), or 20% a year for
 *   hard-to-borrow names — taken to be those listed fewer than 365 calendar days before;
 * - dividends paid to longs and charged to shorts on ex-dates.
 */
export const DEFAULT_COSTS: CostConfig = {
  commission: { type: 'per-share', perShare: 0.005, minimum: 1 },
  slippage: { type: 'bps', bps: 5 },
  borrow: { annualRate: 0.005, hardToBorrow: { rate: 0.2, listedWithinDays: 365 }, dayCount: 365 },
  dividends: true,
};
