import { describe, expect, it } from 'vitest';
import { mulberry32, xnysCalendar, type MarketEvent } from '@aftershock/core';
import { runStudy, studyTables, type StudyConfig } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

// 90 sessions from 2024-01-02; closes from seeded returns. Events of firm A at sessions 60, 63, 75 (before the
// open: day 0 = that session) and 69 after the close (day 0 = session 70); firm B at 61.
const cal = xnysCalendar();
const dates: string[] = [];
for (let o = cal.ordinal('2024-01-02'); dates.length < 90; o++) dates.push(cal.date(o));
function walk(seed: number): number[] {
  const rnd = mulberry32(seed);
  const out = [100];
  for (let i = 1; i < 90; i++) out.push(out[i - 1]! * (1 + (rnd() - 0.5) * 0.04));
  return out;
}
const market = barsFromCloses('MKT', dates, walk(1));
const prices = [market, barsFromCloses('A', dates, walk(2)), barsFromCloses('B', dates, walk(3))];
const e60 = customEvent('A', dates[60]!);
const e63 = customEvent('A', dates[63]!);
const e75 = customEvent('A', dates[75]!);
const e69 = customEvent('A', dates[69]!, 'after-close');
const b61 = customEvent('B', dates[61]!);
const events: MarketEvent[] = [e60, e63, e75, e69, b61];
const config: StudyConfig = { estimation: { start: -50, end: -11 }, event: { start: -5, end: 5 }, minEstimation: 20, bootstrap: false };

describe('confounded events: another event of the same firm with day 0 inside the window', () => {
  it('flags each pair both ways with the offset in sessions, the window bounds included; other firms never count', () => {
    const r = runStudy({ prices, market, events }, config);
    const by = new Map(r.events.map((e) => [e.event, e.confoundedBy.map((c) => [c.eventId, c.offset, c.day0])]));
    expect(by.get(e60)).toEqual([[e63.id, 3, dates[63]]]);
    expect(by.get(e63)).toEqual([[e60.id, -3, dates[60]]]);
    // e69 is after the close: day 0 is session 70, exactly −5 from e75.
    expect(by.get(e75)).toEqual([[e69.id, -5, dates[70]]]);
    expect(by.get(e69)).toEqual([[e75.id, 5, dates[75]]]);
    expect(by.get(b61)).toEqual([]);
    expect(r.events.every((e) => e.inTests)).toBe(true);
    expect(r.stats.n).toBe(5);
    const t = studyTables(r);
    expect(t['confounded.csv']!.split('\n')[0]).toBe('symbol,event_date,other_event,other_kind,other_date,other_day0,offset,in_tests');
    expect(t['confounded.csv']).toContain(`A,${dates[60]},${e63.id},custom,${dates[63]},${dates[63]},3,yes`);
    expect(t['summary.md']).toContain('Confounded (another event of the firm with day 0 inside the event window): 4, kept in the tests');
  });

  it('a window of [−2, +2] flags none (the closest pair is three sessions apart)', () => {
    const r = runStudy({ prices, market, events }, { ...config, event: { start: -2, end: 2 } });
    expect(r.events.filter((e) => e.confoundedBy.length > 0)).toEqual([]);
  });

  it('excludeConfounded: flagged events stay in the tables but leave every test, which equal a study of the rest alone', () => {
    const r = runStudy({ prices, market, events }, { ...config, excludeConfounded: true });
    expect(r.events).toHaveLength(5);
    expect(r.events.filter((e) => e.inTests).map((e) => e.event)).toEqual([b61]);
    expect(r.stats.n).toBe(1);
    const alone = runStudy({ prices, market, events: [b61] }, config);
    expect(r.stats.aar).toEqual(alone.stats.aar);
    expect(r.stats.parametric).toEqual(alone.stats.parametric);
    expect(studyTables(r)['confounded.csv']).toContain(',no\n');
  });

  it('excludeConfounded with every event confounded is a coded error', () => {
    expect(() => runStudy({ prices, market, events: [e60, e63] }, { ...config, excludeConfounded: true })).toThrow(/confounded/);
  });
});
