import type { EventKind, MarketEvent, Related } from '@aftershock/core';
import type { EventNotice, ScheduledEvent, Strategy, StrategyContext } from '@aftershock/engine';
import { z } from 'zod';
import { COMMON_PARAMS, executionOptions } from './common-params';
import type { EventStrategy, SkippedPlan } from './event-strategy';
import { eventStrategy } from './event-strategy';
import { oneOf, percent, text, whole } from './params';

/**
 * `spillover-reaction`: when company A's event is released, trade the symbols related to A (the event's `related`
 * list: customers, suppliers, sector ETFs …), following or fading A's news.
 * - `trigger: move` (default): A's day-0 move (A's day-0 close / previous close − 1) is known at day 0's close, so
 *   each related symbol B is entered at the **open of day +1** when |move| exceeds `threshold` percent, and exited
 *   at the close of day +`hold`.
 * - `trigger: surprise`: A's EPS surprise sign is known at release, so B is entered at the **first open after the
 *   release** (day 0's open, or day +1's for a release during the session) when |surprisePct| exceeds `threshold`,
 *   and exited at the close of entry + `hold` − 1. A miss reads as a down move, a beat as an up move.
 * `follow` takes B in the direction of A's news (short NVDA after a CoreWeave miss); `fade` takes the other side.
 * For an event without a `related` list, the `symbols` parameter names the symbols to act on.
 * Each related symbol is traded by its own executor (one position per symbol), with the shared execution rules
 * of `eventStrategy`; trades carry A's event id.
 * @example
 * createStrategy('spillover-reaction', { direction: 'follow', trigger: 'surprise', hold: 3, relation: 'supplier' })
 * // after CRWV's Q2-2025 miss (released 2025-08-12 after the close): short NVDA at the open of 2025-08-13, cover at the close of 2025-08-15
 */
export const SPILLOVER_REACTION_PARAMS = z.strictObject({
  direction: oneOf("follow the event company's news in the related symbol, or fade it", ['follow', 'fade']).default('follow'),
  trigger: oneOf("what A's news is: its day-0 move (enter day +1) or its EPS surprise sign (enter at the first open after release)", ['move', 'surprise']).default('move'),
  threshold: percent("act only when |A's day-0 move| (trigger move) or |EPS surprise| (trigger surprise) is above this", 0).default(5),
  hold: whole('K: sessions held, entry session included', 1, 250).default(3),
  kind: oneOf("which of A's events trigger (trigger surprise needs earnings)", ['earnings', 'lockup-expiry', 'ipo', 'custom', 'any']).default('earnings'),
  relation: text('comma-separated relation labels to act on (e.g. "supplier,customer"); empty = every related symbol').default(''),
  symbols: text("comma-separated related symbols to act on (of the event's related list; for an event without one, these symbols); empty = the whole list").default(''),
  ...COMMON_PARAMS,
});
export type SpilloverReactionParams = z.output<typeof SPILLOVER_REACTION_PARAMS>;

const list = (v: unknown): string[] =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The related symbols of an event to act on: its `related` entries that pass the symbol and relation filters
 * (labels default to `related`); for an event without a `related` list, the `symbols` parameter itself.
 */
function relatedMatches(e: ScheduledEvent | MarketEvent, relations: readonly string[], symbols: readonly string[]): Related[] {
  const listed: readonly Related[] = e.related && e.related.length > 0 ? e.related : symbols.map((symbol) => ({ symbol }));
  return listed.filter(
    (r) => r.symbol !== e.symbol && (symbols.length === 0 || symbols.includes(r.symbol)) && (relations.length === 0 || relations.includes(r.relation ?? 'related')),
  );
}

export function spilloverReaction(p: SpilloverReactionParams, name = 'spillover-reaction'): EventStrategy {
  const fade = p.direction === 'fade';
  const bySurprise = p.trigger === 'surprise';
  const { threshold, hold } = p;
  const kind: EventKind | 'any' = p.kind;
  const relations = list(p.relation);
  const symbols = list(p.symbols);
  const exec = executionOptions(p);
  const children = new Map<string, EventStrategy>();
  /** Event id → event company, for the day-0 move. */
  const companies = new Map<string, string>();

  /** The executor trading related symbol `b`: it plans only around events that name `b`. */
  const child = (b: string): EventStrategy =>
    eventStrategy(
      name,
      {
        plan(notice: EventNotice) {
          if (notice.stage !== 'released' || notice.day0.ordinal < 0) return null;
          const e = notice.event;
          if ((kind !== 'any' && e.kind !== kind) || !relatedMatches(e, relations, symbols).some((r) => r.symbol === b)) return null;
          const d0 = notice.day0.ordinal;
          if (!bySurprise) return { eventId: e.id, symbol: b, side: 'decide', entrySession: d0 + 1, entryAt: 'open', exitSession: d0 + hold, exitAt: 'close' };
          if (e.kind !== 'earnings' || e.surprise === undefined || e.surprise === 0) return null;
          if (threshold > 0 && !(Math.abs(e.surprisePct ?? NaN) > threshold)) return null;
          const entry = d0 + (e.timing === 'during' ? 1 : 0);
          const up = e.surprise > 0;
          return { eventId: e.id, symbol: b, side: up !== fade ? 'long' : 'short', entrySession: entry, entryAt: 'open', exitSession: entry + hold - 1, exitAt: 'close' };
        },
        decide(plan, _view, _i, ctx) {
          if (plan.side !== 'decide') return plan.side;
          const a = companies.get(plan.eventId);
          if (a === undefined) return { skip: 'event company unknown' };
          const ai = ctx.symbolIndex(a);
          if (ai < 0) return { skip: `no prices for the event company ${a}` };
          const av = ctx.series(ai);
          const d0 = plan.entrySession - 1;
          const j = av.indexAtOrBefore(d0);
          if (j < 1 || av.session(j) !== d0) return { skip: `no ${a} bar on day 0 or before it` };
          const move = av.close(j) / av.close(j - 1) - 1;
          if (!(Math.abs(move) * 100 > threshold)) return { skip: `|${a} day-0 move| ${(move * 100).toFixed(2)}% not above ${threshold}%` };
          return move > 0 !== fade ? 'long' : 'short';
        },
      },
      exec,
    );

  const ensure = (notice: EventNotice, ctx: StrategyContext) => {
    if (kind !== 'any' && notice.event.kind !== kind) return;
    companies.set(notice.event.id, notice.event.symbol);
    for (const r of relatedMatches(notice.event, relations, symbols)) {
      if (children.has(r.symbol)) continue;
      const c = child(r.symbol);
      children.set(r.symbol, c);
      c.init?.(ctx);
    }
  };
  const all = () => [...children.values()];
  const strategy: Strategy & { readonly skipped: readonly SkippedPlan[] } = {
    name,
    get skipped() {
      return all().flatMap((c) => c.skipped);
    },
    init(ctx) {
      for (const n of ctx.knownEvents()) ensure(n, ctx);
    },
    onEvent(notice, msg, ctx) {
      ensure(notice, ctx);
      for (const c of all()) c.onEvent?.(notice, msg, ctx);
    },
    onPreOpen(msg, ctx) {
      for (const c of all()) c.onPreOpen?.(msg, ctx);
    },
    onSessionClose(msg, ctx) {
      for (const c of all()) c.onSessionClose?.(msg, ctx);
    },
    onFill(fill, ctx) {
      for (const c of all()) c.onFill?.(fill, ctx);
    },
    onReject(r, ctx) {
      for (const c of all()) c.onReject?.(r, ctx);
    },
  };
  return strategy;
}

