import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problems, xnysCalendar } from '@aftershock/core';
import { parsePrices, sessionIndex } from '../src/index';

const cal = xnysCalendar();

describe('a series\' dates are its sessions\' dates, taken as one slice of the calendar\'s when the sessions are consecutive', () => {
  it('random files with and without missing sessions: dates[i] is the date of session[i]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8000 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 30 }), fc.boolean(), (start, steps, consecutive) => {
        let o = start;
        const ords = steps.map((s) => (o += consecutive ? 1 : s));
        const text = 'Date,Close\n' + ords.map((k) => `${cal.date(k)},10`).join('\n') + '\n';
        const s = parsePrices(new TextEncoder().encode(text), 'X.csv', { calendar: cal, problems: new Problems() }).get('X')!;
        expect(s.dates.length).toBe(ords.length);
        expect([...s.session]).toEqual(ords);
        expect(s.dates).toEqual(ords.map((k) => cal.date(k)));
        // A copy, never the session index's own list: a caller may change its series' dates.
        expect(s.dates).not.toBe(sessionIndex(cal).dates);
        (s.dates as string[])[0] = 'changed';
        expect(sessionIndex(cal).dates[ords[0]!]).toBe(cal.date(ords[0]!));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
