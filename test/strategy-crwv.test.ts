import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEvents, loadSymbol } from '@aftershock/data';
import { DEFAULT_COSTS, runStrategy } from '@aftershock/strategy';
import { focusBar } from './focus-rows';

const REAL = fileURLToPath(new URL('../../shared/data/real/backtester39', import.meta.url));
const LOCKUPS = fileURLToPath(new URL('../data/lockups.csv', import.meta.url));

/** Closes straight from the CSV, to show the numbers below are the file's. */
function csvClose(date: string): number {
  return focusBar('CRWV', date).close;
}

describe('lockup-short on CoreWeave (real data, default costs)', () => {
  const crwv = loadSymbol(REAL, 'CRWV');
  const spy = loadSymbol(REAL, 'SPY');
  const events = loadEvents(LOCKUPS).filter((e) => e.symbol === 'CRWV');

  it('shorts at the close of 2025-08-13 and covers at the close of 2025-08-19', () => {
    expect(events).toHaveLength(1);
    expect([events[0]!.date, events[0]!.timing]).toEqual(['2025-08-14', 'after-close']); // day 0 = 2025-08-15
    const { run } = runStrategy(
      { name: 'lockup-short' },
      { bars: [crwv, spy], events, benchmark: 'SPY', start: '2025-07-01', end: '2025-08-29', costs: DEFAULT_COSTS },
    );
    // Closes in focus/CRWV.csv (float32 values written as doubles): 08-12 148.75, 08-13 117.76, 08-14 99.505,
    // 08-15 99.97, 08-18 96.80, 08-19 92.89.
    const c = { d12: csvClose('2025-08-12'), d13: csvClose('2025-08-13'), d14: csvClose('2025-08-14'), d15: csvClose('2025-08-15'), d18: csvClose('2025-08-18'), d19: csvClose('2025-08-19') };
    const stated = [148.75, 117.76, 99.505, 99.97, 96.8, 92.89];
    Object.values(c).forEach((v, i) => expect(v).toBeCloseTo(stated[i]!, 5));
    expect(run.trades).toHaveLength(1);
    const t = run.trades[0]!;
    // Size: ⌊10,000 / 148.75 (the last close before the entry session)⌋ = 67 shares.
    const q = 67;
    // Fills with 5 bp slippage: sell at 117.76 × 0.9995, buy back at 92.89 × 1.0005.
    expect([t.side, t.qty, t.entryDate, t.exitDate]).toEqual(['short', q, '2025-08-13', '2025-08-19']);
    expect(t.entryPrice).toBeCloseTo(c.d13 * 0.9995, 9);
    expect(t.exitPrice).toBeCloseTo(c.d19 * 1.0005, 9);
    // Gross P&L at the closes: 67 × (117.76 − 92.89) = 67 × 24.87000274658203 = 1,666.29018…
    const gross = q * (c.d13 - c.d19);
    expect(t.grossPnl).toBeCloseTo(gross, 6);
    expect(gross).toBeCloseTo(1666.2902, 4);
    // Commission: 67 × $0.005 = $0.335 → the $1 minimum, per fill: $2.
    expect(t.costs.commission).toBeCloseTo(2, 9);
    // Slippage: 67 × 0.0005 × (117.76 + 92.89) = 7.05678…
    const slip = q * 0.0005 * (c.d13 + c.d19);
    expect(t.costs.slippage).toBeCloseTo(slip, 6);
    // Borrow: CoreWeave listed on 2025-03-28, < 365 days before → hard to borrow at 20% a year (actual/365), on the
    // short's value at the previous close, charged at each pre-open for the calendar days since the last session:
    // 08-14: 1 day × 67 × 117.76; 08-15: 1 × 67 × 99.505; 08-18: 3 × 67 × 99.97; 08-19: 1 × 67 × 96.80.
    const borrow = (0.2 / 365) * q * (c.d13 + c.d14 + 3 * c.d15 + c.d18);
    expect(t.costs.borrow).toBeCloseTo(borrow, 6);
    expect(borrow).toBeCloseTo(22.5405, 3); // 0.2 / 365 × 67 × 613.975
    expect(t.costs.dividends).toBe(0); // CoreWeave pays none
    // Net: 1,666.29 − 2 − 7.06 − 22.54 = 1,634.69; on 67 × 117.70 (the entry fill) = +20.73%.
    const net = gross - 2 - slip - borrow;
    expect(t.netPnl).toBeCloseTo(net, 6);
    expect(net).toBeCloseTo(1634.6930, 3);
    expect(t.ret).toBeCloseTo(net / (q * c.d13 * 0.9995), 9);
    expect(t.ret).toBeCloseTo(0.20729, 5);
    expect(run.perEvent).toEqual([{ eventId: events[0]!.id, ret: t.ret, trades: 1 }]);
  });
});
