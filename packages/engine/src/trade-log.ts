import type { IsoDate } from '@aftershock/core';
import type { Trade } from './results';
import { objectArray } from './object-array';
import { grown } from './grown';

/** Per round trip, the running sums (in this order in the number columns). */
const MAX_QTY = 0;
const ENTRY_QTY = 1;
const ENTRY_NOTIONAL = 2;
const EXIT_QTY = 3;
const EXIT_NOTIONAL = 4;
const REALIZED = 5;
const COMMISSION = 6;
const SLIPPAGE = 7;
const BORROW = 8;
const DIVIDEND = 9;
const NUMS = 10;
const INTS = 3;

/**
 * The run's round trips as typed columns while they run (trade id = index + 1): the portfolio adds to their sums
 * in place, and `Trade` objects are made only when the trades are read. Sums are the same floating-point
 * operations on the same numbers as on objects, so every figure is the same.
 */
export class TradeLog {
  private n = 0;
  private num = new Float64Array(0);
  /** Per trade: universe index, entry session, exit session (−1 while open). */
  private ints = new Int32Array(0);
  private dir = new Uint8Array(0);
  private readonly entryReasons = objectArray<string | undefined>();
  private readonly exitReasons = objectArray<string | undefined>();
  private readonly eventIds = objectArray<string | undefined>();

  constructor(
    private readonly symbols: readonly string[],
    /** The calendar (its `date` of a session: a method, the same call target in every run). */
    private readonly dates: { date(session: number): IsoDate },
  ) {}

  get length(): number {
    return this.n;
  }

  /** Opens a round trip; returns its index. */
  open(sym: number, short: boolean, session: number, reason: string | undefined, eventId: string | undefined): number {
    const j = this.n;
    if (j === this.dir.length) this.grow(Math.max(64, j * 2));
    this.num.fill(0, j * NUMS, (j + 1) * NUMS);
    this.ints[j * INTS] = sym;
    this.ints[j * INTS + 1] = session;
    this.ints[j * INTS + 2] = -1;
    this.dir[j] = short ? 1 : 0;
    this.entryReasons.push(reason);
    this.exitReasons.push(undefined);
    this.eventIds.push(eventId);
    this.n = j + 1;
    return j;
  }

  private grow(cap: number): void {
    this.num = grown(this.num, cap * NUMS);
    this.ints = grown(this.ints, cap * INTS);
    this.dir = grown(this.dir, cap);
  }

  eventId(j: number): string | undefined {
    return this.eventIds[j];
  }

  /** A fill's part that adds to the position: quantity at price, its share of commission and slippage. */
  entered(j: number, qty: number, price: number, heldAfter: number, commissionShare: number, slippageShare: number): void {
    const x = j * NUMS;
    const a = this.num;
    a[x + ENTRY_QTY] = a[x + ENTRY_QTY]! + qty;
    a[x + ENTRY_NOTIONAL] = a[x + ENTRY_NOTIONAL]! + qty * price;
    a[x + MAX_QTY] = Math.max(a[x + MAX_QTY]!, heldAfter);
    a[x + COMMISSION] = a[x + COMMISSION]! - commissionShare;
    a[x + SLIPPAGE] = a[x + SLIPPAGE]! - slippageShare;
  }

  /** A fill's part that reduces the position: quantity at price, the P&L it realises, its share of costs. */
  exited(j: number, qty: number, price: number, realized: number, commissionShare: number, slippageShare: number): void {
    const x = j * NUMS;
    const a = this.num;
    a[x + REALIZED] = a[x + REALIZED]! + realized;
    a[x + EXIT_QTY] = a[x + EXIT_QTY]! + qty;
    a[x + EXIT_NOTIONAL] = a[x + EXIT_NOTIONAL]! + qty * price;
    a[x + COMMISSION] = a[x + COMMISSION]! - commissionShare;
    a[x + SLIPPAGE] = a[x + SLIPPAGE]! - slippageShare;
  }

  /** The round trip is flat again at `session`. */
  closed(j: number, session: number, reason: string | undefined): void {
    this.ints[j * INTS + 2] = session;
    if (reason !== undefined) this.exitReasons[j] = reason;
  }

  /** A borrow fee or a dividend attributed to the round trip. */
  charged(j: number, kind: 'borrow' | 'dividend', amount: number): void {
    const x = j * NUMS + (kind === 'borrow' ? BORROW : DIVIDEND);
    this.num[x] = this.num[x]! + amount;
  }

  /**
   * Round trip `j` as a `Trade`: `unrealized` is the open position's P&L at its last price (0 once closed), and an
   * open one is held to `lastSession`.
   */
  trade(j: number, unrealized: number, lastSession: number): Trade {
    const a = this.num;
    const x = j * NUMS;
    const entrySession = this.ints[j * INTS + 1]!;
    const exitSession = this.ints[j * INTS + 2]!;
    const open = exitSession < 0;
    const costs = { commission: a[x + COMMISSION]!, slippage: a[x + SLIPPAGE]!, borrow: a[x + BORROW]!, dividend: a[x + DIVIDEND]! };
    const pnl = a[x + REALIZED]! + unrealized + costs.commission + costs.borrow + costs.dividend;
    const grossPnl = pnl - costs.commission - costs.slippage - costs.borrow - costs.dividend;
    const entryNotional = a[x + ENTRY_NOTIONAL]!;
    const out: { -readonly [K in keyof Trade]: Trade[K] } = {
      id: j + 1,
      symbol: this.symbols[this.ints[j * INTS]!]!,
      direction: this.dir[j] === 1 ? 'short' : 'long',
      quantity: a[x + MAX_QTY]!,
      entryDate: this.dates.date(entrySession),
      entrySession,
      entryPrice: entryNotional / a[x + ENTRY_QTY]!,
      grossPnl,
      pnl,
      costs,
      returnPct: entryNotional > 0 ? pnl / entryNotional : 0,
      // Sessions from the entry through the exit, both counted (hold K shows K); an open one to the last session.
      sessionsHeld: (open ? lastSession : exitSession) - entrySession + 1,
      open,
    };
    if (!open) {
      out.exitDate = this.dates.date(exitSession);
      out.exitSession = exitSession;
      out.exitPrice = a[x + EXIT_NOTIONAL]! / a[x + EXIT_QTY]!;
    }
    const entryReason = this.entryReasons[j];
    const exitReason = this.exitReasons[j];
    const eventId = this.eventIds[j];
    if (entryReason !== undefined) out.entryReason = entryReason;
    if (exitReason !== undefined) out.exitReason = exitReason;
    if (eventId !== undefined) out.eventId = eventId;
    return out;
  }
}
