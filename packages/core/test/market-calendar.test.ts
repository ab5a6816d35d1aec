import { describe, expect, it } from 'vitest';
import { addDays, marketCalendar, marketCalendarOfDays, resolveDay0, weekdayOf, isoToDayNumber, xnysCalendar } from '../src/index';

/** Weekdays of 2025 except `closed`. */
function weekdays(closed: readonly string[]): string[] {
  const out: string[] = [];
  for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
    const wd = weekdayOf(isoToDayNumber(d));
    if (wd !== 0 && wd !== 6 && !closed.includes(d)) out.push(d);
  }
  return out;
}

describe('marketCalendar: sessions from a market series', () => {
  // An exchange that trades on the US Independence Day and closes on two days XNYS trades.
  const closed = ['2025-01-01', '2025-05-01', '2025-08-15', '2025-12-25'];
  const cal = marketCalendar(weekdays(closed), { symbol: 'IDX' });
  const xnys = xnysCalendar();

  it('counts the market own sessions, not XNYS ones', () => {
    expect(cal.name).toBe('IDX');
    expect(cal.isSession('2025-07-04')).toBe(true);
    expect(xnys.isSession('2025-07-04')).toBe(false);
    expect(cal.isSession('2025-08-15')).toBe(false);
    expect(cal.closureReason('2025-08-15')).toBe('no IDX bar');
    expect(cal.closureReason('2025-08-16')).toBeUndefined(); // a weekend
    expect(cal.next('2025-08-14')).toBe('2025-08-18');
    expect(cal.shift('2025-07-03', 1)).toBe('2025-07-04');
    expect(cal.sessionsBetween('2025-07-01', '2025-07-08')).toEqual(['2025-07-01', '2025-07-02', '2025-07-03', '2025-07-04', '2025-07-07', '2025-07-08']);
    expect(cal.size).toBe(weekdays(closed).length);
  });

  it('gives day 0 by the one day-0 rule on its sessions', () => {
    expect(resolveDay0(cal, '2025-07-03', 'after-close').day0).toBe('2025-07-04');
    expect(resolveDay0(xnys, '2025-07-03', 'after-close').day0).toBe('2025-07-07');
    expect(resolveDay0(cal, '2025-08-15', 'before-open').explanation).toContain('no IDX bar');
  });

  it('opens and closes at the stated hours (default 09:30–16:00 New York)', () => {
    expect(new Date(cal.openAt('2025-07-04')).toISOString()).toBe('2025-07-04T13:30:00.000Z');
    expect(new Date(cal.closeAt('2025-12-24')).toISOString()).toBe('2025-12-24T21:00:00.000Z');
    const tokyo = marketCalendar(['2025-08-12', '2025-08-13'], { symbol: 'N225', open: '09:00', close: '15:30', zone: 'Asia/Tokyo' });
    expect(new Date(tokyo.openAt('2025-08-13')).toISOString()).toBe('2025-08-13T00:00:00.000Z');
    expect(new Date(tokyo.closeAt('2025-08-13')).toISOString()).toBe('2025-08-13T06:30:00.000Z');
  });

  it('covers only the series span, sorts and de-duplicates its dates, and rejects bad input with codes', () => {
    const c = marketCalendar(['2025-03-05', '2025-03-03', '2025-03-05']);
    expect(c.sessionsBetween('2025-01-01', '2025-12-31')).toEqual(['2025-03-03', '2025-03-05']);
    expect(() => c.next('2025-03-05')).toThrow(/outside the market calendar/);
    expect(() => c.ordinalOnOrAfter('2025-03-06')).toThrow(/CALENDAR_OUT_OF_RANGE|outside/);
    expect(() => marketCalendar([])).toThrow(/no bars/);
    expect(() => marketCalendar(['2025-02-30'])).toThrow(/not a date/);
    expect(() => marketCalendar(['2025-03-03'], { open: '16:00', close: '09:30' })).toThrow(/before close/);
  });
});

describe('marketCalendarOfDays: the same calendar from day numbers', () => {
  it('answers every question as marketCalendar of the same dates does, and refuses what it refuses', () => {
    const dates = weekdays(['2025-05-01', '2025-08-15']);
    const a = marketCalendar(dates, { symbol: 'IDX', open: '09:00', close: '15:30', zone: 'Asia/Tokyo' });
    const b = marketCalendarOfDays(dates.map(isoToDayNumber), { symbol: 'IDX', open: '09:00', close: '15:30', zone: 'Asia/Tokyo' });
    expect([b.name, b.first, b.last, b.size]).toEqual([a.name, a.first, a.last, a.size]);
    for (let d = a.first; d <= a.last; d = addDays(d, 1)) {
      expect([b.isSession(d), b.closureReason(d), b.ordinalOnOrAfter(d), b.ordinalOnOrBefore(d)]).toEqual([a.isSession(d), a.closureReason(d), a.ordinalOnOrAfter(d), a.ordinalOnOrBefore(d)]);
      if (a.isSession(d)) expect([b.openAt(d), b.closeAt(d)]).toEqual([a.openAt(d), a.closeAt(d)]);
    }
    for (let k = 0; k < a.size; k++) expect(b.date(k)).toBe(a.date(k));
    expect(() => marketCalendarOfDays([])).toThrow(/no bars/);
    expect(() => marketCalendarOfDays([20000], { open: '16:00', close: '09:30' })).toThrow(/before close/);
    expect(() => marketCalendarOfDays([20001, 20000])).toThrow(/increasing/);
  });
});

describe('resolveDay0 at the edges of a calendar', () => {
  it('gives no day 0 (with the reason) when it would fall after the last session', () => {
    const cal = marketCalendar(['2025-08-11', '2025-08-12'], { symbol: 'IDX' });
    const d = resolveDay0(cal, '2025-08-12', 'after-close', {}, 'earnings');
    expect(d).toEqual({ day0: null, ordinal: -1, explanation: 'earnings released after the close on 2025-08-12: day 0 would fall outside the IDX calendar (2025-08-11..2025-08-12)' });
    expect(resolveDay0(cal, '2025-08-12', 'before-open').day0).toBe('2025-08-12');
    expect(resolveDay0(cal, '2025-08-01', 'before-open').day0).toBeNull();
  });
});
