import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoToDayNumber, resolveDay0, weekdayOf, xnysCalendar, type Timing } from '../src/index';

const cal = xnysCalendar();
const dateArb = fc.integer({ min: isoToDayNumber('2001-01-01'), max: isoToDayNumber('2029-12-31') }).map((d) => addDays('1970-01-01', d));
const timingArb = fc.constantFrom<Timing>('before-open', 'during', 'after-close', 'unknown');

describe('calendar properties', () => {
  it('next/previous bracket any date and are sessions', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const n = cal.next(d);
        const p = cal.previous(d);
        expect(p < d && d < n).toBe(true);
        expect(cal.isSession(n) && cal.isSession(p)).toBe(true);
        // no session strictly between p and d, or d and n (other than d itself)
        expect(cal.sessionsBetween(addDays(p, 1), addDays(n, -1)).filter((s) => s !== d)).toEqual([]);
      }),
    );
  });

  it('shift(n) then shift(-n) is the identity on sessions', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -200, max: 200 }), (d, n) => {
        const s = cal.date(cal.ordinalOnOrAfter(d));
        expect(cal.shift(cal.shift(s, n), -n)).toBe(s);
      }),
    );
  });

  it('sessions are weekdays', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        if (cal.isSession(d)) expect([1, 2, 3, 4, 5]).toContain(weekdayOf(isoToDayNumber(d)));
      }),
    );
  });

  it('day 0 is never before the event date under the next policy, and is a session', () => {
    fc.assert(
      fc.property(dateArb, timingArb, (d, t) => {
        const r = resolveDay0(cal, d, t);
        expect(r.day0 !== null && r.day0 >= d && cal.isSession(r.day0)).toBe(true);
        expect(cal.ordinal(r.day0!)).toBe(r.ordinal);
      }),
    );
  });
});
