import { describe, expect, it } from 'vitest';
import { mulberry32, xnysCalendar } from '@aftershock/core';
import { fmt17, runStudy, studyTables } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

// ar.csv writes its repeated texts from bytes encoded once; this rebuilds the file cell by cell with fmt17 and
// checks the two byte for byte, with a symbol that must be quoted and missing values (NA).
describe('ar.csv', () => {
  it('equals the table written cell by cell', () => {
    const cal = xnysCalendar();
    const dates: string[] = [];
    for (let o = cal.ordinal('2024-01-02'); dates.length < 60; o++) dates.push(cal.date(o));
    const rnd = mulberry32(9);
    const walk = () => dates.reduce<number[]>((c, _, i) => [...c, i === 0 ? 50 : c[i - 1]! * (1 + (rnd() - 0.5) * 0.04)], []);
    const market = barsFromCloses('MKT', dates, walk());
    const a = barsFromCloses('A"B', dates, walk().map((c, i) => (i === 30 ? NaN : c)));
    const b = barsFromCloses('Ä', dates, walk());
    const events = [customEvent('A"B', dates[50]!), customEvent('Ä', dates[52]!)];
    const res = runStudy({ prices: [market, a, b], market, events }, { estimation: { start: -40, end: -6 }, event: { start: -3, end: 3 }, minEstimation: 20, bootstrap: false });
    const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = ['symbol,event_date,rel_day,date,window,ret,mkt,predicted,ar'];
    for (const e of res.events) {
      const p = e.predicted;
      res.relDays.forEach((rel, r) => lines.push([q(e.symbol), e.eventDate, String(rel), e.dates[r]!, res.rowWindow[r]!, fmt17(e.ret[r]!), fmt17(e.mkt[r]!), fmt17(p[r]!), fmt17(e.ar[r]!)].join(',')));
    }
    // The row accessors the tables use agree with the whole arrays.
    for (const e of res.events) {
      res.relDays.forEach((_, r) => expect(e.dateAt(r)).toBe(e.dates[r]));
      for (const from of [0, 5, res.relDays.length - 1]) expect([...e.predictedFrom(from)]).toEqual([...e.predicted.subarray(from)]);
    }
    const got = studyTables(res, { arRows: 'all' })['ar.csv']!;
    expect(got).toBe(lines.join('\n') + '\n');
    expect(got).toContain('"A""B",');
    expect(got).toContain(',NA,');
    // The default holds the event window's rows (−3..3) of the same table.
    const eventRows = studyTables(res)['ar.csv']!;
    expect(eventRows).toBe([lines[0], ...lines.slice(1).filter((l) => l.split(',')[4] === 'event')].join('\n') + '\n');
    expect(eventRows.trim().split('\n')).toHaveLength(1 + 2 * 7);
  });
});
