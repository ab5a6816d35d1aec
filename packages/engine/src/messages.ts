import type { Day0, EventBase, IsoDate, MarketEvent } from '@aftershock/core';
import type { Fill, Rejection } from './orders';

/** The four moments of a session at which the engine speaks. */
export type Phase = 'pre-open' | 'open' | 'close' | 'post-close';
export const PHASES: readonly Phase[] = ['pre-open', 'open', 'close', 'post-close'];

/**
 * Priority of a message among those with the same timestamp (lower first):
 * - `dividend`: paid before the pre-open message of the ex-date;
 * - `fill`: fills decided before a phase message (market-on-open and gaps at the open, limit/stop fills inside
 *   the bar at the close) — and orders rejected when they would have filled there;
 * - `session`: the phase message itself;
 * - `auctionFill`: market-on-close fills, after the close message that prompted them (and their rejections);
 * - `reject`: orders rejected on submission, answered after everything else at that instant.
 */
export const PRIORITY = {
  dividend: 0,
  fill: 1,
  session: 2,
  auctionFill: 3,
  reject: 4,
} as const;

/**
 * The bars of one session, LEAN's `Slice`: entries [start, end) of `symbols` (index into the run's universe) and
 * `bars` (index into that symbol's BarSeries). Loop over it in plain code:
 * @example
 * for (let k = slice.start; k < slice.end; k++) {
 *   const view = ctx.series(slice.symbols[k]!);
 *   const c = view.close(slice.bars[k]!); // throws in the open phase: only the open is known then
 * }
 */
export interface BarSlice {
  readonly start: number;
  readonly end: number;
  readonly symbols: Int32Array;
  readonly bars: Int32Array;
}

/** What is public about an event before its release: its date, timing and day 0, but none of its numbers. */
export interface ScheduledEvent
  extends Pick<EventBase, 'id' | 'symbol' | 'kind' | 'date' | 'timing' | 'tsKnown' | 'tsEvent' | 'tags' | 'related'> {
  /** Earnings: the fiscal period the report will cover (known with the date). */
  readonly fiscalPeriod?: string;
  /** Lock-up expiry: the prospectus terms, public from the IPO on. */
  readonly lockup?: {
    readonly ipoDate: IsoDate;
    readonly confirmed: boolean;
    readonly lockupDays?: number;
    readonly offerPrice?: number;
    readonly sharesUnlockedPct?: number;
  };
}

/** An event's date became public: the numbers are not in it. */
export interface ScheduledNotice {
  readonly stage: 'scheduled';
  readonly ts: number;
  readonly seq: number;
  readonly event: ScheduledEvent;
  /** Day 0 by the one rule of core (`resolveDay0`). */
  readonly day0: Day0;
}

/** An event was released: from now on its numbers (EPS, revenue, surprise …) are public. */
export interface ReleasedNotice {
  readonly stage: 'released';
  readonly ts: number;
  readonly seq: number;
  readonly event: MarketEvent;
  readonly day0: Day0;
}

export type EventNotice = ScheduledNotice | ReleasedNotice;

interface MessageBase {
  /** Simulated time, epoch ms. */
  readonly ts: number;
  /** Tie-break among equal `ts` (see PRIORITY). */
  readonly priority: number;
  /** Insertion index in this run: the last tie-break, so the order is total. */
  readonly seq: number;
  /** Calendar ordinal of the session this message belongs to. */
  readonly session: number;
  readonly date: IsoDate;
}

/**
 * One phase of one session. `slice` holds the session's bars: empty at pre-open; at the open only the opens are
 * readable; at the close and post-close the full bars. `events` are the notices that became public since the
 * previous phase message (ts in (previous phase, this phase]).
 */
export interface SessionMessage extends MessageBase {
  readonly type: 'session';
  readonly phase: Phase;
  readonly slice: BarSlice;
  readonly events: readonly EventNotice[];
  /** Set on the last message of the run (the last post-close). */
  readonly last: boolean;
}

export interface FillMessage extends MessageBase {
  readonly type: 'fill';
  readonly fill: Fill;
}

export interface RejectMessage extends MessageBase {
  readonly type: 'reject';
  readonly rejection: Rejection;
}

/** A dividend paid (long) or charged (short) on its ex-date. `amount` is the cash effect (negative for shorts). */
export interface DividendMessage extends MessageBase {
  readonly type: 'dividend';
  readonly symbol: string;
  readonly perShare: number;
  readonly quantity: number;
  readonly amount: number;
}

export type EngineMessage = SessionMessage | FillMessage | RejectMessage | DividendMessage;

/** The one total order of everything the engine emits: by time, then priority, then insertion index. */
export function compareMessages(a: { ts: number; priority: number; seq: number }, b: { ts: number; priority: number; seq: number }): number {
  return a.ts - b.ts || a.priority - b.priority || a.seq - b.seq;
}
