import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../src/csv-writer';

/** A text cell as the writer must write it: quoted when it holds a comma, a quote or a line break; NA for null. */
function cellOf(s: string | null): string {
  if (s === null) return 'NA';
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

describe('CsvWriter.text', () => {
  it('writes each text as the reference does, rows of any texts, across the buffer’s flushes', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('AAPL', '2024-01-02', 'a,b', 'say "hi"', 'line\nbreak', 'cr\r', 'Ä', 'x,Ä"', '', null),
      fc.string({ minLength: 250, maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { maxLength: 30 }), fc.nat(3), (rows, repeat) => {
        // Repeated to cross the 64 KB buffer several times on some runs.
        const all = Array.from({ length: 1 + repeat * 300 }, () => rows).flat();
        const got = collect((w) => {
          for (const r of all) {
            for (const s of r) w.text(s);
            w.end();
          }
        });
        expect(got).toBe(all.map((r) => r.map(cellOf).join(',') + '\n').join(''));
      }),
      { numRuns: 150 },
    );
  });
});
