import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xnysCalendar } from '../src/index';

const SPY = new URL('../../../../shared/data/real/backtester39/focus/SPY.csv', import.meta.url);

describe('XNYS calendar', () => {
  const cal = xnysCalendar();

  it('has exactly the sessions of SPY.csv over its whole range', () => {
    const dates = readFileSync(SPY, 'utf8').trim().split('\n').slice(1).map((l) => l.slice(0, 10));
    const spy = dates;
    const ours = cal.sessionsBetween(spy[0]!, spy[spy.length - 1]!);
    const missing = spy.filter((d) => !cal.isSession(d));
    const extra = ours.filter((d) => !spy.includes(d));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(ours).toEqual(spy);
  });

  it('knows the one-off closures and their reasons', () => {
    for (const d of ['2001-09-11', '2001-09-14', '2004-06-11', '2007-01-02', '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09']) {
      expect(cal.isSession(d), d).toBe(false);
      expect(cal.closureReason(d), d).toBeTruthy();
    }
  });

  it('moves next/previous/shift across weekends and holidays', () => {
    expect(cal.next('2025-08-12')).toBe('2025-08-13');
    expect(cal.next('2025-08-15')).toBe('2025-08-18');
    expect(cal.previous('2025-08-18')).toBe('2025-08-15');
    expect(cal.next('2025-07-03')).toBe('2025-07-07');
    expect(cal.shift('2025-08-13', -2)).toBe('2025-08-11');
    expect(cal.shift('2025-08-13', 2)).toBe('2025-08-15');
    expect(cal.previous('2025-01-10')).toBe('2025-01-08');
  });

  it('places open and close instants in New York time, with early closes', () => {
    expect(new Date(cal.openAt('2025-08-13')).toISOString()).toBe('2025-08-13T13:30:00.000Z');
    expect(new Date(cal.closeAt('2025-01-13')).toISOString()).toBe('2025-01-13T21:00:00.000Z');
    expect(cal.isEarlyClose('2025-11-28')).toBe(true);
    expect(new Date(cal.closeAt('2025-11-28')).toISOString()).toBe('2025-11-28T18:00:00.000Z');
    expect(cal.isEarlyClose('2025-12-24')).toBe(true);
    expect(cal.isEarlyClose('2025-07-03')).toBe(true);
  });

  it('rejects dates outside 1990–2040 with a coded error', () => {
    expect(() => cal.next('1989-06-01')).toThrow(/outside the XNYS calendar/);
    expect(() => cal.next('2041-01-02')).toThrow(/outside the XNYS calendar/);
    expect(cal.first).toBe('1990-01-02');
    expect(cal.last).toBe('2040-12-31');
    expect(() => cal.openAt('2025-08-16')).toThrow(/not an XNYS session/);
  });
});
