import { describe, expect, it } from 'vitest';
import { attachRelated, loadEvents, loadRelations, loadSymbol, resolveDataRoot } from '@aftershock/data';
import { runBacktest } from '@aftershock/engine';
import { createStrategy } from '@aftershock/strategy';
import { focusBar } from './focus-rows';

// "Short NVDA at the open after a CRWV earnings miss, hold K sessions", on real bars: CoreWeave reported Q2-2025 after
// the close on 2025-08-12 (GAAP EPS −0.60 against −0.23, a miss), so the first open after the release is 2025-08-13's.
const REPO = new URL('..', import.meta.url);

/** Open and close on `date`, read straight from the CSV (Date,Open,High,Low,Close,Volume). */
function bar(symbol: string, date: string): { open: number; close: number } {
  return focusBar(symbol, date);
}

describe('spillover-reaction on CRWV Q2-2025 (real data)', () => {
  const root = resolveDataRoot();
  const source = ['CRWV', 'NVDA', 'MSFT', 'QQQ'].map((s) => loadSymbol(root, s));
  const earnings = loadEvents(new URL('data/earnings.csv', REPO).pathname);
  const events = attachRelated(earnings.filter((e) => e.symbol === 'CRWV' && e.date === '2025-08-12'), loadRelations(new URL('data/relations.csv', REPO).pathname));
  const NO_COSTS = { commission: { type: 'none' as const }, slippage: { type: 'none' as const }, dividends: false };

  it('trigger surprise, follow, hold 3, suppliers only: short NVDA at the open of 08-13, cover at the close of 08-15', () => {
    const strategy = createStrategy('spillover-reaction', { trigger: 'surprise', direction: 'follow', hold: 3, relation: 'supplier' });
    const r = runBacktest({ source, events, strategy, initialCash: 100_000, costs: NO_COSTS, start: '2025-08-01', end: '2025-08-29' });
    const qty = Math.floor(10_000 / bar('NVDA', '2025-08-12').close);
    const entry = bar('NVDA', '2025-08-13').open;
    const exit = bar('NVDA', '2025-08-15').close;
    expect(r.trades.map((t) => [t.symbol, t.direction, t.quantity, t.entryDate, t.exitDate, t.eventId])).toEqual([['NVDA', 'short', qty, '2025-08-13', '2025-08-15', 'CRWV:earnings:2025-08-12']]);
    const t = r.trades[0]!;
    expect(t.entryPrice).toBeCloseTo(entry, 10);
    expect(t.exitPrice!).toBeCloseTo(exit, 10);
    expect(t.pnl).toBeCloseTo(qty * (entry - exit), 8);
  });

  it("trigger move: CRWV's −20.8% day-0 move is known at 08-13's close, so every related symbol is entered at 08-14's open", () => {
    const strategy = createStrategy('spillover-reaction', { trigger: 'move', direction: 'fade', threshold: 10, hold: 2 });
    const r = runBacktest({ source, events, strategy, initialCash: 100_000, costs: NO_COSTS, start: '2025-08-01', end: '2025-08-29' });
    // Fade a fall: long NVDA, MSFT and QQQ (CORZ has no prices here and is skipped) from 08-14's open to 08-15's close.
    expect(r.trades.map((t) => [t.symbol, t.direction, t.entryDate, t.exitDate])).toEqual([
      ['NVDA', 'long', '2025-08-14', '2025-08-15'],
      ['MSFT', 'long', '2025-08-14', '2025-08-15'],
      ['QQQ', 'long', '2025-08-14', '2025-08-15'],
    ]);
    for (const t of r.trades) {
      const qty = Math.floor(10_000 / bar(t.symbol, '2025-08-13').close);
      expect(t.quantity, t.symbol).toBe(qty);
      expect(t.pnl, t.symbol).toBeCloseTo(qty * (bar(t.symbol, '2025-08-15').close - bar(t.symbol, '2025-08-14').open), 8);
    }
  });
});
