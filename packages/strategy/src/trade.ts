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
 * One closed round trip. Per-trade numbers (`ret`) are on the entry notional, never on the portfolio:
 * `ret = netPnl / notional`, with `notional = qty × entryPrice` (the reference price, before slippage).
 */
export interface TradeRecord {
  /** The event that caused the trade, or null (buy-and-hold). */
  readonly eventId: string | null;
  readonly symbol: string;
  readonly side: Side;
  /** Shares, always positive; the side gives the sign. */
  readonly qty: number;
  readonly entryDate: IsoDate;
  readonly entryAt: FillAt;
  /** Reference (market) price at entry: the open or close of the bar, before slippage. */
  readonly entryPrice: number;
  readonly exitDate: IsoDate;
  readonly exitAt: FillAt;
  readonly exitPrice: number;
  /** Sessions from the entry session to the exit session (0 = same session). */
  readonly sessionsHeld: number;
  /** qty × (exit − entry) for a long, qty × (entry − exit) for a short, before costs. */
  readonly grossPnl: number;
  readonly costs: CostsByKind;
  /** grossPnl minus every cost. */
  readonly netPnl: number;
  /** qty × entryPrice. */
  readonly notional: number;
  /** netPnl / notional. */
  readonly ret: number;
  /** Why the position was closed: 'time' (planned exit), 'stop', 'end-of-data'. */
  readonly exitReason: 'time' | 'stop' | 'end-of-data';
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
