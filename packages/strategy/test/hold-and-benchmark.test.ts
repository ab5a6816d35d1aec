import { describe, expect, it } from 'vitest';
import { STRATEGIES, createStrategy, describeParams, runStrategy, type ParamsSchema } from '../src/index';
import { NO_COSTS, earnings, lockup, series, sessions } from './build';

const S = sessions('2025-03-03', 10);

describe('hold-through', () => {
  // HHH reports before the open of 03-10 (index 5) → day 0 = 03-10; a second event on 03-11 overlaps the first.
  const hhh = series('HHH', '2025-03-03', [10, 10, 10, 10, 10, 12, 11, 11, 11, 11]);
  const events = [earnings('HHH', S[5]!, 'before-open'), earnings('HHH', S[6]!, 'before-open')];
  it('long from the close of day −1 to the close of day +1; an overlapping event is skipped', () => {
    const { run } = runStrategy({ name: 'hold-through', params: { before: 1, after: 1 } }, { bars: [hhh], events, costs: NO_COSTS });
    // Sized by 03-06's close (10) → 1,000 shares; buy at 03-07's close 10, sell at 03-11's close 11: +1,000.
    expect(run.trades).toHaveLength(1);
    const t = run.trades[0]!;
    expect([t.side, t.qty, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice]).toEqual(['long', 1000, S[4], 10, S[6], 11]);
    expect(t.netPnl).toBeCloseTo(1000, 9);
    expect(run.skipped).toEqual([{ eventId: events[1]!.id, symbol: 'HHH', reason: 'overlap: the symbol is already held' }]);
  });
  it('ATR sizing and an ATR stop', () => {
    // Every bar spans close ± 1 and the closes before entry are flat, so ATR(3) at the decision bar (03-06) = 2.
    // atrRisk 1,000 → ⌊1,000 / 2⌋ = 500 shares; long 03-07 at 10 → 03-11 at 11: +500.
    const long = runStrategy({ name: 'hold-through', params: { before: 1, after: 1, atrRisk: 1000, atrPeriod: 3 } }, { bars: [hhh], events: [events[0]!], costs: NO_COSTS }).run;
    expect(long.trades.map((t) => [t.qty, t.netPnl])).toEqual([[500, 500]]);
    // Short with a stop 0.5 ATR = 1 above the entry (11): 03-10 opens at 12, through the stop, so it fills at the
    // open 12: 500 × (10 − 12) = −1,000.
    const short = runStrategy({ name: 'hold-through', params: { before: 1, after: 1, side: 'short', atrRisk: 1000, atrPeriod: 3, stopAtr: 0.5 } }, { bars: [hhh], events: [events[0]!], costs: NO_COSTS }).run;
    expect(short.trades.map((t) => [t.qty, t.exitDate, t.exitPrice, t.exitReason, t.netPnl])).toEqual([[500, S[5], 12, 'stop', -1000]]);
  });
  it('short side and an event-kind filter', () => {
    const lk = lockup('HHH', S[5]!, '2024-09-01');
    const { run } = runStrategy({ name: 'hold-through', params: { before: 1, after: 1, side: 'short', kind: 'earnings' } }, { bars: [hhh], events: [events[0]!, lk], costs: NO_COSTS });
    expect(run.trades.map((t) => [t.eventId, t.side, t.netPnl])).toEqual([[events[0]!.id, 'short', -1000]]);
  });
});

describe('buy-and-hold', () => {
  const spy = series('SPY', '2025-03-03', [101, 103, 102, 105, 104, 106, 105, 108, 109, 110], { open: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109] });
  // NEW lists on 03-07 (index 4).
  const nw = series('NEW', '2025-03-07', [20, 22, 24, 26, 28, 30], { open: [25, 21, 23, 25, 27, 29] });
  it('the benchmark: buy at the first close sized by the open, sell at the last close', () => {
    const { run } = runStrategy({ name: 'buy-and-hold' }, { bars: [spy], events: [], benchmark: 'SPY', costs: NO_COSTS });
    // ⌊10,000 / 100⌋ = 100 shares bought at 101 on 03-03, sold at 110 on 03-14: 100 × 9 = 900.
    expect(run.trades).toHaveLength(1);
    const t = run.trades[0]!;
    expect([t.eventId, t.qty, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice]).toEqual([null, 100, S[0], 101, S[9], 110]);
    expect(t.netPnl).toBeCloseTo(900, 9);
    // Equity: 100,000 + 100 × (close − 101).
    expect(run.equity.map((p) => p.equity)).toEqual([1e5, 100_200, 100_100, 100_400, 100_300, 100_500, 100_400, 100_700, 100_800, 100_900]);
  });
  it('fully invested in the benchmark: β = 1 and α = 0 against it', () => {
    // 101,000 cash buys ⌊100,000 / 100⌋ = 1,000 shares at 101: equity = 1,000 × close, so its returns are SPY's.
    const { run } = runStrategy({ name: 'buy-and-hold', params: { notional: 100_000 } }, { bars: [spy], events: [], benchmark: 'SPY', costs: NO_COSTS, initialCash: 101_000 });
    expect(run.metrics.period.beta).toBeCloseTo(1, 10);
    expect(run.metrics.period.alpha).toBeCloseTo(0, 10);
    expect(run.metrics.period.totalReturn).toBeCloseTo(110 / 101 - 1, 12);
  });
  it('the traded symbols: each bought at its first close in the run', () => {
    const { run } = runStrategy({ name: 'buy-and-hold', params: { symbols: 'events', notional: 5000 } }, {
      bars: [spy, nw],
      events: [lockup('NEW', S[8]!, S[4]!)],
      costs: NO_COSTS,
    });
    // NEW: ⌊5,000 / 25⌋ = 200 shares at its first close 20 (03-07), sold at 30 (03-14): 200 × 10 = 2,000.
    expect(run.trades.map((t) => [t.symbol, t.qty, t.entryDate, t.entryPrice, t.exitPrice, t.netPnl])).toEqual([['NEW', 200, S[4], 20, 30, 2000]]);
  });
});

describe('the registry', () => {
  it('names every built-in strategy with documented parameters and defaults', () => {
    expect(Object.keys(STRATEGIES)).toEqual(expect.arrayContaining(['buy-and-hold', 'earnings-reaction', 'hold-through', 'lockup-short', 'pre-event-runup', 'surprise-drift']));
    for (const d of Object.values(STRATEGIES)) {
      expect(d.description.length).toBeGreaterThan(10);
      for (const p of describeParams(d.params as ParamsSchema)) expect(p.doc.length, `${d.name}.${p.name}`).toBeGreaterThan(5);
    }
    const lockup = Object.fromEntries(describeParams(STRATEGIES['lockup-short']!.params as ParamsSchema).map((p) => [p.name, p.default]));
    expect(lockup).toMatchObject({ before: 2, after: 2 });
  });
  it('rejects unknown strategies and bad parameters with coded errors naming the field', () => {
    expect(() => createStrategy('lockup-long')).toThrow(/unknown strategy "lockup-long"/);
    try {
      createStrategy('lockup-short', { before: -1, hold: 3, after: 1.5 });
      expect.unreachable();
    } catch (e) {
      const ps = (e as { problems: { code: string; field: string }[] }).problems;
      expect(ps.map((p) => [p.code, p.field])).toEqual([
        ['STRATEGY_BAD_PARAM', 'params.before'],
        ['STRATEGY_BAD_PARAM', 'params.after'],
        ['STRATEGY_UNKNOWN_PARAM', 'params.hold'],
      ]);
    }
    expect(() => createStrategy('hold-through', { filters: 'rsi(14) = 30' })).toThrow(/cannot read filter/);
  });
});
