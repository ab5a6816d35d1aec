import type { EventNotice, Fill, Rejection, SeriesView, Strategy, StrategyContext } from '@aftershock/engine';
import type { IndicatorFilter } from './filters';
import { filtersPass, indicatorSeries } from './filters';
import type { FillAt, Side } from './trade';
import { visibleBars } from './visible-bars';

/**
 * One planned round trip around an event, in calendar ordinals. Entries and exits fill at the open (a
 * market-on-open order placed at that session's pre-open) or at the close (a market-on-close order placed in
 * that session's closing auction). `side: 'decide'` lets the planner choose at decision time (e.g. follow or fade
 * the day-0 reaction).
 */
export interface TradePlan {
  readonly eventId: string;
  readonly symbol: string;
  readonly side: Side | 'decide';
  readonly entrySession: number;
  readonly entryAt: FillAt;
  readonly exitSession: number;
  readonly exitAt: FillAt;
}

/** What a built-in strategy decides; the executor does the rest (filters, sizing, orders, stops, exits). */
export interface Planner {
  /**
   * A notice (scheduled or released) arrived — or was already public when the run started — : return the trade
   * to plan around it, or null. Plans must follow from the notice alone (not from when it is delivered).
   */
  plan(notice: EventNotice, ctx: StrategyContext): TradePlan | null;
  /**
   * At decision time, with the symbol's view and `i` the last bar complete before the entry session: the side to
   * take, or a reason to skip. Defaults to the plan's side.
   */
  decide?(plan: TradePlan, view: SeriesView, i: number, ctx: StrategyContext): Side | { readonly skip: string };
}

/** Options every event strategy shares. */
export interface ExecutionOptions {
  /** Money per trade; shares = ⌊notional / last close before the entry session⌋ (unless `atrRisk` is set). */
  readonly notional: number;
  readonly filters: readonly IndicatorFilter[];
  /** Stop at this fraction against the entry fill (0.1 = 10%; the `stopPct` parameter is in percent). */
  readonly stopFraction?: number;
  /** Stop at this many ATRs (of `atrPeriod` bars, at decision time) against the entry fill. */
  readonly stopAtr?: number;
  readonly atrPeriod?: number;
  /** ATR sizing: shares = ⌊atrRisk / ATR(atrPeriod)⌋ at decision time, instead of `notional`. */
  readonly atrRisk?: number;
}

type State = 'pending' | 'entering' | 'open' | 'closed' | 'skipped';

interface Live {
  plan: TradePlan;
  state: State;
  side: Side;
  entryOrder: number;
  exitOrder: number;
  stopOrder: number;
  stopDistance: number;
}

/** Why a planned trade did not happen: kept for reports ("3 events skipped: filter failed"). */
export interface SkippedPlan {
  readonly eventId: string;
  readonly symbol: string;
  readonly reason: string;
}

/** An engine Strategy that also reports the plans it skipped. */
export interface EventStrategy extends Strategy {
  readonly skipped: readonly SkippedPlan[];
}

/**
 * Turns a planner into an engine strategy. Rules, the same for every built-in strategy:
 * - one position per symbol at a time: a plan whose symbol is already traded by another plan is skipped ("overlap");
 * - decisions (filters, side, size) read only bars complete **before** the entry session — never its open or close;
 * - a plan whose entry session has passed when it is made is skipped ("late");
 * - the exit flattens whatever the plan holds, at the planned open or close; a stop, when set, is a
 *   good-till-cancelled stop order from the session after the entry, cancelled at the planned exit.
 */
export function eventStrategy(name: string, planner: Planner, opts: ExecutionOptions): EventStrategy {
  const plans = new Map<string, Live>();
  const byOrder = new Map<number, Live>();
  const skipped: SkippedPlan[] = [];

  const skip = (l: Live, reason: string) => {
    l.state = 'skipped';
    skipped.push({ eventId: l.plan.eventId, symbol: l.plan.symbol, reason });
  };
  const busy = (symbol: string, self: Live) => {
    for (const l of plans.values()) if (l !== self && l.plan.symbol === symbol && (l.state === 'entering' || l.state === 'open')) return true;
    return false;
  };

  const enter = (l: Live, ctx: StrategyContext, at: FillAt, session: number) => {
    const { plan } = l;
    const idx = ctx.symbolIndex(plan.symbol);
    if (idx < 0) return skip(l, 'no price data for the symbol');
    const view = ctx.series(idx);
    const i = view.indexAtOrBefore(plan.entrySession - 1);
    if (i < 0) return skip(l, 'no bar before the entry session');
    if (at === 'close') {
      const j = view.indexAtOrBefore(session);
      if (j < 0 || view.session(j) !== session) return skip(l, 'no bar on the entry session');
    }
    if (busy(plan.symbol, l) || (ctx.portfolio.position(plan.symbol)?.quantity ?? 0) !== 0) return skip(l, 'overlap: the symbol is already held');
    let bars;
    if (opts.filters.length > 0 || opts.stopAtr !== undefined || opts.atrRisk !== undefined) bars = visibleBars(view, i);
    if (bars && opts.filters.length > 0 && !filtersPass(bars, opts.filters, i)) return skip(l, 'indicator filter failed');
    let side: Side;
    if (plan.side === 'decide' || planner.decide) {
      const d = planner.decide ? planner.decide(plan, view, i, ctx) : plan.side;
      if (typeof d === 'object') return skip(l, d.skip);
      if (d === 'decide') return skip(l, 'no side decided');
      side = d;
    } else side = plan.side;
    const ref = view.close(i);
    const atr = bars && (opts.stopAtr !== undefined || opts.atrRisk !== undefined) ? indicatorSeries(bars, 'atr', opts.atrPeriod ?? 14)[i]! : NaN;
    let qty: number;
    if (opts.atrRisk !== undefined) qty = atr > 0 ? Math.floor(opts.atrRisk / atr) : 0;
    else qty = ref > 0 ? Math.floor(opts.notional / ref) : 0;
    if (qty <= 0) return skip(l, opts.atrRisk !== undefined && !(atr > 0) ? 'no ATR yet for sizing' : 'size is 0 shares');
    l.side = side;
    if (opts.stopAtr !== undefined) l.stopDistance = Number.isFinite(atr) ? atr * opts.stopAtr : NaN;
    l.state = 'entering';
    l.entryOrder = ctx.submit({
      symbol: plan.symbol,
      side: side === 'long' ? 'buy' : 'sell',
      quantity: qty,
      type: at === 'open' ? 'market-on-open' : 'market-on-close',
      reason: 'entry',
      eventId: plan.eventId,
    });
    byOrder.set(l.entryOrder, l);
  };

  const exit = (l: Live, ctx: StrategyContext, at: FillAt) => {
    if (l.stopOrder >= 0) ctx.cancel(l.stopOrder);
    const q = ctx.portfolio.position(l.plan.symbol)?.quantity ?? 0;
    if (q === 0) {
      l.state = 'closed';
      return;
    }
    l.exitOrder = ctx.submit({
      symbol: l.plan.symbol,
      side: q > 0 ? 'sell' : 'buy',
      quantity: Math.abs(q),
      type: at === 'open' ? 'market-on-open' : 'market-on-close',
      reason: 'exit',
      eventId: l.plan.eventId,
    });
    byOrder.set(l.exitOrder, l);
  };

  const working = (ctx: StrategyContext, l: Live, id: number) => ctx.openOrders(l.plan.symbol).some((o) => o.id === id);

  const consider = (notice: EventNotice, ctx: StrategyContext) => {
    if (plans.has(notice.event.id)) return;
    const plan = planner.plan(notice, ctx);
    if (!plan) return;
    const l: Live = { plan, state: 'pending', side: 'long', entryOrder: -1, exitOrder: -1, stopOrder: -1, stopDistance: NaN };
    plans.set(plan.eventId, l);
    if (plan.exitSession < plan.entrySession) skip(l, 'exit before entry');
  };

  return {
    name,
    skipped,
    init(ctx) {
      // Notices public before the first session (a lock-up known since the IPO) are not replayed as messages.
      for (const n of ctx.knownEvents()) consider(n, ctx);
    },
    onEvent(notice, _msg, ctx) {
      consider(notice, ctx);
    },
    onPreOpen(msg, ctx) {
      for (const l of plans.values()) {
        // An order that expired unfilled (no bar that session): the entry is given up, the exit is tried again.
        if (l.state === 'entering' && !working(ctx, l, l.entryOrder)) skip(l, 'entry order expired unfilled');
        if (l.state === 'open' && l.exitOrder >= 0 && !working(ctx, l, l.exitOrder)) l.exitOrder = -1;
        if (l.state === 'pending') {
          if (l.plan.entrySession < msg.session) skip(l, 'late: the event became known after the entry session');
          else if (l.plan.entrySession === msg.session && l.plan.entryAt === 'open') enter(l, ctx, 'open', msg.session);
        } else if (l.state === 'open' && l.exitOrder < 0 && l.plan.exitAt === 'open' && l.plan.exitSession <= msg.session) exit(l, ctx, 'open');
      }
    },
    onSessionClose(msg, ctx) {
      for (const l of plans.values()) {
        if (l.state === 'pending' && l.plan.entrySession === msg.session && l.plan.entryAt === 'close') enter(l, ctx, 'close', msg.session);
        else if (l.state === 'open' && l.exitOrder < 0 && l.plan.exitSession <= msg.session && (l.plan.exitAt === 'close' || l.plan.exitSession < msg.session)) exit(l, ctx, 'close');
      }
    },
    onFill(fill: Fill, ctx) {
      const l = byOrder.get(fill.orderId);
      if (!l) return;
      if (fill.orderId === l.entryOrder) {
        l.state = 'open';
        const dist = opts.stopFraction !== undefined ? fill.referencePrice * opts.stopFraction : l.stopDistance;
        if (Number.isFinite(dist) && dist > 0) {
          const long = l.side === 'long';
          l.stopOrder = ctx.submit({
            symbol: l.plan.symbol,
            side: long ? 'sell' : 'buy',
            quantity: fill.quantity,
            type: 'stop',
            stopPrice: long ? fill.referencePrice - dist : fill.referencePrice + dist,
            tif: 'gtc',
            reason: 'stop',
            eventId: l.plan.eventId,
          });
          byOrder.set(l.stopOrder, l);
        }
      } else if (fill.orderId === l.stopOrder || fill.orderId === l.exitOrder) {
        if (fill.orderId === l.stopOrder && l.exitOrder >= 0) ctx.cancel(l.exitOrder);
        l.state = 'closed';
      }
    },
    onEnd() {
      for (const l of plans.values()) if (l.state === 'pending') skip(l, 'the run ended before the entry session');
    },
    onReject(r: Rejection) {
      const l = byOrder.get(r.orderId);
      if (l && r.orderId === l.entryOrder) skip(l, `entry rejected: ${r.message}`);
    },
  };
}
