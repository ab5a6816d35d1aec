import type { IsoDate } from '@aftershock/core';
import type { Fill, Order, Rejection } from './orders';

/** A position as a strategy or a report sees it. `quantity` is signed: negative for a short. */
export interface PositionSnapshot {
  readonly symbol: string;
  readonly quantity: number;
  /** Average entry price of the open quantity (slippage included, commission excluded). */
  readonly avgCost: number;
  readonly lastPrice: number;
  /** quantity × lastPrice (negative for a short). */
  readonly marketValue: number;
  readonly realizedPnl: number;
  readonly unrealizedPnl: number;
}

export type CostKind = 'commission' | 'slippage' | 'borrow' | 'dividend';

/**
 * One itemised cost or cash flow. `amount` is its effect on equity: negative for a cost (commission,
 * slippage, borrow, a dividend owed by a short), positive for a dividend received. Slippage is not a cash flow
 * (it is in the fill price) but is listed so that gross P&L + Σ amount = equity change.
 */
export interface CostItem {
  readonly kind: CostKind;
  readonly symbol: string;
  readonly amount: number;
  readonly ts: number;
  readonly session: number;
  readonly date: IsoDate;
  readonly orderId?: number;
  readonly eventId?: string;
  /** E.g. `2 days × 30.00% / 365 on 11,776.00`. */
  readonly note?: string;
}

/** Equity at the close of one session (marked at closes), with the benchmark's close when one is set. */
export interface EquityPoint {
  readonly session: number;
  readonly date: IsoDate;
  readonly cash: number;
  /** Σ quantity × close over open positions (shorts negative). */
  readonly positionsValue: number;
  readonly equity: number;
  /** The benchmark's close on this session (NaN when it has no bar there). */
  readonly benchmark?: number;
}

/** Per kind, the sum of CostItem amounts (effect on equity: negative for a cost, positive for a dividend received). */
export interface TradeCosts {
  readonly commission: number;
  readonly slippage: number;
  readonly borrow: number;
  readonly dividend: number;
}

/**
 * A round trip: from flat to a position and back to flat (or a flip). Adding to a position belongs to the same
 * trade. `grossPnl` is at reference prices (before slippage); `pnl` is net of every cost item of the trade.
 */
export interface Trade {
  readonly id: number;
  readonly symbol: string;
  readonly direction: 'long' | 'short';
  /** Largest absolute quantity held during the trade. */
  readonly quantity: number;
  readonly entryDate: IsoDate;
  readonly entrySession: number;
  /** Average entry price, slippage included. */
  readonly entryPrice: number;
  readonly exitDate?: IsoDate;
  readonly exitSession?: number;
  /** Average exit price, slippage included. */
  readonly exitPrice?: number;
  readonly entryReason?: string;
  readonly exitReason?: string;
  readonly eventId?: string;
  readonly grossPnl: number;
  readonly pnl: number;
  readonly costs: TradeCosts;
  /** pnl / (entry notional). */
  readonly returnPct: number;
  /** Sessions from the entry session through the exit session, both counted (hold K shows K); open trades to the last session. */
  readonly sessionsHeld: number;
  readonly open: boolean;
}

export interface CostTotals extends TradeCosts {
  readonly total: number;
}

export interface BacktestResult {
  readonly strategy: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly initialCash: number;
  readonly finalEquity: number;
  readonly finalCash: number;
  readonly equity: readonly EquityPoint[];
  readonly benchmark?: string;
  readonly fills: readonly Fill[];
  readonly orders: readonly Order[];
  readonly rejections: readonly Rejection[];
  readonly costs: readonly CostItem[];
  readonly costTotals: CostTotals;
  readonly trades: readonly Trade[];
  readonly positions: readonly PositionSnapshot[];
  /** Number of bars replayed and messages emitted (for benchmarks and reports). */
  readonly stats: { readonly bars: number; readonly messages: number; readonly sessions: number };
}
