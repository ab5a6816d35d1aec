import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeReturns, fmt17 } from '../src/index';

describe('closeReturns', () => {
  it('simple and log returns, the next return spanning a missing close', () => {
    const c = Float64Array.from([100, 110, NaN, 121, 0, 133.1]);
    const s = closeReturns(c, 'simple');
    expect(s[0]).toBeNaN();
    expect(s[1]).toBeCloseTo(0.1, 15);
    expect(s[2]).toBeNaN();
    expect(s[3]).toBeCloseTo(0.1, 15); // 121 / 110 − 1 spans the gap
    expect(s[4]).toBeNaN();
    expect(s[5]).toBeCloseTo(0.1, 15);
    expect(closeReturns(c, 'log')[3]).toBeCloseTo(Math.log(1.1), 15);
  });

  it('compounding the simple returns gives last / first (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 1, max: 1000, noNaN: true }), fc.constant(NaN)), { minLength: 2, maxLength: 60 }), (xs) => {
        const c = Float64Array.from(xs);
        const r = closeReturns(c, 'simple');
        const valid = xs.filter((x) => x > 0);
        if (valid.length < 2) return;
        let g = 1;
        for (const v of r) if (v === v) g *= 1 + v;
        expect(g).toBeCloseTo(valid[valid.length - 1]! / valid[0]!, 8);
      }),
    );
  });
});

describe('fmt17', () => {
  it('formats like R write.csv with 17 significant digits', () => {
    expect(fmt17(100)).toBe('100');
    expect(fmt17(NaN)).toBe('NA');
    expect(fmt17(1.7455614805152729e-5)).toBe('1.7455614805152729e-05');
    expect(fmt17(0.00014928188437005554)).toBe('0.00014928188437005554');
    expect(fmt17(0.1)).toBe('0.10000000000000001');
  });

  it('round-trips every finite double (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(fmt17(x)) === x).toBe(true);
      }),
    );
  });
});
