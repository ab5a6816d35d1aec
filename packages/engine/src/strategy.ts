import type { Observable } from 'rxjs';
import type { IsoDate, TradingCalendar } from '@aftershock/core';
import type { EngineMessage, EventNotice, Phase, SessionMessage } from './messages';
import type { Fill, Order, OrderRequest, Rejection } from './orders';
import type { PositionSnapshot } from './results';

/** The simulated clock as a strategy sees it. Before the first session (in `init`) `phase` is `init`. */
export interface Clock {
  readonly ts: number;
  readonly session: number;
  readonly date: IsoDate;
  readonly phase: Phase | 'init';
}

/**
 * One symbol's history up to now, and not beyond: `length` counts the visible bars; reading a bar at or beyond
 * `length` throws `LOOK_AHEAD`, and so does reading anything but `open` of today's bar during the open phase.
 * Indices are the symbol's bar indices (as in a `BarSlice`).
 * @example
 * const v = ctx.series('CRWV');
 * const lastClose = v.close(v.length - 1);
 */
export interface SeriesView {
  readonly symbol: string;
  /** Index in the run's universe. */
  readonly index: number;
  /** Number of visible bars (today's bar counts from the open phase on). */
  readonly length: number;
  /** Number of bars whose close is known. */
  readonly closedLength: number;
  open(i: number): number;
  high(i: number): number;
  low(i: number): number;
  close(i: number): number;
  volume(i: number): number;
  adjClose(i: number): number;
  dividend(i: number): number;
  date(i: number): IsoDate;
  /** Calendar ordinal of bar i. */
  session(i: number): number;
  /** Index of the last visible bar at or before calendar ordinal `s`, or −1. */
  indexAtOrBefore(s: number): number;
  /** A copy of the last `n` known closes (fewer when history is shorter), oldest first. */
  closes(n: number): Float64Array;
}

/** Cash, equity and positions now, marked at the last known prices. */
export interface PortfolioView {
  readonly cash: number;
  readonly equity: number;
  position(symbol: string): PositionSnapshot | undefined;
  positions(): readonly PositionSnapshot[];
}

export interface StrategyContext {
  readonly clock: Clock;
  readonly calendar: TradingCalendar;
  /** Every symbol of the run, in universe order. */
  readonly symbols: readonly string[];
  /** Universe index of a symbol, or −1. */
  symbolIndex(symbol: string): number;
  /** History view of a symbol (by name or universe index) ending now. */
  series(symbol: string | number): SeriesView;
  /** The benchmark's view, when the run has one. */
  readonly benchmark: SeriesView | undefined;
  readonly portfolio: PortfolioView;
  /** Places an order; returns its id. Invalid orders are rejected (onReject) rather than thrown. */
  submit(order: OrderRequest): number;
  /** Cancels a working order; false when it is no longer working. */
  cancel(orderId: number): boolean;
  openOrders(symbol?: string): readonly Order[];
  /** Every event notice public so far (a scheduled event's latest notice), optionally for one symbol. */
  knownEvents(symbol?: string): readonly EventNotice[];
}

/**
 * A strategy: a plain object or a class instance. Every callback is optional. Within one session message the
 * order is: onEvent (each notice), then onSession, then the phase callback (onPreOpen / onOpen / onBar then
 * onSessionClose / onPostClose). Fills, rejections and dividends arrive by their own callbacks, in stream order.
 * @example
 * const buyAndHold: Strategy = {
 *   name: 'buy-and-hold',
 *   onOpen(msg, ctx) { if (!ctx.portfolio.position('SPY')) ctx.submit({ symbol: 'SPY', side: 'buy', quantity: 10, type: 'market-on-close' }); },
 * };
 */
export interface Strategy {
  readonly name: string;
  /** Every message of the stream, before the callback of its type. */
  onMessage?(msg: EngineMessage, ctx: StrategyContext): void;
  /** Before the first session; the views show only bars before the run's start (warm-up history). */
  init?(ctx: StrategyContext): void;
  onEvent?(notice: EventNotice, msg: SessionMessage, ctx: StrategyContext): void;
  /** Every session message, any phase. */
  onSession?(msg: SessionMessage, ctx: StrategyContext): void;
  onPreOpen?(msg: SessionMessage, ctx: StrategyContext): void;
  /** Opens are known; a market-on-open order placed now fills at the next session's open. */
  onOpen?(msg: SessionMessage, ctx: StrategyContext): void;
  /** Close phase: the session's full bars are known. */
  onBar?(msg: SessionMessage, ctx: StrategyContext): void;
  /** Close phase, after onBar: the closing auction; a market-on-close order placed now fills at this close. */
  onSessionClose?(msg: SessionMessage, ctx: StrategyContext): void;
  /** After the close: after-close releases are public now. */
  onPostClose?(msg: SessionMessage, ctx: StrategyContext): void;
  onFill?(fill: Fill, ctx: StrategyContext): void;
  onReject?(rejection: Rejection, ctx: StrategyContext): void;
  /** After the last message. */
  onEnd?(ctx: StrategyContext): void;
}

/** A command from an operator strategy. */
export type Command = { readonly type: 'submit'; readonly order: OrderRequest } | { readonly type: 'cancel'; readonly orderId: number };

/** A strategy as an RxJS operator over the message stream (see `operatorStrategy`). */
export type StrategyOperator = (messages: Observable<EngineMessage>, ctx: StrategyContext) => Observable<Command>;
