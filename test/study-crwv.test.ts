import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError, type BarSeries } from '@aftershock/core';
import { loadEvents, loadSymbol } from '@aftershock/data';
import { runStudy } from '@aftershock/study';

/** Real data, read in place: CoreWeave's Q2-2025 earnings (after the close on 2025-08-12 → day 0 = 2025-08-13) against SPY. */
const ROOT = fileURLToPath(new URL('../../shared/data/real/backtester39/', import.meta.url));
const EARNINGS = fileURLToPath(new URL('../data/earnings.csv', import.meta.url));

describe('study on real data: CRWV Q2-2025 earnings against SPY', () => {
  const crwv = loadSymbol(ROOT, 'CRWV');
  const spy = loadSymbol(ROOT, 'SPY');
  const events = loadEvents(EARNINGS);
  const q2 = events.find((e) => e.symbol === 'CRWV' && e.date === '2025-08-12')!;

  it('day 0 is 2025-08-13 with a raw close-to-close return of −20.8% (117.76 / 148.75 − 1)', () => {
    const res = runStudy({ prices: [crwv], market: spy, events: [q2] }, { estimation: { start: -80, end: -11 }, event: { start: -5, end: 5 }, minEstimation: 40 });
    expect(res.excluded).toEqual([]);
    const e = res.events[0]!;
    expect(e.day0).toBe('2025-08-13');
    expect(e.day0Explanation).toContain('after the close');
    const c = crwv.close;
    const i = crwv.dates.indexOf('2025-08-13');
    expect(c[i]! / c[i - 1]! - 1).toBeCloseTo(117.76 / 148.75 - 1, 4);
    expect(e.day0Return).toBeCloseTo(c[i]! / c[i - 1]! - 1, 15);
    expect(e.day0Return).toBeCloseTo(-0.208, 3);
    // Row of day 0 in event time, and its abnormal return: far below zero, SPY barely moved.
    const r0 = res.relDays.indexOf(0);
    expect(e.dates[r0]).toBe('2025-08-13');
    expect(e.ret[r0]).toBeCloseTo(e.day0Return, 15);
    expect(e.ar[r0]!).toBeLessThan(-0.18);
  });

  it('fewer estimation returns than the minimum (CRWV listed in March 2025): excluded with a reason; a study of nothing fails clearly', () => {
    expect(() => runStudy({ prices: [crwv], market: spy, events: [q2] }, { estimation: { start: -250, end: -11 }, event: { start: -5, end: 5 }, minEstimation: 200 })).toThrow(ValidationError);
    try {
      runStudy({ prices: [crwv], market: spy, events: [q2] }, { estimation: { start: -250, end: -11 }, event: { start: -5, end: 5 }, minEstimation: 200 });
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).problems[0]!.code).toBe('SHORT_ESTIMATION');
      expect((err as ValidationError).message).toMatch(/only \d+ estimation returns/);
    }
  });

  it('grouping by surprise sign gives each group its own statistics (the project earnings calendar)', () => {
    const prices = new Map<string, BarSeries>([['CRWV', crwv], ['NVDA', loadSymbol(ROOT, 'NVDA')], ['MSFT', loadSymbol(ROOT, 'MSFT')]]);
    const res = runStudy({ prices, market: spy, events }, { estimation: { start: -120, end: -11 }, event: { start: -1, end: 3 }, minEstimation: 60, groupBy: 'surprise', carWindows: [{ start: 0, end: 1 }] });
    // CRWV's first two reports lack 120 sessions of history; everything else runs.
    expect(res.excluded.every((x) => x.event.symbol === 'CRWV' && x.code === 'SHORT_ESTIMATION')).toBe(true);
    expect(res.events.length + res.excluded.length).toBe(events.length);
    const total = res.groups.reduce((a, g) => a + g.stats.n, 0);
    expect(total).toBe(res.events.length);
    expect(res.groups.map((g) => g.key)).toEqual([...new Set(res.events.map((e) => e.group!))].sort());
    for (const g of res.groups) {
      const day0 = g.stats.aar.find((a) => a.relDay === 0)!;
      const ars = g.eventIndices.map((i) => res.events[i]!.ar[res.relDays.indexOf(0)]!).filter((x) => x === x);
      expect(day0.aar).toBeCloseTo(ars.reduce((a, b) => a + b, 0) / ars.length, 14);
    }
  });
});
