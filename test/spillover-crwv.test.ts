import { describe, expect, it } from 'vitest';
import { attachRelated, loadEvents, loadRelations, loadSymbol, resolveDataRoot } from '@aftershock/data';
import { runSpillover } from '@aftershock/study';
import { focusBar } from './focus-rows';

// CoreWeave (CRWV) reported Q2-2025 after the close on 2025-08-12, so day 0 is 2025-08-13. How did its supplier and
// investor (NVDA), its largest customer (MSFT) and the Nasdaq-100 (QQQ) move that day?
const REPO = new URL('..', import.meta.url);

/** Close on `date` read straight from a Yahoo-style CSV (Date,Open,High,Low,Close,Volume), independent of the loaders. */
function closeOn(symbol: string, date: string): number {
  return focusBar(symbol, date).close;
}

describe('spillover of CRWV Q2-2025 earnings on real data', () => {
  const root = resolveDataRoot();
  const symbols = ['SPY', 'CRWV', 'NVDA', 'MSFT', 'QQQ'];
  const prices = symbols.map((s) => loadSymbol(root, s));
  const earnings = loadEvents(new URL('data/earnings.csv', REPO).pathname);
  const relations = loadRelations(new URL('data/relations.csv', REPO).pathname);
  const crwv = attachRelated(earnings.filter((e) => e.symbol === 'CRWV' && e.date === '2025-08-12'), relations);
  const r = runSpillover(
    { prices, market: prices[0]!, events: crwv, calendarEvents: earnings },
    { estimation: { start: -250, end: -11 }, event: { start: -5, end: 5 }, carWindows: [{ start: 0, end: 0 }, { start: 0, end: 1 }, { start: -5, end: 5 }], bootstrap: false },
  );
  const pair = (s: string) => r.pairs.find((p) => p.symbol === s)!;

  it('day 0 is 2025-08-13 for every related symbol; NVDA carries both of its labels', () => {
    expect(crwv).toHaveLength(1);
    expect(r.pairs.map((p) => [p.symbol, p.relation, p.day0])).toEqual([
      ['NVDA', 'supplier/investor', '2025-08-13'],
      ['MSFT', 'customer', '2025-08-13'],
      ['QQQ', 'sector-etf', '2025-08-13'],
      ['CORZ', 'acquisition-target', '2025-08-13'],
    ]);
  });

  it('day-0 raw returns of NVDA, MSFT and QQQ equal close(2025-08-13) / close(2025-08-12) − 1 from the focus files', () => {
    for (const s of ['NVDA', 'MSFT', 'QQQ']) {
      const expected = closeOn(s, '2025-08-13') / closeOn(s, '2025-08-12') - 1;
      expect(pair(s).day0Return, s).toBeCloseTo(expected, 12);
      expect(pair(s).included, s).toBe(true);
      expect(Number.isFinite(pair(s).day0Abnormal), s).toBe(true);
    }
  });

  it('CORZ has no price file: excluded with the study code, the others are studied and grouped by relation', () => {
    expect([pair('CORZ').included, pair('CORZ').excluded?.code]).toEqual([false, 'NO_PRICES']);
    expect(r.stats!.n).toBe(3);
    expect(r.groups.map((g) => [g.relation, g.stats.n])).toEqual([
      ['customer', 1],
      ['investor', 1],
      ['sector-etf', 1],
      ['supplier', 1],
    ]);
  });

  it("no related symbol reports inside [-5, 5]; MSFT's own report (2025-07-30, day 0 07-31 = −9) is inside [-10, 10]", () => {
    expect(r.pairs.filter((p) => p.contaminated)).toEqual([]);
    const wide = runSpillover(
      { prices, market: prices[0]!, events: crwv, calendarEvents: earnings },
      { estimation: { start: -250, end: -11 }, event: { start: -10, end: 10 }, bootstrap: false, excludeContaminated: true },
    );
    const msft = wide.pairs.find((p) => p.symbol === 'MSFT')!;
    expect(msft.contaminatedBy.map((c) => [c.symbol, c.day0, c.offset])).toEqual([['MSFT', '2025-07-31', -9]]);
    expect([msft.included, msft.excluded?.code]).toEqual([false, 'CONTAMINATED']);
    expect(wide.groups.map((g) => g.relation)).not.toContain('customer');
  });
});
