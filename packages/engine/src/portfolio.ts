import type { IsoDate } from '@aftershock/core';
import type { Fill } from './orders';
import type { CostItem, CostKind, CostTotals, EquityPoint, PositionSnapshot, Trade } from './results';

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

interface Pos {
  readonly sym: number;
  readonly symbol: string;
  qty: number;
  avg: number;
  realized: number;
  last: number;
  trade: OpenTrade | undefined;
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
  readonly positions = new Map<number, Pos>();
  readonly costs: CostItem[] = [];
  readonly closedTrades: Trade[] = [];
  readonly equity: EquityPoint[] = [];
  private nextTradeId = 1;

  constructor(readonly initialCash: number) {
    this.cash = initialCash;
  }

  quantity(sym: number): number {
    return this.positions.get(sym)?.qty ?? 0;
  }

  /** Cash + Σ quantity × last price. */
  equityNow(): number {
    let e = this.cash;
    for (const p of this.positions.values()) e += p.qty * p.last;
    return e;
  }

  /** Σ |quantity × last| over positions other than `except`. */
  grossExcept(except: number): { gross: number; value: number } {
    let gross = 0;
    let value = 0;
    for (const p of this.positions.values()) {
      if (p.sym === except) continue;
      gross += Math.abs(p.qty * p.last);
      value += p.qty * p.last;
    }
    return { gross, value };
  }

  mark(sym: number, price: number): void {
    const p = this.positions.get(sym);
    if (p !== undefined) p.last = price;
  }

  private costItem(kind: CostKind, symbol: string, amount: number, when: When, extra: { orderId?: number; eventId?: string; note?: string } = {}): void {
    this.costs.push({ kind, symbol, amount, ts: when.ts, session: when.session, date: when.date, ...extra });
  }

  /** A cash flow that is a cost line (borrow, dividend): changes cash, itemised, attributed to the open trade. */
  charge(kind: 'borrow' | 'dividend', sym: number, amount: number, when: When, note: string): void {
    const p = this.positions.get(sym);
    if (p === undefined) return;
    this.cash += amount;
    this.costItem(kind, p.symbol, amount, when, { ...(p.trade?.eventId !== undefined ? { eventId: p.trade.eventId } : {}), note });
    if (p.trade !== undefined) p.trade[kind] += amount;
  }

  applyFill(sym: number, f: Fill): void {
    const dq = f.side === 'buy' ? f.quantity : -f.quantity;
    this.cash -= dq * f.price + f.commission;
    const ids = { orderId: f.orderId, ...(f.eventId !== undefined ? { eventId: f.eventId } : {}) };
    if (f.commission > 0) this.costItem('commission', f.symbol, -f.commission, f, ids);
    if (f.slippage > 0) this.costItem('slippage', f.symbol, -f.slippage, f, { ...ids, note: `${f.quantity} × |${f.price} − ${f.referencePrice}|` });
    let p = this.positions.get(sym);
    if (p === undefined) {
      p = { sym, symbol: f.symbol, qty: 0, avg: 0, realized: 0, last: f.price, trade: undefined };
      this.positions.set(sym, p);
    }
    let rest = dq;
    const total = Math.abs(dq);
    if (p.qty !== 0 && Math.sign(p.qty) !== Math.sign(dq)) {
      const closeQty = Math.min(total, Math.abs(p.qty));
      const share = closeQty / total;
      const realized = closeQty * (f.price - p.avg) * Math.sign(p.qty);
      p.realized += realized;
      const t = p.trade!;
      t.realized += realized;
      t.exitQty += closeQty;
      t.exitNotional += closeQty * f.price;
      t.commission -= f.commission * share;
      t.slippage -= f.slippage * share;
      p.qty += Math.sign(dq) * closeQty;
      rest = dq - Math.sign(dq) * closeQty;
      if (Math.abs(p.qty) < EPS) {
        p.qty = 0;
        p.avg = 0;
        t.exitDate = f.date;
        t.exitSession = f.session;
        if (f.reason !== undefined) t.exitReason = f.reason;
        this.closedTrades.push(this.toTrade(t, 0, false));
        p.trade = undefined;
      }
    }
    if (Math.abs(rest) > EPS) {
      const share = Math.abs(rest) / total;
      if (p.trade === undefined) {
        p.trade = {
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
          ...(f.reason !== undefined ? { entryReason: f.reason } : {}),
          ...(f.eventId !== undefined ? { eventId: f.eventId } : {}),
          realized: 0,
          commission: 0,
          slippage: 0,
          borrow: 0,
          dividend: 0,
        };
      }
      const t = p.trade;
      const q = Math.abs(p.qty);
      p.avg = (q * p.avg + Math.abs(rest) * f.price) / (q + Math.abs(rest));
      p.qty += rest;
      t.entryQty += Math.abs(rest);
      t.entryNotional += Math.abs(rest) * f.price;
      t.maxQty = Math.max(t.maxQty, Math.abs(p.qty));
      t.commission -= f.commission * share;
      t.slippage -= f.slippage * share;
    }
    p.last = f.price;
    if (p.qty === 0 && p.trade === undefined) this.positions.delete(sym);
  }

  private toTrade(t: OpenTrade, unrealized: number, open: boolean): Trade {
    const costs = { commission: t.commission, slippage: t.slippage, borrow: t.borrow, dividend: t.dividend };
    const pnl = t.realized + unrealized + t.commission + t.borrow + t.dividend;
    const grossPnl = pnl - costs.commission - costs.slippage - costs.borrow - costs.dividend;
    return {
      id: t.id,
      symbol: t.symbol,
      direction: t.direction,
      quantity: t.maxQty,
      entryDate: t.entryDate,
      entrySession: t.entrySession,
      entryPrice: t.entryNotional / t.entryQty,
      ...(t.exitDate !== undefined ? { exitDate: t.exitDate, exitSession: t.exitSession!, exitPrice: t.exitNotional / t.exitQty } : {}),
      ...(t.entryReason !== undefined ? { entryReason: t.entryReason } : {}),
      ...(t.exitReason !== undefined ? { exitReason: t.exitReason } : {}),
      ...(t.eventId !== undefined ? { eventId: t.eventId } : {}),
      grossPnl,
      pnl,
      costs,
      returnPct: t.entryNotional > 0 ? pnl / t.entryNotional : 0,
      sessionsHeld: (t.exitSession ?? t.entrySession) - t.entrySession,
      open,
    };
  }

  /** Closed trades and the open ones (marked at the last price), by id. */
  trades(lastSession: number): Trade[] {
    const open: Trade[] = [];
    for (const p of this.positions.values()) {
      if (p.trade === undefined) continue;
      const t = this.toTrade(p.trade, p.qty * (p.last - p.avg), true);
      open.push({ ...t, sessionsHeld: lastSession - t.entrySession });
    }
    return [...this.closedTrades, ...open].sort((a, b) => a.id - b.id);
  }

  snapshot(p: Pos): PositionSnapshot {
    return {
      symbol: p.symbol,
      quantity: p.qty,
      avgCost: p.avg,
      lastPrice: p.last,
      marketValue: p.qty * p.last,
      realizedPnl: p.realized,
      unrealizedPnl: p.qty * (p.last - p.avg),
    };
  }

  snapshots(): PositionSnapshot[] {
    const out: PositionSnapshot[] = [];
    for (const p of this.positions.values()) if (p.qty !== 0) out.push(this.snapshot(p));
    return out;
  }

  costTotals(): CostTotals {
    const t = { commission: 0, slippage: 0, borrow: 0, dividend: 0 };
    for (const c of this.costs) t[c.kind] += c.amount;
    return { ...t, total: t.commission + t.slippage + t.borrow + t.dividend };
  }

  recordEquity(session: number, date: IsoDate, benchmark: number | undefined): void {
    let value = 0;
    for (const p of this.positions.values()) value += p.qty * p.last;
    this.equity.push({ session, date, cash: this.cash, positionsValue: value, equity: this.cash + value, ...(benchmark !== undefined ? { benchmark } : {}) });
  }
}
