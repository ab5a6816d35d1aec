import type { Order, OrderRequest, OrderStatus, OrderType, Side, TimeInForce } from './orders';
import { objectArray } from './object-array';
import { grown } from './grown';

const SIDES: readonly Side[] = ['buy', 'sell'];
const TYPES: readonly OrderType[] = ['market-on-open', 'market-on-close', 'limit', 'stop'];
const TIFS: readonly TimeInForce[] = ['day', 'gtc'];
const STATUSES: readonly OrderStatus[] = ['working', 'filled', 'cancelled', 'expired', 'rejected'];

/** Codes of the columns (`side`, `type`, `tif`, `status`), as the broker reads them while matching. */
export const SIDE = { buy: 0, sell: 1 } as const;
export const TYPE = { 'market-on-open': 0, 'market-on-close': 1, limit: 2, stop: 3 } as const;
export const TIF = { day: 0, gtc: 1 } as const;
export const STATUS = { working: 0, filled: 1, cancelled: 2, expired: 3, rejected: 4 } as const;

const NUMS = 4;
const INTS = 3;
const CODES = 5;
/** Flags in the fifth code: a limit price, a stop price given. */
const HAS_LIMIT = 1;
const HAS_STOP = 2;

/**
 * The run's orders as typed columns (id = index + 1), made into `Order` objects only when someone reads them
 * (`openOrders`, a rejection's request, the result): a run's orders are then no young-generation objects for
 * its collections to copy. Each order is built once and every reader gets the same object; a status change after
 * that is written to the object too. A request the columns cannot hold as given (an invalid side or type, a price
 * that is not a number) is kept as the object built from it at once, so the log returns every order exactly as
 * submitted.
 */
export class OrderLog {
  private n = 0;
  /** Per order: quantity, limit price, stop price, submission instant. */
  private num = new Float64Array(0);
  /** Per order: universe index (−1 unknown), submission session, first session it works in. */
  private ints = new Int32Array(0);
  /** Per order: side, type, time in force, status (codes above), and which prices were given. */
  private codes = new Uint8Array(0);
  private readonly reasons = objectArray<string | undefined>();
  private readonly eventIds = objectArray<string | undefined>();
  /** Orders built so far, by index (every invalid one from its submission). */
  private readonly built = new Map<number, Order>();

  /** `symbols`: the run's universe (a valid order's symbol is the universe's symbol at its index). */
  constructor(private readonly symbols: readonly string[]) {}

  get length(): number {
    return this.n;
  }

  /**
   * Appends an order; returns its index. `valid` says whether the request passed validation (its side, type and
   * time in force are then known values); an invalid one is built at once and stays as built.
   */
  append(req: OrderRequest, sym: number, ts: number, session: number, activeFrom: number, valid: boolean): number {
    const i = this.n;
    if (i === this.codes.length / CODES) this.grow(Math.max(64, i * 2));
    const hasLimit = req.limitPrice !== undefined;
    const hasStop = req.stopPrice !== undefined;
    const x = i * NUMS;
    this.num[x] = req.quantity;
    this.num[x + 1] = hasLimit ? req.limitPrice : NaN;
    this.num[x + 2] = hasStop ? req.stopPrice : NaN;
    this.num[x + 3] = ts;
    const y = i * INTS;
    this.ints[y] = sym;
    this.ints[y + 1] = session;
    this.ints[y + 2] = activeFrom;
    const z = i * CODES;
    const plain = valid && (!hasLimit || typeof req.limitPrice === 'number') && (!hasStop || typeof req.stopPrice === 'number');
    this.codes[z] = req.side === 'sell' ? SIDE.sell : SIDE.buy;
    this.codes[z + 1] = valid ? TYPE[req.type] : 0;
    this.codes[z + 2] = req.tif === 'gtc' ? TIF.gtc : TIF.day;
    this.codes[z + 3] = valid ? STATUS.working : STATUS.rejected;
    this.codes[z + 4] = (hasLimit ? HAS_LIMIT : 0) | (hasStop ? HAS_STOP : 0);
    this.reasons.push(req.reason);
    this.eventIds.push(req.eventId);
    if (!plain) this.built.set(i, toOrder(req, i + 1, ts, session, valid ? 'working' : 'rejected'));
    this.n = i + 1;
    return i;
  }

  private grow(cap: number): void {
    this.num = grown(this.num, cap * NUMS);
    this.ints = grown(this.ints, cap * INTS);
    this.codes = grown(this.codes, cap * CODES);
  }

  quantity(i: number): number {
    return this.num[i * NUMS]!;
  }
  limitPrice(i: number): number {
    return this.num[i * NUMS + 1]!;
  }
  stopPrice(i: number): number {
    return this.num[i * NUMS + 2]!;
  }
  sym(i: number): number {
    return this.ints[i * INTS]!;
  }
  activeFrom(i: number): number {
    return this.ints[i * INTS + 2]!;
  }
  side(i: number): number {
    return this.codes[i * CODES]!;
  }
  type(i: number): number {
    return this.codes[i * CODES + 1]!;
  }
  tif(i: number): number {
    return this.codes[i * CODES + 2]!;
  }
  status(i: number): number {
    return this.codes[i * CODES + 3]!;
  }
  /** The symbol of order `i` (of a valid order: the universe's; an invalid one's as given). */
  symbolOf(i: number): string {
    return this.built.get(i)?.symbol ?? this.symbols[this.ints[i * INTS]!]!;
  }
  reason(i: number): string | undefined {
    return this.reasons[i];
  }
  eventId(i: number): string | undefined {
    return this.eventIds[i];
  }

  /** Sets an order's status (and that of its object, if built). */
  setStatus(i: number, status: number): void {
    this.codes[i * CODES + 3] = status;
    const o = this.built.get(i);
    if (o !== undefined) o.status = STATUSES[status]!;
  }

  /** Order `i` as an object (built on first request; optional fields present only when given). */
  order(i: number): Order {
    const had = this.built.get(i);
    if (had !== undefined) return had;
    const x = i * NUMS;
    const z = i * CODES;
    const flags = this.codes[z + 4]!;
    const o: { -readonly [K in keyof Order]: Order[K] } = {
      id: i + 1,
      symbol: this.symbols[this.ints[i * INTS]!]!,
      side: SIDES[this.codes[z]!]!,
      quantity: this.num[x]!,
      type: TYPES[this.codes[z + 1]!]!,
      tif: TIFS[this.codes[z + 2]!]!,
      submittedTs: this.num[x + 3]!,
      submittedSession: this.ints[i * INTS + 1]!,
      status: STATUSES[this.codes[z + 3]!]!,
    };
    if ((flags & HAS_LIMIT) !== 0) o.limitPrice = this.num[x + 1]!;
    if ((flags & HAS_STOP) !== 0) o.stopPrice = this.num[x + 2]!;
    const reason = this.reasons[i];
    const eventId = this.eventIds[i];
    if (reason !== undefined) o.reason = reason;
    if (eventId !== undefined) o.eventId = eventId;
    this.built.set(i, o);
    return o;
  }

  /** The first `n` orders (default all), in submission order. */
  all(n = this.n): Order[] {
    const out = new Array<Order>(Math.min(n, this.n));
    for (let i = 0; i < out.length; i++) out[i] = this.order(i);
    return out;
  }
}

/** An order record built from its request as given (one fixed shape; optional fields present only when given). */
export function toOrder(req: OrderRequest, id: number, ts: number, session: number, status: OrderStatus): Order {
  const o: { -readonly [K in keyof Order]: Order[K] } = {
    id,
    symbol: req.symbol,
    side: req.side,
    quantity: req.quantity,
    type: req.type,
    tif: req.tif ?? 'day',
    submittedTs: ts,
    submittedSession: session,
    status,
  };
  if (req.limitPrice !== undefined) o.limitPrice = req.limitPrice;
  if (req.stopPrice !== undefined) o.stopPrice = req.stopPrice;
  if (req.reason !== undefined) o.reason = req.reason;
  if (req.eventId !== undefined) o.eventId = req.eventId;
  return o;
}
