import type { BarSeries } from '@aftershock/core';
import { commissionOf, slippagePerShare, type CostConfig } from './costs';
import type { MarginConfig } from './config';
import { fillRecord, type FillRecord } from './fill-log';
import type { FillPoint, Order, OrderRequest, RejectCode, Rejection } from './orders';
import type { Portfolio, When } from './portfolio';
import type { Phase } from './messages';
import { removeAt } from './remove-at';

const EPS = 1e-6;
const TYPES = new Set(['market-on-open', 'market-on-close', 'limit', 'stop']);

interface Working {
  readonly order: Order;
  readonly sym: number;
  /** First session ordinal the order works in. */
  readonly activeFrom: number;
}

/** What a match reports: a fill (its fields in the broker's `filled` record, the universe index it moved) or a rejection. */
export interface OutcomeSink {
  filled(sym: number): void;
  rejected(rejection: Rejection): void;
}

export interface BrokerOptions {
  readonly costs: CostConfig;
  readonly margin: MarginConfig | undefined;
  readonly allowShort: boolean;
}

/**
 * Orders on daily bars. The run asks it to match at three points of a session: the open (market-on-open, and
 * limit/stop orders whose open already crosses), inside the bar (limit/stop reached by the range, decided at the
 * close) and the closing auction (market-on-close). Each fill is checked against cash and margin before it
 * reaches the portfolio.
 */
export class Broker {
  readonly orders: Order[] = [];
  private working: Working[] = [];
  private nextId = 1;
  /** The fill reported last (one record, rewritten by every fill: the sink copies what it keeps). */
  readonly last: FillRecord = fillRecord();

  constructor(
    private readonly portfolio: Portfolio,
    private readonly opts: BrokerOptions,
  ) {}

  /** Why the order submitted last is invalid (a rejection code and message), or undefined when it was queued. */
  invalid: { code: RejectCode; message: string } | undefined;

  /** Validates and queues an order, and returns it; when it is invalid, `invalid` says why. */
  submit(req: OrderRequest, sym: number, when: When, phase: Phase | 'init'): Order {
    const order = toOrder(req, this.nextId++, when);
    this.orders.push(order);
    const invalid = this.validate(req, sym);
    this.invalid = invalid;
    if (invalid !== undefined) {
      order.status = 'rejected';
      return order;
    }
    const s = when.session;
    const beforeOpen = phase === 'init' || phase === 'pre-open';
    const activeFrom = req.type === 'market-on-close' ? (phase === 'post-close' ? s + 1 : s) : beforeOpen ? s : s + 1;
    this.working.push({ order, sym, activeFrom });
    return order;
  }

  private validate(req: OrderRequest, sym: number): { code: RejectCode; message: string } | undefined {
    if (sym < 0) return { code: 'UNKNOWN_SYMBOL', message: `${req.symbol} is not in this run's universe` };
    if (!(req.quantity > 0) || !Number.isFinite(req.quantity)) return { code: 'INVALID_ORDER', message: `quantity must be a positive number of shares, got ${req.quantity}` };
    if (req.side !== 'buy' && req.side !== 'sell') return { code: 'INVALID_ORDER', message: `side must be buy or sell, got ${String(req.side)}` };
    if (!TYPES.has(req.type)) return { code: 'INVALID_ORDER', message: `unknown order type ${String(req.type)}` };
    if (req.tif !== undefined && req.tif !== 'day' && req.tif !== 'gtc') return { code: 'INVALID_ORDER', message: `time in force must be day or gtc, got ${String(req.tif)}` };
    if (req.type === 'limit' && !(req.limitPrice !== undefined && req.limitPrice > 0)) return { code: 'INVALID_ORDER', message: 'a limit order needs a positive limitPrice' };
    if (req.type === 'stop' && !(req.stopPrice !== undefined && req.stopPrice > 0)) return { code: 'INVALID_ORDER', message: 'a stop order needs a positive stopPrice' };
    return undefined;
  }

  cancel(orderId: number): boolean {
    const k = this.working.findIndex((w) => w.order.id === orderId);
    if (k < 0) return false;
    this.working[k]!.order.status = 'cancelled';
    this.working.splice(k, 1);
    return true;
  }

  openOrders(symbol?: string): Order[] {
    return this.working.filter((w) => symbol === undefined || w.order.symbol === symbol).map((w) => w.order);
  }

  get hasWorking(): boolean {
    return this.working.length > 0;
  }

  /**
   * Matches working orders at one point of session `s`. `barToday(sym)` is the symbol's bar index this session
   * (−1 when it does not trade), `series[sym]` its bars. New orders submitted while outcomes are handled are matched too when eligible.
   */
  match(point: FillPoint, s: number, when: When, barToday: (sym: number) => number, series: readonly (BarSeries | undefined)[], sink: OutcomeSink): void {
    for (let k = 0; k < this.working.length; ) {
      const w = this.working[k]!;
      const b = w.activeFrom <= s ? barToday(w.sym) : -1;
      const bars = b < 0 ? undefined : series[w.sym]!;
      const ref = bars === undefined ? undefined : this.reference(w.order, point, bars, b);
      if (ref === undefined) {
        k++;
        continue;
      }
      removeAt(this.working, k);
      const rejection = this.execute(w, point, ref, bars!, b, when);
      w.order.status = rejection === undefined ? 'filled' : 'rejected';
      if (rejection === undefined) sink.filled(w.sym);
      else sink.rejected(rejection);
    }
  }

  /** Reference price of an order at a point of a bar, or undefined when it does not fill there. */
  private reference(o: Order, point: FillPoint, bars: BarSeries, b: number): number | undefined {
    // The open is read only where it is the price (a market-on-close order never touches the open column).
    switch (o.type) {
      case 'market-on-open':
        return point === 'open' ? bars.open[b]! : undefined;
      case 'market-on-close':
        return point === 'close' ? bars.close[b]! : undefined;
      case 'limit': {
        const l = o.limitPrice!;
        if (point === 'open') {
          const open = bars.open[b]!;
          return (o.side === 'buy' ? open <= l : open >= l) ? open : undefined;
        }
        if (point === 'intraday') return (o.side === 'buy' ? bars.low[b]! <= l : bars.high[b]! >= l) ? l : undefined;
        return undefined;
      }
      case 'stop': {
        const st = o.stopPrice!;
        if (point === 'open') {
          const open = bars.open[b]!;
          return (o.side === 'buy' ? open >= st : open <= st) ? open : undefined;
        }
        if (point === 'intraday') return (o.side === 'buy' ? bars.high[b]! >= st : bars.low[b]! <= st) ? st : undefined;
        return undefined;
      }
    }
  }

  /** Fills an order into `last` and the portfolio, or returns why it cannot be afforded. */
  private execute(w: Working, at: FillPoint, ref: number, bars: BarSeries, b: number, when: When): Rejection | undefined {
    const o = w.order;
    const q = o.quantity;
    // A limit guarantees its price: no slippage on limit fills. The range is read only when slippage needs it.
    const sc = this.opts.costs.slippage;
    const slip = o.type === 'limit' || sc === undefined || sc.type === 'none' ? 0 : slippagePerShare(sc, ref, bars.high[b]!, bars.low[b]!);
    const price = o.side === 'buy' ? ref + slip : ref - slip;
    const commission = commissionOf(this.opts.costs.commission, q, price);
    const bad = this.afford(w.sym, o, price, commission);
    if (bad !== undefined) {
      return { orderId: o.id, request: requestOf(o), code: bad.code, message: bad.message, ts: when.ts, session: when.session, date: when.date };
    }
    const fill = this.last;
    fill.orderId = o.id;
    fill.sym = w.sym;
    fill.symbol = o.symbol;
    fill.side = o.side;
    fill.quantity = q;
    fill.price = price;
    fill.referencePrice = ref;
    fill.commission = commission;
    fill.slippage = slip * q;
    fill.ts = when.ts;
    fill.session = when.session;
    fill.date = when.date;
    fill.at = at;
    fill.type = o.type;
    fill.reason = o.reason;
    fill.eventId = o.eventId;
    this.portfolio.applyFill(w.sym, fill);
    return undefined;
  }

  /** Why a fill cannot be afforded, or undefined. Fills that only reduce a position are always allowed. */
  private afford(sym: number, o: Order, price: number, commission: number): { code: RejectCode; message: string } | undefined {
    const pf = this.portfolio;
    const q0 = pf.quantity(sym);
    const dq = o.side === 'buy' ? o.quantity : -o.quantity;
    const q1 = q0 + dq;
    if (Math.abs(q1) <= Math.abs(q0) && Math.sign(q1) * Math.sign(q0) >= 0) return undefined;
    if (q1 < 0 && !this.opts.allowShort) return { code: 'SHORT_NOT_ALLOWED', message: `selling ${o.quantity} ${o.symbol} would open a short, and shorts are not allowed in this run` };
    const cash1 = pf.cash - dq * price - commission;
    const m = this.opts.margin;
    // Without margin, a long-only book stays within equity whenever cash stays ≥ 0: each position's value is its
    // gross exposure, so the sums below are the same floating-point numbers and equity1 ≥ gross1 exactly (both
    // add the same terms, equity1 one more that is ≥ 0; rounding is monotonic). The loop over positions is skipped.
    if (m === undefined && cash1 >= 0 && q1 >= 0 && price >= 0 && pf.longOnlyNonNegative()) return undefined;
    const others = pf.grossExcept(sym);
    const gross1 = others.gross + Math.abs(q1 * price);
    const equity1 = cash1 + others.value + q1 * price;
    if (m !== undefined) {
      if (gross1 > m.maxGrossLeverage * equity1 + EPS) {
        return { code: 'MARGIN_EXCEEDED', message: `gross exposure ${gross1.toFixed(2)} would exceed ${m.maxGrossLeverage} × equity ${equity1.toFixed(2)}` };
      }
      return undefined;
    }
    if (cash1 < -EPS) return { code: 'INSUFFICIENT_CASH', message: `${o.side} ${o.quantity} ${o.symbol} at ${price.toFixed(4)} needs ${(dq * price + commission).toFixed(2)} but cash is ${pf.cash.toFixed(2)} (no margin configured)` };
    if (gross1 > equity1 + EPS) return { code: 'INSUFFICIENT_CASH', message: `gross exposure ${gross1.toFixed(2)} would exceed equity ${equity1.toFixed(2)} (no margin configured)` };
    return undefined;
  }

  /** Day orders that worked in session `s` expire at its end. */
  expireDay(s: number): void {
    if (this.working.length === 0) return;
    this.working = this.working.filter((w) => {
      if (w.order.tif === 'day' && w.activeFrom <= s) {
        w.order.status = 'expired';
        return false;
      }
      return true;
    });
  }

  /** Rejection for an invalid request. */
  rejection(order: Order, code: RejectCode, message: string, when: When): Rejection {
    return { orderId: order.id, request: requestOf(order), code, message, ts: when.ts, session: when.session, date: when.date };
  }
}

function requestOf(o: Order): OrderRequest {
  const { id: _id, submittedTs: _t, submittedSession: _s, status: _st, ...req } = o;
  return req;
}

/** An order record with one fixed shape (optional fields present only when given). */
function toOrder(req: OrderRequest, id: number, when: When): Order {
  const o: { -readonly [K in keyof Order]: Order[K] } = {
    id,
    symbol: req.symbol,
    side: req.side,
    quantity: req.quantity,
    type: req.type,
    tif: req.tif ?? 'day',
    submittedTs: when.ts,
    submittedSession: when.session,
    status: 'working',
  };
  if (req.limitPrice !== undefined) o.limitPrice = req.limitPrice;
  if (req.stopPrice !== undefined) o.stopPrice = req.stopPrice;
  if (req.reason !== undefined) o.reason = req.reason;
  if (req.eventId !== undefined) o.eventId = req.eventId;
  return o;
}
