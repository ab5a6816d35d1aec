import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, dayNumberToIso, isoToDayNumber } from '../src/dates';

/** Days from 0000-03-01 to y-m-d in the proleptic Gregorian calendar, counted independently (no Date). */
function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe;
}
const EPOCH = civilDays(1970, 1, 1);
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

describe('dates in the years 0000–0099 (Date.UTC reads them as 1900–1999)', () => {
  it('get their own day numbers and leap days', () => {
    expect(isoToDayNumber('0050-01-01')).toBe(civilDays(50, 1, 1) - EPOCH);
    expect(isoToDayNumber('2050-01-01') - isoToDayNumber('0050-01-01')).toBe(5 * 146_097);
    expect(isoToDayNumber('0000-02-29')).toBe(civilDays(0, 2, 29) - EPOCH); // year 0 is a leap year
    expect(isoToDayNumber('0100-02-29')).toBeNaN(); // 100 is not
    expect(daysInMonth(4, 2)).toBe(29);
    expect(dayNumberToIso(isoToDayNumber('0050-01-01'))).toBe('0050-01-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('agree with an independent count for every year 0000–2999 (fixed seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
        const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(daysInMonth(y, m)).toBe(dim);
        if (d > dim) expect(isoToDayNumber(iso)).toBeNaN();
        else {
          expect(isoToDayNumber(iso)).toBe(civilDays(y, m, d) - EPOCH);
          expect(dayNumberToIso(isoToDayNumber(iso))).toBe(iso);
        }
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });
});
