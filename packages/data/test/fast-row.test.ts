import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToDayNumber } from '@aftershock/core';
import { COL_DATE, COL_NUMBER, COL_SKIP, scanPlainRow } from '../src/fast-row';

const roles = Uint8Array.from([COL_DATE, COL_NUMBER, COL_SKIP, COL_NUMBER]);

describe('scanPlainRow (the fused hot path of price files)', () => {
  it('reads plain decimals exactly like Number(), with LF, CRLF or no final line end', () => {
    const plain = fc.tuple(fc.stringMatching(/^[0-9]{1,12}$/), fc.option(fc.stringMatching(/^[0-9]{1,10}$/))).map(([i, f]) => (f !== null ? `${i}.${f}` : i));
    fc.assert(
      fc.property(plain, plain, fc.constantFrom('\n', '\r\n', ''), (a, b, nl) => {
        const row = `2025-08-12,${a},skip me,${b}${nl}`;
        const text = 'x' + row + (nl !== '' ? 'next' : ''); // without a line end the row must end the text
        const out = new Float64Array(4);
        const next = scanPlainRow(text, 1, roles, out);
        const digits = (s: string): number => s.replace('.', '').replace(/^0+/, '').length;
        if (digits(a) > 15 || digits(b) > 15) {
          expect(next).toBe(-1);
          return;
        }
        expect(next).toBe(1 + row.length);
        expect(out[0]).toBe(isoToDayNumber('2025-08-12'));
        expect(Object.is(out[1], Number(a))).toBe(true);
        expect(Object.is(out[3], Number(b))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('declines whatever needs the general reader', () => {
    const out = new Float64Array(4);
    for (const row of ['2025-08-12,-1,x,2\n', '2025-08-12,1e3,x,2\n', '2025-08-12,1,"x",2\n', '2025-08-12,,x,2\n', '2025-08-12,1,x,2,3\n', '2025-08-12,1,x\n', '2025-08-12 00:00,1,x,2\n', '2025-08-12,1,x,2\rnext', '2025-08-12, 1,x,2\n']) {
      expect(scanPlainRow(row, 0, roles, out), JSON.stringify(row)).toBe(-1);
    }
  });
});
