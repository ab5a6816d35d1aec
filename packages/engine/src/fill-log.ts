import type { IsoDate } from '@aftershock/core';
import type { OrderLog } from './order-log';
import type { Fill, FillPoint, OrderType, Side } from './orders';
import { objectArray } from './object-array';
import { grown } from './grown';
import { FillObject } from './kept-objects';

/** A fill's fields as the broker writes them, in one reused record (no object per fill while the run goes on). */
export interface FillRecord {
  orderId: number;
  /** Universe index of the symbol. */
  sym: number;
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

/**
 * A fresh, empty record. Its money and time fields start as NaN, a double, as the values written later are: a
 * field that started as a small integer would be widened at the first price written, and every run's new record
 * would then be migrated to the widened shape, discarding code optimised for it.
 */
export function fillRecord(): FillRecord {
  return { orderId: 0, sym: 0, symbol: '', side: 'buy', quantity: NaN, price: NaN, referencePrice: NaN, commission: NaN, slippage: NaN, ts: NaN, session: 0, date: '', at: 'open', type: 'market-on-open', reason: undefined, eventId: undefined };
}

const SIDES: readonly Side[] = ['buy', 'sell'];
const POINTS: readonly FillPoint[] = ['open', 'intraday', 'close'];
const TYPES: readonly OrderType[] = ['market-on-open', 'market-on-close', 'limit', 'stop'];

/**
 * The run's fills as typed columns, made into `Fill` objects only when someone reads them: a strategy's onFill or
 * a stream subscriber at once, the result at the end. The columns live outside the JavaScript heap, so a run's
 * fills are not copied by every young-generation collection of the run. Each fill is built once: every reader gets
 * the same object. The symbol and date come back from the universe index and session, the reason and event id from
 * the order (the same strings).
 */
export class FillLog {
  private n = 0;
  private num = new Float64Array(0);
  private ints = new Int32Array(0);
  private codes = new Uint8Array(0);
  private readonly built = objectArray<Fill>();

  constructor(
    private readonly symbols: readonly string[],
    /** The calendar (its `date` of a session: a method, the same call target in every run). */
    private readonly dates: { date(session: number): IsoDate },
    /** The run's orders: a fill's reason and event id are its order's. */
    private readonly orders: OrderLog,
  ) {}

  get length(): number {
    return this.n;
  }

  /** Appends a copy of `f`; returns its index. */
  record(f: FillRecord): number {
    const i = this.n;
    if (i === this.codes.length / 3) this.grow(Math.max(64, i * 2));
    const x = i * 7;
    this.num[x] = f.orderId;
    this.num[x + 1] = f.quantity;
    this.num[x + 2] = f.price;
    this.num[x + 3] = f.referencePrice;
    this.num[x + 4] = f.commission;
    this.num[x + 5] = f.slippage;
    this.num[x + 6] = f.ts;
    this.ints[i * 2] = f.sym;
    this.ints[i * 2 + 1] = f.session;
    this.codes[i * 3] = SIDES.indexOf(f.side);
    this.codes[i * 3 + 1] = POINTS.indexOf(f.at);
    this.codes[i * 3 + 2] = TYPES.indexOf(f.type);
    this.n = i + 1;
    return i;
  }

  private grow(cap: number): void {
    this.num = grown(this.num, cap * 7);
    this.ints = grown(this.ints, cap * 2);
    this.codes = grown(this.codes, cap * 3);
  }

  /** Fill `i` as an object (built on first request; optional fields present only when given). */
  fill(i: number): Fill {
    const had = this.built[i];
    if (had !== undefined) return had;
    const x = i * 7;
    const session = this.ints[i * 2 + 1]!;
    const order = this.num[x]! - 1;
    const f = new FillObject(
      this.num[x]!,
      this.symbols[this.ints[i * 2]!]!,
      SIDES[this.codes[i * 3]!]!,
      this.num[x + 1]!,
      this.num[x + 2]!,
      this.num[x + 3]!,
      this.num[x + 4]!,
      this.num[x + 5]!,
      this.num[x + 6]!,
      session,
      this.dates.date(session),
      POINTS[this.codes[i * 3 + 1]!]!,
      TYPES[this.codes[i * 3 + 2]!]!,
      this.orders.reason(order),
      this.orders.eventId(order),
    );
    this.built[i] = f;
    return f;
  }

  /** Every fill, in the order they happened. */
  all(): Fill[] {
    const out = new Array<Fill>(this.n);
    for (let i = 0; i < out.length; i++) out[i] = this.fill(i);
    return out;
  }
}
