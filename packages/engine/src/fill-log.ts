import type { IsoDate } from '@aftershock/core';
import type { Fill, FillPoint, OrderType, Side } from './orders';

/** A fill's fields as the broker writes them, in one reused record (no object per fill while the run goes on). */
export interface FillRecord {
  orderId: number;
  symbol: string;
  side: Side;
  quantity: number;
  price: number;
  referencePrice: number;
  commission: number;
  slippage: number;
  ts: number;
  session: number;
  date: IsoDate;
  at: FillPoint;
  type: OrderType;
  reason: string | undefined;
  eventId: string | undefined;
}

/** A fresh, empty record. */
export function fillRecord(): FillRecord {
  return { orderId: 0, symbol: '', side: 'buy', quantity: 0, price: 0, referencePrice: 0, commission: 0, slippage: 0, ts: 0, session: 0, date: '', at: 'open', type: 'market-on-open', reason: undefined, eventId: undefined };
}

/**
 * The run's fills as columns (plain arrays of numbers and shared strings), made into `Fill` objects only when
 * someone asks: a strategy's onFill or a stream subscriber at once, the result at the end. A run's fills then do
 * not live through the young-generation collections of the run as thousands of objects. Each fill is built once
 * and the same object is returned to every reader.
 */
export class FillLog {
  private readonly orderId: number[] = [];
  private readonly symbol: string[] = [];
  private readonly side: Side[] = [];
  private readonly quantity: number[] = [];
  private readonly price: number[] = [];
  private readonly referencePrice: number[] = [];
  private readonly commission: number[] = [];
  private readonly slippage: number[] = [];
  private readonly ts: number[] = [];
  private readonly session: number[] = [];
  private readonly date: IsoDate[] = [];
  private readonly at: FillPoint[] = [];
  private readonly type: OrderType[] = [];
  private readonly reason: (string | undefined)[] = [];
  private readonly eventId: (string | undefined)[] = [];
  private readonly built: (Fill | undefined)[] = [];

  get length(): number {
    return this.orderId.length;
  }

  /** Appends a copy of `f`; returns its index. */
  record(f: FillRecord): number {
    this.orderId.push(f.orderId);
    this.symbol.push(f.symbol);
    this.side.push(f.side);
    this.quantity.push(f.quantity);
    this.price.push(f.price);
    this.referencePrice.push(f.referencePrice);
    this.commission.push(f.commission);
    this.slippage.push(f.slippage);
    this.ts.push(f.ts);
    this.session.push(f.session);
    this.date.push(f.date);
    this.at.push(f.at);
    this.type.push(f.type);
    this.reason.push(f.reason);
    this.eventId.push(f.eventId);
    this.built.push(undefined);
    return this.orderId.length - 1;
  }

  /** Fill `i` as an object (built on first request; optional fields present only when given). */
  fill(i: number): Fill {
    const had = this.built[i];
    if (had !== undefined) return had;
    const f: { -readonly [K in keyof Fill]: Fill[K] } = {
      orderId: this.orderId[i]!,
      symbol: this.symbol[i]!,
      side: this.side[i]!,
      quantity: this.quantity[i]!,
      price: this.price[i]!,
      referencePrice: this.referencePrice[i]!,
      commission: this.commission[i]!,
      slippage: this.slippage[i]!,
      ts: this.ts[i]!,
      session: this.session[i]!,
      date: this.date[i]!,
      at: this.at[i]!,
      type: this.type[i]!,
    };
    const reason = this.reason[i];
    const eventId = this.eventId[i];
    if (reason !== undefined) f.reason = reason;
    if (eventId !== undefined) f.eventId = eventId;
    this.built[i] = f;
    return f;
  }

  /** Every fill, in the order they happened. */
  all(): Fill[] {
    const out = new Array<Fill>(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.fill(i);
    return out;
  }
}
