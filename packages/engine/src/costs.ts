/** Commission: per share with a minimum per order, or basis points of notional (with an optional minimum). */
export type CommissionConfig =
  | { readonly type: 'none' }
  | { readonly type: 'per-share'; readonly perShare: number; readonly minimum?: number }
  | { readonly type: 'bps'; readonly bps: number; readonly minimum?: number };

/** Slippage against the reference price: basis points, or a fraction of the bar's high − low range. */
export type SlippageConfig =
  | { readonly type: 'none' }
  | { readonly type: 'bps'; readonly bps: number }
  | { readonly type: 'range-fraction'; readonly fraction: number };

/**
 * Short borrow fee: an annual rate accrued per calendar day on the short's market value (at the previous close),
 * charged at each pre-open for the calendar days since the previous session. `perSymbol` overrides the rate;
 * `hardToBorrow` applies `rate` to symbols listed fewer than `listedWithinDays` calendar days before.
 */
export interface BorrowConfig {
  readonly annualRate: number;
  readonly perSymbol?: Readonly<Record<string, number>>;
  readonly hardToBorrow?: { readonly rate: number; readonly listedWithinDays: number };
  /** Day-count basis of the annual rate, default 365. */
  readonly dayCount?: 360 | 365;
}

export interface CostConfig {
  readonly commission?: CommissionConfig;
  readonly slippage?: SlippageConfig;
  readonly borrow?: BorrowConfig;
  /** Pay dividends to longs and charge them to shorts on ex-dates (default true). */
  readonly dividends?: boolean;
}

/** Commission of one fill (≥ 0). */
export function commissionOf(cfg: CommissionConfig | undefined, quantity: number, price: number): number {
  if (cfg === undefined || cfg.type === 'none' || quantity === 0) return 0;
  const raw = cfg.type === 'per-share' ? cfg.perShare * quantity : (cfg.bps / 10_000) * quantity * price;
  return Math.max(raw, cfg.minimum ?? 0);
}

/** Slippage per share (≥ 0) against the reference price, given the bar's range. */
export function slippagePerShare(cfg: SlippageConfig | undefined, reference: number, high: number, low: number): number {
  if (cfg === undefined || cfg.type === 'none') return 0;
  if (cfg.type === 'bps') return (cfg.bps / 10_000) * reference;
  return cfg.fraction * Math.max(0, high - low);
}
