import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pnorm, pt, qnorm, qsignrank, qt } from '../src/index';

// Reference values from R / scipy (qt, pt, qnorm, qsignrank).
describe('quantile functions', () => {
  it('qnorm matches R to 1e-15', () => {
    expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(qnorm(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(qnorm(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(qnorm(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(pnorm(1.96)).toBeCloseTo(0.9750021048517795, 14);
  });

  it('qt matches R for integer and non-integer df', () => {
    expect(qt(0.975, 10)).toBeCloseTo(2.228138851986274, 12);
    expect(qt(0.995, 233.14285714285714)).toBeCloseTo(2.5970809354309172, 12);
    expect(qt(0.95, 6)).toBeCloseTo(1.9431802805153042, 12);
    expect(qt(0.975, 1)).toBeCloseTo(12.706204736174707, 9);
    expect(qt(0.975, 2)).toBeCloseTo(4.302652729749464, 12);
    expect(qt(0.025, 239)).toBeCloseTo(-1.9699394059169584, 12);
  });

  it('pt inverts qt (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 5000, noNaN: true }), (p, df) => {
        expect(pt(qt(p, df), df)).toBeCloseTo(p, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('qsignrank matches R for n = 7 and n = 10', () => {
    // P(V ≥ 22) = 14/128 etc. for n = 7.
    expect([0.9, 0.95, 0.99, 0.975, 0.995].map((p) => qsignrank(p, 7))).toEqual([22, 24, 27, 25, 28]);
    expect(qsignrank(0.05, 10)).toBe(11);
    expect(qsignrank(0.025, 10)).toBe(9);
    expect(qsignrank(0.5, 1)).toBe(0);
  });

  it('qsignrank is the smallest q with P(V ≤ q) ≥ p (property against brute force, n ≤ 10)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (n, p) => {
        const counts = new Array<number>((n * (n + 1)) / 2 + 1).fill(0);
        for (let mask = 0; mask < 1 << n; mask++) {
          let s = 0;
          for (let j = 0; j < n; j++) if (mask & (1 << j)) s += j + 1;
          counts[s]!++;
        }
        let cum = 0;
        let q = 0;
        for (; q < counts.length; q++) {
          cum += counts[q]! / (1 << n);
          if (cum >= p - 1e-12) break;
        }
        expect(qsignrank(p, n)).toBe(q);
      }),
      { numRuns: 300 },
    );
  });
});
