import { describe, expect, it } from 'vitest';
import { mulberry32, xnysCalendar } from '@aftershock/core';
import { fmt17, runStudy, studyTables } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';
import { arTableFile } from '../src/ar-table';
import { collect } from '../src/csv-writer';
import type { StudyResult } from '../src/study-types';

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
      for (const from of [0, 5, res.relDays.length - 1]) {
        expect([...e.predictedFrom(from)]).toEqual([...e.predicted.subarray(from)]);
        // Into a caller's array when it has room (a view of it, the rest untouched), else a new one.
        const into = new Float64Array(res.relDays.length + 2).fill(7);
        const got = e.predictedFrom(from, into);
        expect(got.buffer).toBe(into.buffer);
        expect([...got]).toEqual([...e.predicted.subarray(from)]);
        expect(into[res.relDays.length - from]).toBe(7);
        const short = new Float64Array(1);
        if (res.relDays.length - from > 1) expect(e.predictedFrom(from, short).buffer).not.toBe(short.buffer);
      }
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

// The writer on a hand-made result: the same session's market return written from its cached text only while it
// is the same number (a firm's row may hold another value or NA for it), the constant-mean model's NA column.
describe('ar.csv writer', () => {
  const dates = ['2024-03-01', '2024-03-04', '2024-03-05'];
  const ev = (symbol: string, from: number, ret: number[], mkt: number[], ar: number[]) => {
    const pred = ret.map((r, k) => r - ar[k]!);
    return {
      symbol,
      eventDate: dates[from]!,
      ret: Float64Array.from(ret),
      mkt: Float64Array.from(mkt),
      ar: Float64Array.from(ar),
      dateAt: (r: number) => dates[from + r]!,
      predictedFrom: (f: number) => Float64Array.from(pred.slice(f)),
    };
  };
  // Two rows an event; events 1–3 share 2024-03-04 with different market numbers, NaN among them.
  const events = [
    ev('AAA', 0, [0.01, 0.02], [0.001, 0.0025], [0.009, 0.0175]),
    ev('B,B', 1, [-0.03, 0.04], [0.0025, -1e-9], [-0.0325, 0.04]),
    ev('CCC', 1, [NaN, 0.05], [NaN, -1e-9], [NaN, 0.05]),
    ev('DDD', 1, [0.5, 1e-20], [0.003, 0.004], [0.497, -0.004]),
    ev('EEE', 1, [0.1, 0.2], [0.0025, -1e-9], [0.0975, 0.2]),
  ];
  const byCell = (model: string): string => {
    const lines = ['symbol,event_date,rel_day,date,window,ret,mkt,predicted,ar'];
    for (const e of events) {
      const p = e.predictedFrom(0);
      for (let r = 0; r < 2; r++) {
        const key = /,/.test(e.symbol) ? `"${e.symbol}"` : e.symbol;
        lines.push([key, e.eventDate, String(r - 1), e.dateAt(r), 'event', fmt17(e.ret[r]!), model === 'constant-mean' ? 'NA' : fmt17(e.mkt[r]!), fmt17(p[r]!), fmt17(e.ar[r]!)].join(','));
      }
    }
    return lines.join('\n') + '\n';
  };
  for (const model of ['market-model', 'constant-mean'] as const) {
    it(`equals the cells written one by one (${model})`, () => {
      const res = { model, relDays: Int32Array.of(-1, 0), rowWindow: ['event', 'event'], events } as unknown as StudyResult;
      const text = collect((w) => arTableFile(res, 0).write(w));
      expect(text).toBe(byCell(model));
      if (model === 'market-model') expect(text).toContain('DDD,2024-03-04,-1,2024-03-04,event,0.5,0.0030000000000000001,');
    });
  }
});
