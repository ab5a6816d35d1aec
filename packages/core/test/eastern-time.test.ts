import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_ZONE, xnysCalendar } from '../src/index';

/** The reference: luxon placing a New York wall-clock time through the time-zone database. */
const luxonInstant = (date: string, hhmm: string): number => DateTime.fromISO(`${date}T${hhmm}`, { zone: EXCHANGE_ZONE }).toMillis();

describe('XNYS open and close instants without a time-zone lookup', () => {
  it('equal luxon for every session 1990–2040 (both DST rule sets, every early close)', () => {
    const cal = xnysCalendar();
    const bad: string[] = [];
    // The early closes that were not at 13:00 (xnys-rules.ts).
    const odd: Record<string, string> = { '1990-12-24': '14:00', '1991-12-24': '14:00', '1992-11-27': '14:00', '1992-12-24': '14:00', '1994-02-11': '14:30', '1996-01-08': '14:00', '1997-10-27': '15:30' };
    for (let o = 0; o < cal.size; o++) {
      const d = cal.date(o);
      const close = cal.isEarlyClose(d) ? (odd[d] ?? '13:00') : '16:00';
      if (cal.openAt(d) !== luxonInstant(d, '09:30')) bad.push(`${d} open`);
      if (cal.closeAt(d) !== luxonInstant(d, close)) bad.push(`${d} close`);
    }
    expect(bad).toEqual([]);
  });

  it('hold the sessions around each DST change (EDT is UTC−4, EST UTC−5)', () => {
    const cal = xnysCalendar();
    // 2006: first Sunday of April and last Sunday of October; 2007 on: second Sunday of March, first of November.
    expect(new Date(cal.openAt('2006-03-31')).toISOString()).toBe('2006-03-31T14:30:00.000Z');
    expect(new Date(cal.openAt('2006-04-03')).toISOString()).toBe('2006-04-03T13:30:00.000Z');
    expect(new Date(cal.openAt('2006-10-27')).toISOString()).toBe('2006-10-27T13:30:00.000Z');
    expect(new Date(cal.openAt('2006-10-30')).toISOString()).toBe('2006-10-30T14:30:00.000Z');
    expect(new Date(cal.openAt('2025-03-07')).toISOString()).toBe('2025-03-07T14:30:00.000Z');
    expect(new Date(cal.openAt('2025-03-10')).toISOString()).toBe('2025-03-10T13:30:00.000Z');
    expect(new Date(cal.closeAt('2025-10-31')).toISOString()).toBe('2025-10-31T20:00:00.000Z');
    expect(new Date(cal.closeAt('2025-11-03')).toISOString()).toBe('2025-11-03T21:00:00.000Z');
    expect(new Date(cal.closeAt('2025-11-28')).toISOString()).toBe('2025-11-28T18:00:00.000Z');
    expect(() => cal.openAt('2025-11-29')).toThrow(/not an XNYS session/);
  });
});
