import { describe, expect, it } from 'vitest';
import { dayNumberToIso, isoToDayNumber, weekdayOf } from '../src/dates';
import { xnysCalendar } from '../src/calendar';
import { earlyCloses } from '../src/xnys-rules';

/*
 * The early-close rules checked on every weekday they can fall on, not one year: Christmas Eve closes early on
 * Monday–Thursday (2026 and 2020 are Thursdays, 2025 a Wednesday), July 3 on Monday–Thursday (from 2006), the day
 * after Thanksgiving always. An independent statement of the rule below, over 2006–2030.
 */
describe('early closes on every weekday', () => {
  it('Christmas Eve on a Thursday closes at 13:00 (2020, 2026), as on Monday–Wednesday; never on Friday', () => {
    for (const [day, early] of [['2020-12-24', true], ['2026-12-24', true], ['2025-12-24', true], ['2029-12-24', true], ['2018-12-24', true], ['2021-12-24', false]] as const) {
      expect(earlyCloses(Number(day.slice(0, 4))).map(([d]) => dayNumberToIso(d)).includes(day), day).toBe(early);
    }
    const cal = xnysCalendar();
    expect(cal.isSession('2026-12-24')).toBe(true);
    expect(cal.isEarlyClose('2026-12-24')).toBe(true);
    expect(cal.closeAt('2026-12-24')).toBe(Date.parse('2026-12-24T18:00:00Z')); // 13:00 in New York (EST)
  });

  it('match the rule stated independently for every year 2006–2030', () => {
    for (let y = 2006; y <= 2030; y++) {
      const want: string[] = [];
      const wd = (iso: string) => weekdayOf(isoToDayNumber(iso)); // 0 = Sunday … 6 = Saturday
      const jul3 = `${y}-07-03`;
      if (wd(jul3) >= 1 && wd(jul3) <= 4) want.push(jul3);
      // The fourth Thursday of November, plus one day.
      let d = isoToDayNumber(`${y}-11-01`);
      while (weekdayOf(d) !== 4) d++;
      want.push(dayNumberToIso(d + 21 + 1));
      const eve = `${y}-12-24`;
      if (wd(eve) >= 1 && wd(eve) <= 4) want.push(eve);
      expect(earlyCloses(y).map(([d]) => dayNumberToIso(d)).sort(), String(y)).toEqual(want.sort());
    }
  });
});
