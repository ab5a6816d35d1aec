import { describe, expect, it } from 'vitest';
import { xnysCalendar, type IsoDate, type MarketEvent } from '@aftershock/core';
import { runSpillover, runStudy, sessionOffset, spilloverPairs, type SpilloverConfig } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

const cal = xnysCalendar();
const N = 60;
const dates: IsoDate[] = cal.sessionsBetween('2024-01-02', '2024-06-28').slice(0, N);

/** Closes from a start price and deterministic returns r(t) (t = 1..n−1). */
function path(r: (t: number) => number, p0 = 100): number[] {
  const out = [p0];
  for (let t = 1; t < N; t++) out.push(out[t - 1]! * (1 + r(t)));
  return out;
}

const market = barsFromCloses('MKT', dates, path((t) => 0.01 * Math.sin(t * 1.3)));
const a = barsFromCloses('AAA', dates, path((t) => 0.012 * Math.sin(t * 0.7) + (t === 40 ? -0.2 : 0)));
const b1 = barsFromCloses('BB1', dates, path((t) => 0.008 * Math.cos(t * 0.9) + 0.5 * 0.01 * Math.sin(t * 1.3) + (t === 40 ? -0.05 : 0)));
const b2 = barsFromCloses('BB2', dates, path((t) => 0.009 * Math.sin(t * 2.1) + (t === 42 ? 0.3 : 0)));
// BB3 has no bar on day −1 (index 39): its day-0 return spans the gap.
const b3all = path((t) => 0.007 * Math.cos(t * 1.7) + 0.01 * Math.sin(t * 1.3));
const b3 = barsFromCloses('BB3', dates.filter((_, i) => i !== 39), b3all.filter((_, i) => i !== 39));
const prices = [market, a, b1, b2, b3];

// AAA's event before the open of session 40 → day 0 = dates[40]. BB2 has its own event on day +2 (inside the
// event window [-5, 5]); BB3 has one on day −15 (inside the estimation window, which is not checked).
const day0 = dates[40]!;
const aEvent: MarketEvent = { ...customEvent('AAA', day0, 'before-open'), related: [{ symbol: 'BB1', relation: 'supplier' }] };
const b2Event = customEvent('BB2', dates[42]!, 'before-open');
const b3Event = customEvent('BB3', dates[25]!, 'before-open');
const relations = { AAA: [{ symbol: 'BB2', relation: 'supplier' }, { symbol: 'BB3', relation: 'customer' }] };
const config: SpilloverConfig = { estimation: { start: -30, end: -6 }, event: { start: -5, end: 5 }, carWindows: [{ start: 0, end: 0 }, { start: 0, end: 1 }, { start: -5, end: 5 }], model: 'market-adjusted', minEstimation: 20, bootstrap: false };
const input = { prices, market, events: [aEvent], relations, calendarEvents: [b2Event, b3Event] };

describe('spillover pairs', () => {
  it("merges an event's own related list with the relations by company; one pair per symbol with every label", () => {
    const e: MarketEvent = { ...customEvent('CRWV', '2025-08-12', 'after-close'), related: [{ symbol: 'NVDA', relation: 'supplier', source: 's1' }, { symbol: 'CRWV' }] };
    const rel = new Map([['CRWV', [{ symbol: 'NVDA', relation: 'investor', source: 's2' }, { symbol: 'MSFT', relation: 'customer' }, { symbol: 'QQQ' }]]]);
    const pairs = spilloverPairs([e], rel);
    expect(pairs.map((p) => [p.symbol, p.relations, p.sources])).toEqual([
      ['NVDA', ['supplier', 'investor'], ['s1', 's2']],
      ['MSFT', ['customer'], []],
      ['QQQ', ['related'], []],
    ]);
    expect(spilloverPairs([e], rel, ['QQQ', 'MSFT']).map((p) => p.symbol)).toEqual(['MSFT', 'QQQ']);
    expect(spilloverPairs([e], { CRWV: [{ symbol: 'MSFT', relation: 'customer' }] }).map((p) => p.symbol)).toEqual(['NVDA', 'MSFT']);
    // Several labels in one relation text (as a scenario may merge them) are split.
    expect(spilloverPairs([{ ...e, related: [] }], { CRWV: [{ symbol: 'NVDA', relation: 'supplier, investor' }] })[0]!.relations).toEqual(['supplier', 'investor']);
  });
});

describe('runSpillover on hand-built series', () => {
  const r = runSpillover(input, config);
  const pair = (s: string) => r.pairs.find((p) => p.symbol === s)!;

  it("measures the related symbols around the event company's day 0, on their own bars", () => {
    expect(r.pairs.map((p) => [p.eventId, p.symbol, p.relation, p.day0])).toEqual([
      ['AAA-' + day0, 'BB1', 'supplier', day0],
      ['AAA-' + day0, 'BB2', 'supplier', day0],
      ['AAA-' + day0, 'BB3', 'customer', day0],
    ]);
    expect(pair('BB1').day0Return).toBeCloseTo(b1.close[40]! / b1.close[39]! - 1, 14);
    // BB3 has no close on day −1: the return spans the gap from day −2.
    expect(pair('BB3').day0Return).toBeCloseTo(b3all[40]! / b3all[38]! - 1, 14);
    // Market-adjusted: AR = R − Rm; CAR[0,1] = (R0 − Rm0) + (R1 − Rm1).
    const rm = (i: number) => market.close[i]! / market.close[i - 1]! - 1;
    const r1 = (i: number) => b1.close[i]! / b1.close[i - 1]! - 1;
    expect(pair('BB1').day0Abnormal).toBeCloseTo(r1(40) - rm(40), 14);
    expect(pair('BB1').cars[1]!.car).toBeCloseTo(r1(40) - rm(40) + r1(41) - rm(41), 14);
    expect(pair('BB1').carPath.map((p) => p.relDay)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    expect(pair('BB1').carPath.at(-1)!.car).toBeCloseTo(pair('BB1').cars[2]!.car, 14);
  });

  it('flags a related symbol with its own event inside the event window (not one inside the estimation window)', () => {
    expect(pair('BB1').contaminated).toBe(false);
    expect(pair('BB2').contaminated).toBe(true);
    expect(pair('BB2').contaminatedBy).toEqual([{ eventId: b2Event.id, symbol: 'BB2', kind: 'custom', date: dates[42], day0: dates[42], offset: 2 }]);
    expect(pair('BB3').contaminated).toBe(false);
    // Flagged but not excluded by default: every studied pair is in the statistics.
    expect(r.pairs.every((p) => p.included)).toBe(true);
    expect(r.stats!.n).toBe(3);
    expect(r.groups.map((g) => [g.relation, g.pairIndices, g.stats.n])).toEqual([
      ['customer', [2], 1],
      ['supplier', [0, 1], 2],
    ]);
  });

  it('excludeContaminated drops the contaminated pair from the statistics, and keeps it flagged in the rows', () => {
    const x = runSpillover(input, { ...config, excludeContaminated: true });
    const p2 = x.pairs.find((p) => p.symbol === 'BB2')!;
    expect([p2.contaminated, p2.included, p2.excluded?.code]).toEqual([true, false, 'CONTAMINATED']);
    expect(p2.excluded!.reason).toContain(b2Event.id);
    expect(p2.day0Return).toBe(pair('BB2').day0Return);
    expect(x.stats!.n).toBe(2);
    const supplier = x.groups.find((g) => g.relation === 'supplier')!;
    expect([supplier.pairIndices, supplier.stats.n]).toEqual([[0], 1]);
    // The group's statistics are BB1's alone: AAR on day +2 (BB2's own +30% day) is BB1's AR, not the mean with BB2.
    const day2 = (s: typeof supplier.stats) => s.aar.find((row) => row.relDay === 2)!.aar;
    const b1Ar2 = pair('BB1').carPath[7]!.car - pair('BB1').carPath[6]!.car;
    expect(day2(supplier.stats)).toBeCloseTo(b1Ar2, 14);
    const withB2 = r.groups.find((g) => g.relation === 'supplier')!;
    expect(day2(withB2.stats)).toBeGreaterThan(0.1);
    // And they equal a plain study of the clean pairs.
    const clean = runStudy({ prices, market, events: [{ ...aEvent, symbol: 'BB1', id: 'x' }, { ...aEvent, symbol: 'BB3', id: 'y' }] }, config);
    expect(x.stats!.aar.map((row) => row.aar)).toEqual(clean.stats.aar.map((row) => row.aar));
    expect(x.stats!.carTests).toEqual(clean.stats.carTests);
  });

  it('an after-close event moves day 0 of every pair to the next session', () => {
    const late = runSpillover({ ...input, events: [{ ...aEvent, date: dates[39]!, timing: 'after-close' }] }, config);
    expect(late.pairs.map((p) => p.day0)).toEqual([day0, day0, day0]);
    expect(late.pairs[0]!.day0Return).toBeCloseTo(pair('BB1').day0Return, 15);
  });

  it('pairs without prices or history are excluded with the study code; the rest is still studied', () => {
    const x = runSpillover({ ...input, relations: { AAA: [...relations.AAA, { symbol: 'NOPE', relation: 'customer' }] } }, config);
    const nope = x.pairs.find((p) => p.symbol === 'NOPE')!;
    expect([nope.included, nope.excluded?.code, Number.isNaN(nope.day0Return)]).toEqual([false, 'NO_PRICES', true]);
    expect(x.stats!.n).toBe(3);
    const none = runSpillover({ ...input, relations: {}, events: [{ ...aEvent, related: [{ symbol: 'NOPE' }] }] }, config);
    expect([none.stats, none.groups, none.pairs[0]!.excluded?.code]).toEqual([null, [], 'VALIDATION_FAILED']);
  });

  it('counts offsets in market sessions', () => {
    expect(sessionOffset(market, market.session[40]!, market.session[42]!)).toBe(2);
    expect(sessionOffset(market, market.session[40]!, market.session[30]!)).toBe(-10);
  });
});
