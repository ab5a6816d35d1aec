import type { IsoDate } from '@aftershock/core';
import type { EquityPoint } from './results';
import type { Fill, FillPoint, OrderType, Side } from './orders';

// Objects a run keeps until its end (an equity point per session, a fill per fill) are built by constructors,
// not object literals. V8 watches each literal's allocation site and, when most of its objects outlive the young
// generation, starts allocating them in the old generation: a switch that throws away the optimised code of every
// function that builds them. That switch came in a process's second and third runs, in the bookkeeping of every
// session. A constructor has no such site. Fields are only declared (no field definitions: transpilers differ on
// those) and set in the constructor in the order the literals had, so keys, JSON and spread order are unchanged;
// optional fields are set only when given, as before.

/** An equity point (see EquityPoint). */
export class EquityPointObject implements EquityPoint {
  declare readonly session: number;
  declare readonly date: IsoDate;
  declare readonly cash: number;
  declare readonly positionsValue: number;
  declare readonly equity: number;
  declare readonly benchmark?: number;

  constructor(session: number, date: IsoDate, cash: number, positionsValue: number, benchmark: number | undefined) {
    this.session = session;
    this.date = date;
    this.cash = cash;
    this.positionsValue = positionsValue;
    this.equity = cash + positionsValue;
    if (benchmark !== undefined) (this as { benchmark?: number }).benchmark = benchmark;
  }
}

/** A fill (see Fill). */
export class FillObject implements Fill {
  declare readonly orderId: number;
  declare readonly symbol: string;
  declare readonly side: Side;
  declare readonly quantity: number;
  declare readonly price: number;
  declare readonly referencePrice: number;
  declare readonly commission: number;
  declare readonly slippage: number;
  declare readonly ts: number;
  declare readonly session: number;
  declare readonly date: IsoDate;
  declare readonly at: FillPoint;
  declare readonly type: OrderType;
  declare readonly reason?: string;
  declare readonly eventId?: string;

  constructor(
    orderId: number,
    symbol: string,
    side: Side,
    quantity: number,
    price: number,
    referencePrice: number,
    commission: number,
    slippage: number,
    ts: number,
    session: number,
    date: IsoDate,
    at: FillPoint,
    type: OrderType,
    reason: string | undefined,
    eventId: string | undefined,
  ) {
    this.orderId = orderId;
    this.symbol = symbol;
    this.side = side;
    this.quantity = quantity;
    this.price = price;
    this.referencePrice = referencePrice;
    this.commission = commission;
    this.slippage = slippage;
    this.ts = ts;
    this.session = session;
    this.date = date;
    this.at = at;
    this.type = type;
    if (reason !== undefined) (this as { reason?: string }).reason = reason;
    if (eventId !== undefined) (this as { eventId?: string }).eventId = eventId;
  }
}
