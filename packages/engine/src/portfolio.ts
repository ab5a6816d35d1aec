import type { IsoDate } from '@aftershock/core';
import { CostLog, KIND, NOTE } from './cost-log';
import type { FillRecord } from './fill-log';
import { TradeLog } from './trade-log';
import type { CostTotals, EquityPoint, PositionSnapshot, Trade } from './results';
import { objectArray } from './object-array';
import { EquityPointObject } from './kept-objects';

const EPS = 1e-9;

export interface When {
  readonly ts: number;
  readonly session: number;
  readonly date: IsoDate;
}

/**
 * Cash, positions (signed quantities, average cost), itemised costs and round-trip trades. Every change of
 * equity goes through `applyFill` or `charge`, so gross P&L + Σ cost amounts = equity change, to the cent.
 */
export class Portfolio {
  cash: number;
  /** Signed quantity, average cost, last price and realised P&L per universe index (typed: no allocation per mark). */
  readonly qty: Float64Array;
  readonly avg: Float64Array;
  readonly last: Float64Array;
  readonly realized: Float64Array;
  /**
   * Universe indices of open positions in the order they were opened, with −1 where a position closed since the
   * last compaction: closing one writes one slot instead of searching and shifting the list (a run closes
   * thousands), and the list is compacted, in order, when it is next read.
   */
  private readonly heldList: number[] = [];
  /** Per universe index, its slot in `heldList` while it is held. */
  private readonly heldAt: Int32Array;
  /** Closed slots in `heldList` not yet compacted. */
  private holes = 0;
  /** Per universe index, the index of its open round trip in `tradeLog`, or −1. */
  private readonly trade: Int32Array;
  /** Every round trip, as columns (made into Trade objects when read). */
  private readonly tradeLog: TradeLog;
  private readonly isHeld: Uint8Array;
  /** Every cost line, as columns (made into CostItem objects when read). */
  readonly costLog: CostLog;
  readonly equity = objectArray<EquityPoint>();
  /** Open short positions. */
  private shorts = 0;
  /** Set for good once a position was marked or filled at a negative (or NaN) price. */
  negativeMark = false;

  constructor(
    readonly initialCash: number,
    private readonly symbols: readonly string[],
    dates: { date(session: number): IsoDate },
  ) {
    this.cash = initialCash;
    this.costLog = new CostLog(symbols, dates);
    const n = symbols.length;
    this.qty = new Float64Array(n);
    this.avg = new Float64Array(n);
    this.last = new Float64Array(n);
    this.realized = new Float64Array(n);
    this.isHeld = new Uint8Array(n);
    this.heldAt = new Int32Array(n);
    this.trade = new Int32Array(n).fill(-1);
    this.tradeLog = new TradeLog(symbols, dates);
  }

  /** Universe indices of open positions, in the order they were opened. */
  get held(): readonly number[] {
    if (this.holes > 0) this.compact();
    return this.heldList;
  }

  private compact(): void {
    const h = this.heldList;
    let j = 0;
    for (let i = 0; i < h.length; i++) {
      const k = h[i]!;
      if (k < 0) continue;
      this.heldAt[k] = j;
      h[j++] = k;
    }
    while (h.length > j) h.pop();
    this.holes = 0;
  }

  quantity(sym: number): number {
    return this.qty[sym]!;
  }

  /** Cash + Σ quantity × last price. */
  equityNow(): number {
    let e = this.cash;
    const h = this.held;
    for (let i = 0; i < h.length; i++) e += this.qty[h[i]!]! * this.last[h[i]!]!;
    return e;
  }

  /** True when every open position is long at a last price ≥ 0 (then its value equals its gross exposure). */
  longOnlyNonNegative(): boolean {
    return this.shorts === 0 && !this.negativeMark;
  }

  /** Σ |quantity × last| and Σ quantity × last over positions other than `except`. */
  grossExcept(except: number): { gross: number; value: number } {
    let gross = 0;
    let value = 0;
    const h = this.held;
    for (let i = 0; i < h.length; i++) {
      const k = h[i]!;
      if (k === except) continue;
      const v = this.qty[k]! * this.last[k]!;
      gross += Math.abs(v);
      value += v;
    }
    return { gross, value };
  }

  /**
   * A cash flow that is a cost line (borrow, dividend): changes cash, itemised, attributed to the open trade. The
   * note is written from `a`–`d` when the line is read: borrow (days, annual rate, day-count basis, value),
   * dividend (quantity, per share).
   */
  charge(kind: 'borrow' | 'dividend', sym: number, amount: number, when: When, a: number, b: number, c = 0, d = 0): void {
    if (this.isHeld[sym] === 0) return;
    const t = this.trade[sym]!;
    this.cash += amount;
    this.costLog.append(KIND[kind], sym, amount, when.ts, when.session, 0, t >= 0 ? this.tradeLog.eventId(t) : undefined, kind === 'borrow' ? NOTE.borrow : NOTE.dividend, a, b, c, d);
    if (t >= 0) this.tradeLog.charged(t, kind, amount);
  }

  applyFill(sym: number, f: FillRecord): void {
    const dq = f.side === 'buy' ? f.quantity : -f.quantity;
    this.cash -= dq * f.price + f.commission;
    if (f.commission > 0 || f.slippage > 0) {
      if (f.commission > 0) this.costLog.append(KIND.commission, sym, -f.commission, f.ts, f.session, f.orderId, f.eventId, NOTE.none);
      if (f.slippage > 0) this.costLog.append(KIND.slippage, sym, -f.slippage, f.ts, f.session, f.orderId, f.eventId, NOTE.slippage, f.quantity, f.price, f.referencePrice);
    }
    if (this.isHeld[sym] === 0) {
      this.isHeld[sym] = 1;
      this.heldAt[sym] = this.heldList.length;
      this.heldList.push(sym);
    }
    const qty = this.qty;
    const avg = this.avg;
    let rest = dq;
    const total = Math.abs(dq);
    const q0 = qty[sym]!;
    if (q0 !== 0 && Math.sign(q0) !== Math.sign(dq)) {
      const closeQty = Math.min(total, Math.abs(q0));
      const share = closeQty / total;
      const realized = closeQty * (f.price - avg[sym]!) * Math.sign(q0);
      this.realized[sym] = this.realized[sym]! + realized;
      const t = this.trade[sym]!;
      this.tradeLog.exited(t, closeQty, f.price, realized, f.commission * share, f.slippage * share);
      qty[sym] = q0 + Math.sign(dq) * closeQty;
      rest = dq - Math.sign(dq) * closeQty;
      if (Math.abs(qty[sym]!) < EPS) {
        qty[sym] = 0;
        avg[sym] = 0;
        this.tradeLog.closed(t, f.session, f.reason);
        this.trade[sym] = -1;
      }
    }
    if (Math.abs(rest) > EPS) {
      const share = Math.abs(rest) / total;
      let t = this.trade[sym]!;
      if (t < 0) {
        t = this.tradeLog.open(sym, rest < 0, f.session, f.reason, f.eventId);
        this.trade[sym] = t;
      }
      const q = Math.abs(qty[sym]!);
      avg[sym] = (q * avg[sym]! + Math.abs(rest) * f.price) / (q + Math.abs(rest));
      qty[sym] = qty[sym]! + rest;
      this.tradeLog.entered(t, Math.abs(rest), f.price, Math.abs(qty[sym]!), f.commission * share, f.slippage * share);
    }
    this.last[sym] = f.price;
    if (!(f.price >= 0)) this.negativeMark = true;
    if (q0 < 0) this.shorts--;
    if (qty[sym]! < 0) this.shorts++;
    if (qty[sym] === 0) {
      this.isHeld[sym] = 0;
      this.heldList[this.heldAt[sym]!] = -1;
      this.holes++;
    }
  }

  /** Every round trip by id: the closed ones as they were at their exit, the open ones marked at the last price. */
  trades(lastSession: number): Trade[] {
    const log = this.tradeLog;
    const out = new Array<Trade>(log.length);
    for (let j = 0; j < out.length; j++) out[j] = log.trade(j, 0, lastSession);
    for (const k of this.held) {
      const j = this.trade[k]!;
      if (j >= 0) out[j] = log.trade(j, this.qty[k]! * (this.last[k]! - this.avg[k]!), lastSession);
    }
    return out;
  }

  /** The position of a universe index, or undefined when flat. */
  snapshot(sym: number): PositionSnapshot | undefined {
    const q = this.qty[sym]!;
    if (q === 0) return undefined;
    const last = this.last[sym]!;
    const avg = this.avg[sym]!;
    return { symbol: this.symbols[sym]!, quantity: q, avgCost: avg, lastPrice: last, marketValue: q * last, realizedPnl: this.realized[sym]!, unrealizedPnl: q * (last - avg) };
  }

  snapshots(): PositionSnapshot[] {
    const out: PositionSnapshot[] = [];
    for (const k of this.held) {
      const s = this.snapshot(k);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  costTotals(): CostTotals {
    return this.costLog.totals();
  }

  recordEquity(session: number, date: IsoDate, benchmark: number | undefined): void {
    let value = 0;
    const h = this.held;
    for (let i = 0; i < h.length; i++) value += this.qty[h[i]!]! * this.last[h[i]!]!;
    this.equity.push(new EquityPointObject(session, date, this.cash, value, benchmark));
  }
}
