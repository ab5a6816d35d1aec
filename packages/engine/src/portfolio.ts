import type { IsoDate } from '@aftershock/core';
import { CostLog, KIND, NOTE } from './cost-log';
import type { FillRecord } from './fill-log';
import { removeAt } from './remove-at';
import type { CostTotals, EquityPoint, PositionSnapshot, Trade } from './results';

const EPS = 1e-9;

interface OpenTrade {
  id: number;
  symbol: string;
  direction: 'long' | 'short';
  maxQty: number;
  entryQty: number;
  entryNotional: number;
  exitQty: number;
  exitNotional: number;
  entryDate: IsoDate;
  entrySession: number;
  exitDate?: IsoDate;
  exitSession?: number;
  entryReason?: string;
  exitReason?: string;
  eventId?: string;
  /** Price P&L at execution prices (slippage included). */
  realized: number;
  commission: number;
  slippage: number;
  borrow: number;
  dividend: number;
}

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
  /** Universe indices of open positions, in the order they were opened. */
  readonly held: number[] = [];
  private readonly trade: (OpenTrade | undefined)[];
  private readonly isHeld: Uint8Array;
  /** Every cost line, as columns (made into CostItem objects when read). */
  readonly costLog: CostLog;
  /** Round trips closed so far, as their running records (made into `Trade` objects when asked, see trades). */
  private readonly closed: OpenTrade[] = [];
  readonly equity: EquityPoint[] = [];
  private nextTradeId = 1;
  /** Open short positions. */
  private shorts = 0;
  /** Set for good once a position was marked or filled at a negative (or NaN) price. */
  negativeMark = false;

  constructor(
    readonly initialCash: number,
    private readonly symbols: readonly string[],
    dateOf: (session: number) => IsoDate,
  ) {
    this.cash = initialCash;
    this.costLog = new CostLog(symbols, dateOf);
    const n = symbols.length;
    this.qty = new Float64Array(n);
    this.avg = new Float64Array(n);
    this.last = new Float64Array(n);
    this.realized = new Float64Array(n);
    this.isHeld = new Uint8Array(n);
    this.trade = new Array<OpenTrade | undefined>(n).fill(undefined);
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
    const t = this.trade[sym];
    this.cash += amount;
    this.costLog.append(KIND[kind], sym, amount, when.ts, when.session, 0, t?.eventId, kind === 'borrow' ? NOTE.borrow : NOTE.dividend, a, b, c, d);
    if (t !== undefined) t[kind] += amount;
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
      this.held.push(sym);
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
      t.realized += realized;
      t.exitQty += closeQty;
      t.exitNotional += closeQty * f.price;
      t.commission -= f.commission * share;
      t.slippage -= f.slippage * share;
      qty[sym] = q0 + Math.sign(dq) * closeQty;
      rest = dq - Math.sign(dq) * closeQty;
      if (Math.abs(qty[sym]!) < EPS) {
        qty[sym] = 0;
        avg[sym] = 0;
        t.exitDate = f.date;
        t.exitSession = f.session;
        if (f.reason !== undefined) t.exitReason = f.reason;
        this.closed.push(t);
        this.trade[sym] = undefined;
      }
    }
    if (Math.abs(rest) > EPS) {
      const share = Math.abs(rest) / total;
      let t = this.trade[sym];
      if (t === undefined) {
        t = {
          id: this.nextTradeId++,
          symbol: f.symbol,
          direction: rest > 0 ? 'long' : 'short',
          maxQty: 0,
          entryQty: 0,
          entryNotional: 0,
          exitQty: 0,
          exitNotional: 0,
          entryDate: f.date,
          entrySession: f.session,
          realized: 0,
          commission: 0,
          slippage: 0,
          borrow: 0,
          dividend: 0,
        };
        if (f.reason !== undefined) t.entryReason = f.reason;
        if (f.eventId !== undefined) t.eventId = f.eventId;
        this.trade[sym] = t;
      }
      const q = Math.abs(qty[sym]!);
      avg[sym] = (q * avg[sym]! + Math.abs(rest) * f.price) / (q + Math.abs(rest));
      qty[sym] = qty[sym]! + rest;
      t.entryQty += Math.abs(rest);
      t.entryNotional += Math.abs(rest) * f.price;
      t.maxQty = Math.max(t.maxQty, Math.abs(qty[sym]!));
      t.commission -= f.commission * share;
      t.slippage -= f.slippage * share;
    }
    this.last[sym] = f.price;
    if (!(f.price >= 0)) this.negativeMark = true;
    if (q0 < 0) this.shorts--;
    if (qty[sym]! < 0) this.shorts++;
    if (qty[sym] === 0) {
      this.isHeld[sym] = 0;
      removeAt(this.held, this.held.indexOf(sym));
    }
  }

  private toTrade(t: OpenTrade, unrealized: number, open: boolean): Trade {
    const costs = { commission: t.commission, slippage: t.slippage, borrow: t.borrow, dividend: t.dividend };
    const pnl = t.realized + unrealized + t.commission + t.borrow + t.dividend;
    const grossPnl = pnl - costs.commission - costs.slippage - costs.borrow - costs.dividend;
    const out: { -readonly [K in keyof Trade]: Trade[K] } = {
      id: t.id,
      symbol: t.symbol,
      direction: t.direction,
      quantity: t.maxQty,
      entryDate: t.entryDate,
      entrySession: t.entrySession,
      entryPrice: t.entryNotional / t.entryQty,
      grossPnl,
      pnl,
      costs,
      returnPct: t.entryNotional > 0 ? pnl / t.entryNotional : 0,
      sessionsHeld: sessionsHeld(t.entrySession, t.exitSession ?? t.entrySession),
      open,
    };
    if (t.exitDate !== undefined) {
      out.exitDate = t.exitDate;
      out.exitSession = t.exitSession!;
      out.exitPrice = t.exitNotional / t.exitQty;
    }
    if (t.entryReason !== undefined) out.entryReason = t.entryReason;
    if (t.exitReason !== undefined) out.exitReason = t.exitReason;
    if (t.eventId !== undefined) out.eventId = t.eventId;
    return out;
  }

  /** Closed trades and the open ones (marked at the last price), by id. */
  trades(lastSession: number): Trade[] {
    const open: Trade[] = [];
    for (const k of this.held) {
      const t = this.trade[k];
      if (t === undefined) continue;
      const tr = this.toTrade(t, this.qty[k]! * (this.last[k]! - this.avg[k]!), true);
      open.push({ ...tr, sessionsHeld: sessionsHeld(tr.entrySession, lastSession) });
    }
    // A closed record no longer changes: made into its Trade now, it is what it was at its exit.
    const closed = this.closed.map((t) => this.toTrade(t, 0, false));
    // Trade ids run 1, 2, 3 … in opening order, each closed or open: placing each at its id orders them
    // without a sort.
    const n = closed.length + open.length;
    if (n !== this.nextTradeId - 1) return [...closed, ...open].sort((a, b) => a.id - b.id);
    const out = new Array<Trade>(n);
    for (const t of closed) out[t.id - 1] = t;
    for (const t of open) out[t.id - 1] = t;
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
    const p: { -readonly [K in keyof EquityPoint]: EquityPoint[K] } = { session, date, cash: this.cash, positionsValue: value, equity: this.cash + value };
    if (benchmark !== undefined) p.benchmark = benchmark;
    this.equity.push(p);
  }
}

/** Sessions from the entry session through the exit session, both counted (as a strategy's `hold` K: a trade
 * in at the open of one session and out at its close is 1). */
function sessionsHeld(entrySession: number, exitSession: number): number {
  return exitSession - entrySession + 1;
}
