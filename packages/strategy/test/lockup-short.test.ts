import { describe, expect, it } from 'vitest';
import { runStrategy } from '../src/index';
import { NO_COSTS, lockup, series } from './build';

// Sessions from 2025-03-03: 0 03-03, 1 03-04, 2 03-05, 3 03-06, 4 03-07, 5 03-10, 6 03-11, 7 03-12, 8 03-13, …
// The lock-up expires after the close of 2025-03-10 (index 5), so day 0 = 2025-03-11 (index 6).
const CLOSES = [20, 20, 20, 20, 25, 24, 22, 21, 20, 20, 20, 20];
const aaa = series('AAA', '2025-03-03', CLOSES);
const ev = lockup('AAA', '2025-03-10', '2024-09-12', { offerPrice: 10, sharesUnlockedPct: 30 });

describe('lockup-short on a hand-built series', () => {
  it('defaults N = 2, M = 2: short at the close of day −2, cover at the close of day +2', () => {
    const { run } = runStrategy({ name: 'lockup-short' }, { bars: [aaa], events: [ev], costs: NO_COSTS });
    // Size from the last close before the entry session (03-06: 20): ⌊10,000 / 20⌋ = 500 shares.
    // Short 500 at the close of 03-07 (day −2) = 25; cover at the close of 03-13 (day +2) = 20.
    // P&L = 500 × (25 − 20) = 2,500 on 500 × 25 = 12,500 → +20%.
    expect(run.trades).toHaveLength(1);
    const t = run.trades[0]!;
    expect([t.side, t.qty, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice]).toEqual(['short', 500, '2025-03-07', 25, '2025-03-13', 20]);
    expect(t.grossPnl).toBeCloseTo(2500, 9);
    expect(t.netPnl).toBeCloseTo(2500, 9);
    expect(t.ret).toBeCloseTo(0.2, 12);
    expect(t.sessionsHeld).toBe(5); // 03-07, 03-10, 03-11, 03-12, 03-13: entry and exit sessions both counted
    expect(run.perEvent).toEqual([{ eventId: ev.id, ret: t.ret, trades: 1 }]);
    // Equity: 100,000 until the entry, 100,000 + 500 × (25 − close) while short, 102,500 after the cover.
    expect(run.equity.map((p) => p.equity)).toEqual([1e5, 1e5, 1e5, 1e5, 1e5, 100_500, 101_500, 102_000, 102_500, 102_500, 102_500, 102_500]);
    expect(run.metrics.period.totalReturn).toBeCloseTo(0.025, 12);
    expect(run.metrics.period.exposure).toBeCloseTo(4 / 12, 12); // held at the closes of 03-07, 03-10, 03-11, 03-12
  });

  it('N = 1, M = 0: short at the close of 03-10 (24), cover at the close of day 0, 03-11 (22)', () => {
    const { run } = runStrategy({ name: 'lockup-short', params: { before: 1, after: 0 } }, { bars: [aaa], events: [ev], costs: NO_COSTS });
    // Sized by the close of 03-07 (25): 400 shares. P&L = 400 × (24 − 22) = 800.
    const t = run.trades[0]!;
    expect([t.qty, t.entryDate, t.entryPrice, t.exitDate, t.exitPrice]).toEqual([400, '2025-03-10', 24, '2025-03-11', 22]);
    expect(t.netPnl).toBeCloseTo(800, 9);
  });

  it('filters: return since listing, share unlocked, confirmed only', () => {
    const run = (params: Record<string, unknown>, e = ev) => runStrategy({ name: 'lockup-short', params }, { bars: [aaa], events: [e], costs: NO_COSTS }).run;
    // Return since listing at the decision close (03-06: 20) over the offer price 10 = +100%.
    expect(run({ minIpoReturnPct: 50 }).trades).toHaveLength(1);
    const r = run({ minIpoReturnPct: 150 });
    expect(r.trades).toHaveLength(0);
    expect(r.skipped).toEqual([{ eventId: ev.id, symbol: 'AAA', reason: 'return since listing 100.0% not above 150%' }]);
    expect(run({ minUnlockedPct: 25 }).trades).toHaveLength(1);
    expect(run({ minUnlockedPct: 50 }).skipped[0]!.reason).toBe('unlocked share not above 50%');
    expect(run({ confirmedOnly: true }, { ...ev, confirmed: false }).skipped[0]!.reason).toBe('expiry not confirmed');
    // An indicator filter: the close of 03-06 (20) is not above its SMA(3) (20), so "close-vs-sma(3) > 0" fails.
    expect(run({ filters: 'close-vs-sma(3) > 0' }).skipped[0]!.reason).toBe('indicator filter failed');
    expect(run({ filters: [{ indicator: 'close-vs-sma', period: 3, op: '>=', value: 0 }] }).trades).toHaveLength(1);
  });

  it('decisions never read the entry session: changing its bar changes the fill, not the filter or the size', () => {
    const f = { filters: 'close-vs-sma(3) >= 0; rsi(2) <= 100' };
    const base = runStrategy({ name: 'lockup-short', params: f }, { bars: [aaa], events: [ev], costs: NO_COSTS }).run;
    const moved = series('AAA', '2025-03-03', CLOSES.map((c, i) => (i === 4 ? 5 : c)));
    const other = runStrategy({ name: 'lockup-short', params: f }, { bars: [moved], events: [ev], costs: NO_COSTS }).run;
    expect([base.trades[0]!.qty, other.trades[0]!.qty]).toEqual([500, 500]);
    expect([base.trades[0]!.entryPrice, other.trades[0]!.entryPrice]).toEqual([25, 5]);
  });

  it('costs by kind, worked by hand', () => {
    const costs = {
      commission: { type: 'per-share' as const, perShare: 0.01, minimum: 1 },
      slippage: { type: 'bps' as const, bps: 10 },
      borrow: { annualRate: 0.1 },
      dividends: true,
    };
    const { run } = runStrategy({ name: 'lockup-short' }, { bars: [aaa], events: [ev], costs });
    const t = run.trades[0]!;
    // Commission: 500 × $0.01 = $5 per fill, two fills → $10.
    expect(t.costs.commission).toBeCloseTo(10, 9);
    // Slippage 10 bp: sell at 25 × 0.999 = 24.975 (500 × 0.025 = 12.5), buy at 20 × 1.001 = 20.02 (500 × 0.02 = 10).
    expect(t.costs.slippage).toBeCloseTo(22.5, 9);
    // Borrow 10%/365 a calendar day on the short's value at the previous close, charged at each pre-open:
    // 03-10: 3 days × 500 × 25; 03-11: 1 × 500 × 24; 03-12: 1 × 500 × 22; 03-13: 1 × 500 × 21 → 71,000 × 0.1 / 365.
    expect(t.costs.borrow).toBeCloseTo((71_000 * 0.1) / 365, 6);
    expect(t.costs.dividends).toBe(0);
    expect(t.grossPnl).toBeCloseTo(2500, 9);
    expect(t.netPnl).toBeCloseTo(2500 - 10 - 22.5 - (71_000 * 0.1) / 365, 6);
    expect(run.metrics.trade.costs.borrow).toBeCloseTo((71_000 * 0.1) / 365, 6);
  });

  it('no bar on the exit session: the exit is tried again at the next close', () => {
    // Drop 03-13 (index 8) from the series: the cover moves to the close of 03-14 (index 9, 20).
    const keep = (_: unknown, i: number) => i !== 8;
    const gap = {
      ...aaa,
      length: aaa.length - 1,
      dates: aaa.dates.filter(keep),
      session: aaa.session.filter(keep),
      open: aaa.open.filter(keep),
      high: aaa.high.filter(keep),
      low: aaa.low.filter(keep),
      close: aaa.close.filter(keep),
      volume: aaa.volume.filter(keep),
      adjClose: aaa.adjClose.filter(keep),
      dividend: aaa.dividend.filter(keep),
    };
    const { run } = runStrategy({ name: 'lockup-short' }, { bars: [gap], events: [ev], costs: NO_COSTS });
    expect(run.trades.map((t) => [t.entryDate, t.exitDate, t.exitPrice, t.netPnl])).toEqual([['2025-03-07', '2025-03-14', 20, 2500]]);
  });

  it('a lock-up known only after the entry session is skipped as late', () => {
    const late = lockup('AAA', '2025-03-10', '2025-03-10');
    const { run } = runStrategy({ name: 'lockup-short' }, { bars: [aaa], events: [late], costs: NO_COSTS });
    expect(run.trades).toHaveLength(0);
    expect(run.skipped[0]!.reason).toMatch(/^late/);
  });
});
