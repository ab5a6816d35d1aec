import type { IsoDate } from '@aftershock/core';

export type Side = 'long' | 'short';

/** Where in a session an order fills. */
export type FillAt = 'open' | 'close';

/**
 * Costs of one trade by kind, in currency, each **positive when paid**. `dividends` is what a short pays the
 * lender on ex-dates while it is open (positive) — a long *receives* dividends, so for a long it is negative.
 */
export interface CostsByKind {
  readonly commission: number;
  readonly slippage: number;
  readonly borrow: number;
  readonly dividends: number;
}

export const NO_COSTS: CostsByKind = { commission: 0, slippage: 0, borrow: 0, dividends: 0 };

/**
 * One round trip, as the strategy package reports it (serialisable). Per-trade numbers (`ret`) are on the entry
 * notional, never on the portfolio: `ret = netPnl / notional`, `notional = qty × entryPrice`.
 */
export interface TradeRecord {
  /** The event that caused the trade, or null (buy-and-hold). */
  readonly eventId: string | null;
  readonly symbol: string;
  readonly side: Side;
  /** Shares, always positive; the side gives the sign. */
  readonly qty: number;
  readonly entryDate: IsoDate;
  /** Average entry fill price, slippage included. */
  readonly entryPrice: number;
  /** Null while the trade is still open at the end of the run (then marked at the last close). */
  readonly exitDate: IsoDate | null;
  readonly exitPrice: number | null;
  /** Sessions from the entry session through the exit session, both counted (1 = in and out the same session). */
  readonly sessionsHeld: number;
  /** P&L at reference prices (the open or close before slippage), before every cost. */
  readonly grossPnl: number;
  readonly costs: CostsByKind;
  /** grossPnl minus every cost. */
  readonly netPnl: number;
  /** qty × entryPrice. */
  readonly notional: number;
  /** netPnl / notional. */
  readonly ret: number;
  /** Why the position was closed: the exit order's reason ('exit' = planned, 'stop'), or 'open' at the end. */
  readonly exitReason: string;
}

/** Total cost of a trade (every kind). */
export function totalCost(c: CostsByKind): number {
  return c.commission + c.slippage + c.borrow + c.dividends;
}

/** Adds two cost breakdowns. */
export function addCosts(a: CostsByKind, b: CostsByKind): CostsByKind {
  return {
    commission: a.commission + b.commission,
    slippage: a.slippage + b.slippage,
    borrow: a.borrow + b.borrow,
    dividends: a.dividends + b.dividends,
  };
}
