import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xnysCalendar } from '../src/index';

// Kenneth French's daily factors are computed on CRSP's trading days, i.e. the NYSE's sessions: a published
// session list from 1926 to 2026-04-30 (../shared/data/real/SOURCES.md §5), read in place.
const FF3 = new URL('../../../../shared/data/real/factors/F-F_Research_Data_Factors_daily.csv', import.meta.url);

describe('XNYS calendar over 1990–2040', () => {
  const cal = xnysCalendar();

  it('has exactly the trading days of the Fama–French daily file from 1990-01-02 to 2026-04-30', () => {
    const ff = readFileSync(FF3, 'utf8').split('\n').filter((l) => /^\d{4}-\d\d-\d\d,/.test(l)).map((l) => l.slice(0, 10)).filter((d) => d >= '1990-01-01');
    expect(ff[0]).toBe('1990-01-02');
    expect(ff[ff.length - 1]).toBe('2026-04-30');
    const ours = cal.sessionsBetween('1990-01-01', '2026-04-30');
    const inFf = new Set(ff);
    expect({ missing: ours.filter((d) => !inFf.has(d)), extra: ff.filter((d) => !cal.isSession(d)) }).toEqual({ missing: [], extra: [] });
    expect(ours.length).toBe(ff.length);
  });

  it('closes on the national days of mourning and the storm days, with their reasons', () => {
    const days: Record<string, RegExp> = {
      '1994-04-27': /Nixon/,
      '2004-06-11': /Reagan/,
      '2007-01-02': /Ford/,
      '2012-10-29': /Sandy/,
      '2012-10-30': /Sandy/,
      '2018-12-05': /Bush/,
      '2025-01-09': /Carter/,
    };
    for (const [d, why] of Object.entries(days)) {
      expect(cal.isSession(d), d).toBe(false);
      expect(cal.closureReason(d), d).toMatch(why);
    }
  });

  it('observes Martin Luther King Jr. Day from 1998 and Juneteenth from 2022', () => {
    expect(cal.isSession('1997-01-20')).toBe(true);
    expect(cal.isSession('1998-01-19')).toBe(false);
    expect(cal.isSession('2021-06-18')).toBe(true); // Juneteenth 2021 (a Saturday) was not yet an exchange holiday
    expect(cal.isSession('2022-06-20')).toBe(false); // observed on Monday
    expect(cal.isSession('2027-06-18')).toBe(false); // Saturday → Friday
  });

  it('closes on Good Friday (computed from Easter) every year', () => {
    for (const d of ['1990-04-13', '1995-04-14', '2000-04-21', '2019-04-19', '2026-04-03', '2033-04-15', '2040-03-30']) {
      expect(cal.closureReason(d), d).toBe('Good Friday');
    }
  });

  it('matches the NYSE published holiday lists for 2026–2028', () => {
    // nyse.com "Holidays & Trading Hours": 2028 has no New Year holiday (January 1 is a Saturday).
    const published: Record<string, string[]> = {
      '2026': ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
      '2027': ['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'],
      '2028': ['2028-01-17', '2028-02-21', '2028-04-14', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-11-23', '2028-12-25'],
    };
    for (const [y, want] of Object.entries(published)) {
      const closedWeekdays: string[] = [];
      for (let d = new Date(`${y}-01-01T00:00:00Z`); d.getUTCFullYear() === Number(y); d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !cal.isSession(iso)) closedWeekdays.push(iso);
      }
      expect(closedWeekdays, y).toEqual(want);
    }
    expect(cal.isSession('2027-12-31')).toBe(true);
  });

  it('knows the early closes of the 1990s, including the 14:00 closes of 1990–1992', () => {
    expect(new Date(cal.closeAt('1992-11-27')).toISOString()).toBe('1992-11-27T19:00:00.000Z'); // 14:00 EST
    expect(new Date(cal.closeAt('1993-11-26')).toISOString()).toBe('1993-11-26T18:00:00.000Z'); // 13:00 EST
    expect(new Date(cal.closeAt('1991-12-24')).toISOString()).toBe('1991-12-24T19:00:00.000Z');
    expect(cal.isEarlyClose('1991-11-29')).toBe(false);
    expect(cal.isEarlyClose('1996-07-05')).toBe(true);
    expect(new Date(cal.closeAt('1997-10-27')).toISOString()).toBe('1997-10-27T20:30:00.000Z'); // circuit breaker, 15:30 EST
    expect(cal.isEarlyClose('2039-11-25')).toBe(true); // the day after Thanksgiving 2039
  });
});
