import { describe, expect, it } from 'vitest';
import { releaseInstant, xnysCalendar, type BarSeries, type EarningsEvent, type IsoDate } from '@aftershock/core';
import { runBacktest } from '@aftershock/engine';
import { createStrategy, STRATEGIES } from '../src/registry';
import { describeParams, type ParamsSchema } from '../src/params';
import type { EventStrategy } from '../src/event-strategy';

const cal = xnysCalendar();
// Ten sessions from Monday 2025-03-03: d[0] … d[9] = 03-03 … 03-14.
const d: IsoDate[] = cal.sessionsBetween('2025-03-03', '2025-03-14');

function bars(symbol: string, close: number[], open: number[] = close): BarSeries {
  const c = Float64Array.from(close);
  return {
    symbol,
    length: close.length,
    dates: d,
    session: Int32Array.from(d, (x) => cal.ordinal(x)),
    open: Float64Array.from(open),
    high: Float64Array.from(close, (x, i) => Math.max(x, open[i]!) + 1),
    low: Float64Array.from(close, (x, i) => Math.min(x, open[i]!) - 1),
    close: c,
    volume: Float64Array.from(close, () => 1000),
    adjClose: c,
    dividend: new Float64Array(close.length),
  };
}

// AAA reports after the close of d[3] (03-06): day 0 = d[4], where it falls 100 → 80 (−20%). It missed: EPS −0.60
// against −0.23 (surprise −0.37, −160.9%). BBB is its supplier, CCC its customer.
const aaa = bars('AAA', [100, 100, 100, 100, 80, 80, 80, 80, 80, 80]);
const bbb = bars('BBB', [50, 50, 50, 50, 50, 48, 45, 46, 46, 46], [50, 50, 50, 50, 50, 49, 47, 46, 46, 46]);
const ccc = bars('CCC', [20, 20, 20, 20, 21, 22, 23, 23, 23, 23], [20, 20, 20, 20, 20, 21.5, 22, 23, 23, 23]);
const event: EarningsEvent = {
  id: 'AAA-q',
  symbol: 'AAA',
  kind: 'earnings',
  date: d[3]!,
  timing: 'after-close',
  tsEvent: releaseInstant(cal, d[3]!, 'after-close'),
  tsKnown: releaseInstant(cal, d[0]!, 'before-open'),
  tags: {},
  epsActual: -0.6,
  epsEstimate: -0.23,
  surprise: -0.37,
  surprisePct: (-0.37 / 0.23) * 100,
  related: [
    { symbol: 'BBB', relation: 'supplier' },
    { symbol: 'CCC', relation: 'customer' },
  ],
};
const NO_COSTS = { commission: { type: 'none' as const }, slippage: { type: 'none' as const }, dividends: false };

function run(params: Record<string, unknown>, source: BarSeries[] = [aaa, bbb, ccc]) {
  const strategy = createStrategy('spillover-reaction', params) as EventStrategy;
  const r = runBacktest({ source, events: [event], strategy, initialCash: 100_000, costs: NO_COSTS });
  const trades = r.trades.map((t) => ({ symbol: t.symbol, direction: t.direction, quantity: t.quantity, entryDate: t.entryDate, entryPrice: t.entryPrice, exitDate: t.exitDate, exitPrice: t.exitPrice, pnl: t.pnl, eventId: t.eventId }));
  return { r, trades, skipped: strategy.skipped };
}

describe('spillover-reaction', () => {
  it('is a registered built-in with documented defaults', () => {
    const def = STRATEGIES['spillover-reaction']!;
    const docs = describeParams(def.params as ParamsSchema);
    expect(docs.map((p) => p.name)).toContain('filters');
    const defaults = Object.fromEntries(docs.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
    expect(defaults).toMatchObject({ direction: 'follow', trigger: 'move', threshold: 5, hold: 3, kind: 'earnings', relation: '', symbols: '' });
    expect(docs.every((p) => p.doc.length > 0)).toBe(true);
  });

  it("follow AAA's −20% day-0 move: short the supplier at the open of day +1, cover at the close of day +2", () => {
    // 200 shares = ⌊10,000 / BBB's day-0 close 50⌋; short at d[5]'s open 49, cover at d[6]'s close 45: +4 × 200 = +800.
    const { r, trades } = run({ direction: 'follow', hold: 2, relation: 'supplier' });
    expect(trades).toEqual([{ symbol: 'BBB', direction: 'short', quantity: 200, entryDate: d[5], entryPrice: 49, exitDate: d[6], exitPrice: 45, pnl: 800, eventId: 'AAA-q' }]);
    expect(r.equity.at(-1)!.equity).toBe(100_800);
  });

  it('fade takes the other side: long the supplier, −800', () => {
    const { r, trades } = run({ direction: 'fade', hold: 2, relation: 'supplier' });
    expect(trades.map((t) => [t.symbol, t.direction, t.entryPrice, t.exitPrice, t.pnl])).toEqual([['BBB', 'long', 49, 45, -800]]);
    expect(r.equity.at(-1)!.equity).toBe(99_200);
  });

  it('every related symbol is traded on its own when no relation filter is set', () => {
    // CCC: ⌊10,000 / 21⌋ = 476 shares short at d[5]'s open 21.5, covered at d[6]'s close 23: 476 × −1.5 = −714.
    const { r, trades } = run({ hold: 2 });
    expect(trades.map((t) => [t.symbol, t.direction, t.quantity, t.entryPrice, t.exitPrice, t.pnl, t.eventId])).toEqual([
      ['BBB', 'short', 200, 49, 45, 800, 'AAA-q'],
      ['CCC', 'short', 476, 21.5, 23, -714, 'AAA-q'],
    ]);
    expect(r.equity.at(-1)!.equity).toBe(100_000 + 800 - 714);
    expect(run({ hold: 2, symbols: 'CCC' }).trades.map((t) => t.symbol)).toEqual(['CCC']);
    // An event without a related list: `symbols` names what to trade (as a scenario does without relations).
    const { related: _related, ...bare } = event;
    const strategy = createStrategy('spillover-reaction', { hold: 2, symbols: 'BBB,AAA' }) as EventStrategy;
    const r2 = runBacktest({ source: [aaa, bbb, ccc], events: [bare], strategy, initialCash: 100_000, costs: NO_COSTS });
    expect(r2.trades.map((t) => [t.symbol, t.direction, t.pnl])).toEqual([['BBB', 'short', 800]]);
  });

  it('threshold: a −20% move is not above 25%, so nothing is traded and the skip says why', () => {
    const { trades, skipped } = run({ threshold: 25, relation: 'supplier' });
    expect(trades).toEqual([]);
    expect(skipped).toEqual([{ eventId: 'AAA-q', symbol: 'BBB', reason: '|AAA day-0 move| -20.00% not above 25%' }]);
  });

  it("trigger surprise: the miss is public after d[3]'s close, so short at day 0's open, hold 2 sessions", () => {
    // ⌊10,000 / 50⌋ = 200 short at d[4]'s open 50, covered at d[5]'s close 48: +400.
    const { trades } = run({ trigger: 'surprise', hold: 2, relation: 'supplier' });
    expect(trades.map((t) => [t.symbol, t.direction, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice, t.pnl])).toEqual([['BBB', 'short', d[4], 50, d[5], 48, 400]]);
    // A surprise threshold above |−160.9%| trades nothing.
    expect(run({ trigger: 'surprise', threshold: 200 }).trades).toEqual([]);
  });

  it("without the event company's prices the move is unknown: skipped with the reason", () => {
    const { trades, skipped } = run({ relation: 'supplier' }, [bbb, ccc]);
    expect(trades).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual(['no prices for the event company AAA']);
  });

  it('bad parameters are coded errors naming the field', () => {
    expect(() => createStrategy('spillover-reaction', { direction: 'sideways' })).toThrow(/direction/);
    expect(() => createStrategy('spillover-reaction', { hold: 0 })).toThrow(/hold/);
  });
});
