import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIsoDate, isoToDayNumber } from '@aftershock/core';
import { parseIsoDayAt } from '../src/session-index';

/** Ten characters from what a date column holds: digits, dashes, spaces, a T, a sign, a letter. */
const tenChars = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.array(fc.constantFrom('0', '1', '2', '9', '-', ' ', 'T', '+', 'a', '.'), { minLength: 10, maxLength: 10 }).map((a) => a.join('')),
);

describe('event dates are read without a RegExp: parseIsoDayAt on 10 characters is core\'s isValidIsoDate', () => {
  it('accepts and rejects the same strings, with the same day number', () => {
    fc.assert(
      fc.property(tenChars, (s) => {
        const day = parseIsoDayAt(s, 0, 10);
        expect(day === day).toBe(isValidIsoDate(s));
        if (day === day) expect(day).toBe(isoToDayNumber(s));
      }),
      { seed: 20261201, numRuns: 5000 },
    );
  });

  it('leap days, month ends and padded years', () => {
    for (const [s, ok] of [['2024-02-29', true], ['2025-02-29', false], ['1900-02-29', false], ['2000-02-29', true], ['2025-04-31', false], ['2025-12-31', true], ['0100-01-01', true], ['0000-02-29', true], ['0050-01-01', true], ['9999-12-31', true], ['2025-00-10', false], ['2025-1-010', false], [' 025-01-01', false]] as const) {
      expect(parseIsoDayAt(s, 0, 10) === parseIsoDayAt(s, 0, 10), s).toBe(ok);
    }
  });
});
