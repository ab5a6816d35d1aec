import { describe, expect, it } from 'vitest';
import { runStrategy } from '../src/index';
import { NO_COSTS, earnings, series, sessions } from './build';

// Sessions from 2025-03-03: index 0 03-03 … 4 03-07, 5 03-10, 6 03-11, 7 03-12, 8 03-13, 9 03-14, 10 03-17, 11 03-18.
const S = sessions('2025-03-03', 12);

describe('earnings-reaction', () => {
  // Released after the close of 03-10 (index 5) → day 0 = 03-11 (index 6), where the close falls 50 → 45 (−10%).
  const closes = [50, 50, 50, 50, 50, 50, 45, 44, 43, 42, 42, 42];
  const opens = closes.map((c, i) => (i === 7 ? 44.5 : c));
  const bbb = series('BBB', '2025-03-03', closes, { open: opens });
  const ev = earnings('BBB', S[5]!, 'after-close');
  const go = (params: Record<string, unknown>) => runStrategy({ name: 'earnings-reaction', params }, { bars: [bbb], events: [ev], costs: NO_COSTS }).run;

  it('follow: short the −10% reaction from the open of day +1, cover at the close of day +3', () => {
    const run = go({ mode: 'follow', threshold: 5, hold: 3 });
    // Sized by day 0's close (45): ⌊10,000 / 45⌋ = 222. Short at day +1's open 44.5, cover at day +3's close 42.
    // P&L = 222 × (44.5 − 42) = 555; return = 555 / (222 × 44.5 = 9,879).
    const t = run.trades[0]!;
    expect([t.side, t.qty, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice]).toEqual(['short', 222, S[7], 44.5, S[9], 42]);
    expect(t.netPnl).toBeCloseTo(555, 9);
    expect(t.ret).toBeCloseTo(555 / 9879, 12);
  });
  it('fade: long the same reaction loses the same 555', () => {
    const t = go({ mode: 'fade', threshold: 5, hold: 3 }).trades[0]!;
    expect([t.side, t.entryPrice, t.exitPrice]).toEqual(['long', 44.5, 42]);
    expect(t.netPnl).toBeCloseTo(-555, 9);
  });
  it('a reaction below the threshold is not traded', () => {
    const run = go({ threshold: 12 });
    expect(run.trades).toHaveLength(0);
    expect(run.skipped[0]!.reason).toBe('|reaction| -10.00% not above 12%');
  });
  it('optional stop: 5% under a long entry at 44.5 = 42.275, hit on day +2 (low 42)', () => {
    const t = go({ mode: 'fade', threshold: 5, hold: 3, stopPct: 5 }).trades[0]!;
    // The stop works from the session after the entry; day +2's bar opens at 43 and trades down to 42 < 42.275,
    // so it fills at the stop: P&L = 222 × (42.275 − 44.5) = −493.95.
    expect([t.exitDate, t.exitReason]).toEqual([S[8], 'stop']);
    expect(t.exitPrice).toBeCloseTo(42.275, 9);
    expect(t.netPnl).toBeCloseTo(-493.95, 6);
  });
});

describe('surprise-drift', () => {
  // CCC beats before the open of 03-10 (index 5): day 0 = 03-10, enter at its open 20.5, hold 3 → exit at the close of 03-12.
  const ccc = series('CCC', '2025-03-03', [20, 20, 20, 20, 20, 21, 22, 23, 24, 24], { open: [20, 20, 20, 20, 20, 20.5, 22, 23, 24, 24] });
  // DDD misses after the close of 03-10: day 0 = 03-11 (index 6), enter short at its open 37, exit at the close of 03-13.
  const ddd = series('DDD', '2025-03-03', [40, 40, 40, 40, 40, 40, 36, 35, 34, 34], { open: [40, 40, 40, 40, 40, 40, 37, 35, 34, 34] });
  // EEE reports during the session of 03-10: the first open after the release is 03-11's.
  const eee = series('EEE', '2025-03-03', [10, 10, 10, 10, 10, 10, 11, 12, 13, 13]);
  const events = [
    earnings('CCC', S[5]!, 'before-open', { epsActual: 1.1, epsEstimate: 1, surprise: 0.1, surprisePct: 10 }),
    earnings('DDD', S[5]!, 'after-close', { epsActual: 0.8, epsEstimate: 1, surprise: -0.2, surprisePct: -20 }),
    earnings('EEE', S[5]!, 'during', { surprise: 0.05, surprisePct: 5 }),
    earnings('CCC', S[8]!, 'before-open'), // no surprise known: not traded
  ];
  it('long the beat, short the miss, from the first open after release, K = 3 sessions', () => {
    const { run } = runStrategy({ name: 'surprise-drift', params: { hold: 3 } }, { bars: [ccc, ddd, eee], events, costs: NO_COSTS });
    const by = Object.fromEntries(run.trades.map((t) => [t.symbol, t]));
    // CCC: sized by 03-07's close 20 → 500 shares; long at 20.5, out at 23: 500 × 2.5 = 1,250.
    expect([by.CCC!.side, by.CCC!.qty, by.CCC!.entryDate, by.CCC!.entryPrice, by.CCC!.exitDate, by.CCC!.exitPrice]).toEqual(['long', 500, S[5], 20.5, S[7], 23]);
    expect(by.CCC!.netPnl).toBeCloseTo(1250, 9);
    // DDD: sized by 03-10's close 40 → 250 shares; short at 37, cover at 34 (03-13): 250 × 3 = 750.
    expect([by.DDD!.side, by.DDD!.qty, by.DDD!.entryDate, by.DDD!.entryPrice, by.DDD!.exitDate, by.DDD!.exitPrice]).toEqual(['short', 250, S[6], 37, S[8], 34]);
    expect(by.DDD!.netPnl).toBeCloseTo(750, 9);
    // EEE: released at midday on 03-10 → enter at 03-11's open (11), sized by the last close before 03-11
    // (03-10's, 10 → 1,000 shares); out at the close of 03-13 (13): 1,000 × 2 = 2,000.
    expect([by.EEE!.side, by.EEE!.qty, by.EEE!.entryDate, by.EEE!.entryPrice, by.EEE!.exitDate, by.EEE!.exitPrice]).toEqual(['long', 1000, S[6], 11, S[8], 13]);
    expect(by.EEE!.netPnl).toBeCloseTo(2000, 9);
    expect(run.trades).toHaveLength(3);
  });
  it('minSurprisePct leaves out small surprises', () => {
    const { run } = runStrategy({ name: 'surprise-drift', params: { hold: 3, minSurprisePct: 8 } }, { bars: [ccc, ddd, eee], events, costs: NO_COSTS });
    expect(run.trades.map((t) => t.symbol).sort()).toEqual(['CCC', 'DDD']);
  });
});

describe('pre-event-runup', () => {
  // FFF reports after the close of 03-12 (index 7): the last close before the release is 03-12's own (13).
  const fff = series('FFF', '2025-03-03', [10, 10, 10, 10, 10, 11, 12, 13, 9, 9]);
  // GGG reports before the open of 03-12: the last close before the release is 03-11's (12.5).
  const ggg = series('GGG', '2025-03-03', [10, 10, 10, 10, 11, 12, 12.5, 8, 8, 8]);
  it('long N = 3 sessions into the date, out at the last close before the numbers', () => {
    const events = [earnings('FFF', S[7]!, 'after-close'), earnings('GGG', S[7]!, 'before-open')];
    const { run } = runStrategy({ name: 'pre-event-runup', params: { before: 3 } }, { bars: [fff, ggg], events, costs: NO_COSTS });
    const by = Object.fromEntries(run.trades.map((t) => [t.symbol, t]));
    // FFF: buy at the close of 03-07 (index 4, 10; 1,000 shares), sell at the close of 03-12 (13): +3,000.
    expect([by.FFF!.entryDate, by.FFF!.entryPrice, by.FFF!.exitDate, by.FFF!.exitPrice, by.FFF!.qty]).toEqual([S[4], 10, S[7], 13, 1000]);
    expect(by.FFF!.netPnl).toBeCloseTo(3000, 9);
    // GGG: buy at the close of 03-06 (index 3, 10), sell at the close of 03-11 (12.5): +2,500 — the −36% gap is avoided.
    expect([by.GGG!.entryDate, by.GGG!.entryPrice, by.GGG!.exitDate, by.GGG!.exitPrice]).toEqual([S[3], 10, S[6], 12.5]);
    expect(by.GGG!.netPnl).toBeCloseTo(2500, 9);
  });
});
