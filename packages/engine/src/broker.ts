import type { BarSeries } from '@aftershock/core';
import { commissionOf, slippagePerShare, type CostConfig } from './costs';
import type { MarginConfig } from './config';
import { fillRecord, type FillRecord } from './fill-log';
import { OrderLog, SIDE, STATUS, TIF, TYPE } from './order-log';
import type { FillPoint, Order, OrderRequest, OrderType, RejectCode, Rejection, Side } from './orders';
import type { Portfolio, When } from './portfolio';
import type { Phase } from './messages';
import { removeAt } from './remove-at';

const EPS = 1e-6;
const TYPES = new Set(['market-on-open', 'market-on-close', 'limit', 'stop']);
const SIDE_NAMES: readonly Side[] = ['buy', 'sell'];
const TYPE_NAMES: readonly OrderType[] = ['market-on-open', 'market-on-close', 'limit', 'stop'];

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
  /** Every order submitted, as columns (see OrderLog). */
  readonly log: OrderLog;
  /** Indices in the log of the working orders, in submission order. */
  private working: number[] = [];
  /** The fill reported last (one record, rewritten by every fill: the sink copies what it keeps). */
  readonly last: FillRecord = fillRecord();

  constructor(
    private readonly portfolio: Portfolio,
    private readonly opts: BrokerOptions,
    symbols: readonly string[],
  ) {
    this.log = new OrderLog(symbols);
  }

  /** Why the order submitted last is invalid (a rejection code and message), or undefined when it was queued. */
  invalid: { code: RejectCode; message: string } | undefined;

  /** Validates and queues an order, and returns its id; when it is invalid, `invalid` says why. */
  submit(req: OrderRequest, sym: number, when: When, phase: Phase | 'init'): number {
    const invalid = this.validate(req, sym);
    this.invalid = invalid;
    const s = when.session;
    const beforeOpen = phase === 'init' || phase === 'pre-open';
    const activeFrom = req.type === 'market-on-close' ? (phase === 'post-close' ? s + 1 : s) : beforeOpen ? s : s + 1;
    const i = this.log.append(req, sym, when.ts, s, activeFrom, invalid === undefined);
    if (invalid === undefined) this.working.push(i);
    return i + 1;
  }

  /** The first `n` orders (default all), in submission order. */
  orders(n = this.log.length): Order[] {
    return this.log.all(n);
  }

  /** Marks order `id` rejected (an order placed after the run ended). */
  reject(id: number): void {
    this.log.setStatus(id - 1, STATUS.rejected);
  }

  private validate(req: OrderRequest, sym: number): { code: RejectCode; message: string } | undefined {
    if (sym < 0) return { code: 'UNKNOWN_SYMBOL', message: `${req.symbol} is not in this run's universe` };
    if (!(req.quantity > 0) || !Number.isFinite(req.quantity)) return { code: 'INVALID_ORDER', message: `quantity must be a positive number of shares, got ${req.quantity}` };
    if (req.side !== 'buy' && req.side !== 'sell') return { code: 'INVALID_ORDER', message: `side must be buy or sell, got ${String(req.side)}` };
    if (!TYPES.has(req.type)) return { code: 'INVALID_ORDER', message: `unknown order type ${String(req.type)}` };
    if (req.tif !== undefined && req.tif !== 'day' && req.tif !== 'gtc') return { code: 'INVALID_ORDER', message: `time in force must be day or gtc, got ${String(req.tif)}` };
    if (req.type === 'limit' && !(typeof req.limitPrice === 'number' && req.limitPrice > 0)) return { code: 'INVALID_ORDER', message: 'a limit order needs a positive limitPrice' };
    if (req.type === 'stop' && !(typeof req.stopPrice === 'number' && req.stopPrice > 0)) return { code: 'INVALID_ORDER', message: 'a stop order needs a positive stopPrice' };
    return undefined;
  }

  cancel(orderId: number): boolean {
    if (typeof orderId !== 'number') return false;
    const k = this.working.indexOf(orderId - 1);
    if (k < 0) return false;
    this.log.setStatus(orderId - 1, STATUS.cancelled);
    this.working.splice(k, 1);
    return true;
  }

  openOrders(symbol?: string): Order[] {
    const out: Order[] = [];
    for (const i of this.working) if (symbol === undefined || this.log.symbolOf(i) === symbol) out.push(this.log.order(i));
    return out;
  }

  get hasWorking(): boolean {
    return this.working.length > 0;
  }

  /**
   * Matches working orders at one point of session `s`. `today[sym]` is the symbol's bar index this session
   * (−1 when it does not trade), `series[sym]` its bars. New orders submitted while outcomes are handled are matched too when eligible.
   */
  match(point: FillPoint, s: number, when: When, today: Int32Array, series: readonly (BarSeries | undefined)[], sink: OutcomeSink): void {
    const log = this.log;
    for (let k = 0; k < this.working.length; ) {
      const i = this.working[k]!;
      const sym = log.sym(i);
      const b = log.activeFrom(i) <= s ? today[sym]! : -1;
      const bars = b < 0 ? undefined : series[sym]!;
      const ref = bars === undefined ? undefined : this.reference(i, point, bars, b);
      if (ref === undefined) {
        k++;
        continue;
      }
      removeAt(this.working, k);
      const rejection = this.execute(i, sym, point, ref, bars!, b, when);
      log.setStatus(i, rejection === undefined ? STATUS.filled : STATUS.rejected);
      if (rejection === undefined) sink.filled(sym);
      else sink.rejected(rejection);
    }
  }

  /** Reference price of order `i` at a point of a bar, or undefined when it does not fill there. */
  private reference(i: number, point: FillPoint, bars: BarSeries, b: number): number | undefined {
    // The open is read only where it is the price (a market-on-close order never touches the open column).
    const log = this.log;
    switch (log.type(i)) {
      case TYPE['market-on-open']:
        return point === 'open' ? bars.open[b]! : undefined;
      case TYPE['market-on-close']:
        return point === 'close' ? bars.close[b]! : undefined;
      case TYPE.limit: {
        const l = log.limitPrice(i);
        const buy = log.side(i) === SIDE.buy;
        if (point === 'open') {
          const open = bars.open[b]!;
          return (buy ? open <= l : open >= l) ? open : undefined;
        }
        if (point === 'intraday') return (buy ? bars.low[b]! <= l : bars.high[b]! >= l) ? l : undefined;
        return undefined;
      }
      default: {
        const st = log.stopPrice(i);
        const buy = log.side(i) === SIDE.buy;
        if (point === 'open') {
          const open = bars.open[b]!;
          return (buy ? open >= st : open <= st) ? open : undefined;
        }
        if (point === 'intraday') return (buy ? bars.high[b]! >= st : bars.low[b]! <= st) ? st : undefined;
        return undefined;
      }
    }
  }

  /** Fills order `i` into `last` and the portfolio, or returns why it cannot be afforded. */
  private execute(i: number, sym: number, at: FillPoint, ref: number, bars: BarSeries, b: number, when: When): Rejection | undefined {
    const log = this.log;
    const q = log.quantity(i);
    const type = log.type(i);
    const side = log.side(i);
    // A limit guarantees its price: no slippage on limit fills. The range is read only when slippage needs it.
    const sc = this.opts.costs.slippage;
    const slip = type === TYPE.limit || sc === undefined || sc.type === 'none' ? 0 : slippagePerShare(sc, ref, bars.high[b]!, bars.low[b]!);
    const price = side === SIDE.buy ? ref + slip : ref - slip;
    const commission = commissionOf(this.opts.costs.commission, q, price);
    const bad = this.afford(sym, i, price, commission);
    if (bad !== undefined) {
      const o = log.order(i);
      return { orderId: o.id, request: requestOf(o), code: bad.code, message: bad.message, ts: when.ts, session: when.session, date: when.date };
    }
    const fill = this.last;
    fill.orderId = i + 1;
    fill.sym = sym;
    fill.symbol = log.symbolOf(i);
    fill.side = SIDE_NAMES[side]!;
    fill.quantity = q;
    fill.price = price;
    fill.referencePrice = ref;
    fill.commission = commission;
    fill.slippage = slip * q;
    fill.ts = when.ts;
    fill.session = when.session;
    fill.date = when.date;
    fill.at = at;
    fill.type = TYPE_NAMES[type]!;
    fill.reason = log.reason(i);
    fill.eventId = log.eventId(i);
    this.portfolio.applyFill(sym, fill);
    return undefined;
  }

  /** Why a fill of order `i` cannot be afforded, or undefined. Fills that only reduce a position are always allowed. */
  private afford(sym: number, i: number, price: number, commission: number): { code: RejectCode; message: string } | undefined {
    const pf = this.portfolio;
    const log = this.log;
    const q0 = pf.quantity(sym);
    const quantity = log.quantity(i);
    const side = SIDE_NAMES[log.side(i)]!;
    const symbol = log.symbolOf(i);
    const dq = side === 'buy' ? quantity : -quantity;
    const q1 = q0 + dq;
    if (Math.abs(q1) <= Math.abs(q0) && Math.sign(q1) * Math.sign(q0) >= 0) return undefined;
    if (q1 < 0 && !this.opts.allowShort) return { code: 'SHORT_NOT_ALLOWED', message: `selling ${quantity} ${symbol} would open a short, and shorts are not allowed in this run` };
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
    if (cash1 < -EPS) return { code: 'INSUFFICIENT_CASH', message: `${side} ${quantity} ${symbol} at ${price.toFixed(4)} needs ${(dq * price + commission).toFixed(2)} but cash is ${pf.cash.toFixed(2)} (no margin configured)` };
    if (gross1 > equity1 + EPS) return { code: 'INSUFFICIENT_CASH', message: `gross exposure ${gross1.toFixed(2)} would exceed equity ${equity1.toFixed(2)} (no margin configured)` };
    return undefined;
  }

  /** Day orders that worked in session `s` expire at its end. */
  expireDay(s: number): void {
    if (this.working.length === 0) return;
    const log = this.log;
    this.working = this.working.filter((i) => {
      if (log.tif(i) === TIF.day && log.activeFrom(i) <= s) {
        log.setStatus(i, STATUS.expired);
        return false;
      }
      return true;
    });
  }

  /** Rejection of order `id` (an invalid request, or one placed after the run ended). */
  rejection(id: number, code: RejectCode, message: string, when: When): Rejection {
    return { orderId: id, request: requestOf(this.log.order(id - 1)), code, message, ts: when.ts, session: when.session, date: when.date };
  }
}

function requestOf(o: Order): OrderRequest {
  const { id: _id, submittedTs: _t, submittedSession: _s, status: _st, ...req } = o;
  return req;
}
