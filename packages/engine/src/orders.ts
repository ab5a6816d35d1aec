import type { IsoDate } from '@aftershock/core';

export type Side = 'buy' | 'sell';
/**
 * Order types on daily bars:
 * - `market-on-open`: fills at the open of the first session whose open comes after submission;
 * - `market-on-close`: fills at the close of the session it is submitted in (up to and including the close
 *   phase, which stands for the closing auction), else the next session's close;
 * - `limit`: works from the next open; fills when the bar's range reaches `limitPrice`, at the limit or at a
 *   better open;
 * - `stop`: works from the next open; triggers when the range reaches `stopPrice`, filling at the stop or at a
 *   worse open (a gap through the stop).
 */
export type OrderType = 'market-on-open' | 'market-on-close' | 'limit' | 'stop';
/** `day`: cancelled at the end of the first session it works in; `gtc`: works until filled or cancelled. */
export type TimeInForce = 'day' | 'gtc';
export type OrderStatus = 'working' | 'filled' | 'cancelled' | 'expired' | 'rejected';

/** What a strategy asks for. Quantity is a positive number of shares; `sell` from flat opens a short. */
export interface OrderRequest {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  readonly type: OrderType;
  readonly limitPrice?: number;
  readonly stopPrice?: number;
  /** Default `day`. */
  readonly tif?: TimeInForce;
  /** Why: tags the fill and the round-trip trade (entry/exit reason). */
  readonly reason?: string;
  /** The event this order belongs to. */
  readonly eventId?: string;
}

export interface Order extends OrderRequest {
  readonly id: number;
  readonly tif: TimeInForce;
  readonly submittedTs: number;
  readonly submittedSession: number;
  status: OrderStatus;
}

/** Where in the session a fill happened. */
export type FillPoint = 'open' | 'intraday' | 'close';

export interface Fill {
  readonly orderId: number;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  /** Execution price, slippage included. */
  readonly price: number;
  /** The price before slippage (the open, the close, the limit or the stop). */
  readonly referencePrice: number;
  /** Commission charged, ≥ 0. */
  readonly commission: number;
  /** Slippage cost in money, ≥ 0: |price − referencePrice| × quantity. */
  readonly slippage: number;
  readonly ts: number;
  readonly session: number;
  readonly date: IsoDate;
  readonly at: FillPoint;
  readonly type: OrderType;
  readonly reason?: string;
  readonly eventId?: string;
}

export type RejectCode =
  | 'INVALID_ORDER'
  | 'UNKNOWN_SYMBOL'
  | 'INSUFFICIENT_CASH'
  | 'MARGIN_EXCEEDED'
  | 'SHORT_NOT_ALLOWED'
  | 'NOT_LISTED'
  | 'RUN_ENDED';

export interface Rejection {
  readonly orderId: number;
  readonly request: OrderRequest;
  readonly code: RejectCode;
  /** One sentence a person can act on. */
  readonly message: string;
  readonly ts: number;
  readonly session: number;
  readonly date: IsoDate;
}
