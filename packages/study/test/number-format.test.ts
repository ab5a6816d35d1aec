import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@aftershock/core';
import { fmt17 } from '../src/index';
import { fmt17Exact } from '../src/number-format';

/** The double next to x away from zero (+1) or towards it (−1), by its bit pattern. */
function step(x: number, dir: 1 | -1): number {
  const b = new BigInt64Array(Float64Array.of(x).buffer);
  b[0] = b[0]! + BigInt(dir);
  return new Float64Array(b.buffer)[0]!;
}

/** The values among `xs` where the fast formatter and the exact reference disagree. */
function mismatches(xs: Iterable<number>): string[] {
  const bad: string[] = [];
  for (const x of xs) {
    const a = fmt17(x);
    const b = fmt17Exact(x);
    if (a !== b) bad.push(`${x}: ${a} ≠ ${b}`);
  }
  return bad;
}

describe('fmt17 (fast path) equals the exact toExponential/toFixed reference', () => {
  it('on seeded doubles of every magnitude and on returns-like values (property)', () => {
    const same = (x: number): void => {
      expect(fmt17(x)).toBe(fmt17Exact(x));
    };
    fc.assert(fc.property(fc.double({ noNaN: true }), same), { seed: 17, numRuns: 3000 });
    fc.assert(fc.property(fc.double({ min: 1e-7, max: 1e18, noNaN: true }), same), { seed: 19, numRuns: 3000 });
    // 120,000 more without the property harness: uniform returns, ratios of integers, random bit patterns.
    const rnd = mulberry32(20);
    const xs = new Float64Array(120_000);
    const bits = new Uint32Array(xs.buffer, 0, 240_000);
    for (let i = 0; i < 40_000; i++) xs[i] = (rnd() - 0.5) * 0.2;
    for (let i = 40_000; i < 80_000; i++) xs[i] = Math.round((rnd() - 0.5) * 4e9) / Math.ceil(rnd() * 1e9);
    for (let i = 80_000; i < 120_000; i++) {
      bits[2 * i] = (rnd() * 2 ** 32) >>> 0;
      bits[2 * i + 1] = (rnd() * 2 ** 32) >>> 0;
    }
    expect(mismatches(xs)).toEqual([]);
  });

  it('at the edges: powers of ten and their neighbours, carries (…999 → 1…), the fast path’s limits', () => {
    const xs: number[] = [0.1, 0.5, 1.5, 2.5e-6, 123456789.125, 99999999999999984, 1e17, 1e-6, 9.99999e-7, 1e15 + 0.5, 2 ** 53 + 2];
    for (let e = -8; e <= 18; e++) {
      const p = Number(`1e${e}`);
      for (const v of [p, 9.5 * p, 9.99999999999999 * p]) {
        for (const dir of [1, -1] as const) {
          let y = v;
          for (let k = 0; k < 40; k++) {
            xs.push(y, -y);
            y = step(y, dir);
          }
        }
      }
    }
    expect(mismatches(xs)).toEqual([]);
    expect(fmt17(-0)).toBe('0');
    expect(fmt17(Infinity)).toBe('Inf');
    expect(fmt17(-Infinity)).toBe('-Inf');
    expect(fmt17(NaN)).toBe('NA');
  });
});

describe('fmt17Exact below 1e-4', () => {
  it('writes the scientific form, as the shorter of the two (toFixed is not needed there), and round-trips', () => {
    // The long way: both forms built and the shorter kept (fixed on a tie), as R does.
    const longWay = (x: number): string => {
      const [mant, exp] = x.toExponential(16).split('e') as [string, string];
      const m = mant.replace(/0+$/, '').replace(/\.$/, '');
      const e = Number(exp);
      const sci = `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
      if (16 - e > 100) return sci;
      const fixed = x.toFixed(16 - e).replace(/0+$/, '').replace(/\.$/, '');
      return fixed.length <= sci.length ? fixed : sci;
    };
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e-4, noNaN: true }), fc.boolean(), (a, neg) => {
        const x = neg ? -a : a;
        expect(fmt17Exact(x)).toBe(longWay(x));
        expect(Number(fmt17Exact(x))).toBe(x);
      }),
      { seed: 23, numRuns: 3000 },
    );
    for (const x of [1e-5, 9.9999e-5, 1.2345e-5, 1e-84, 2.023844055306275e-19]) expect(fmt17Exact(x)).toBe(longWay(x));
  });
});

describe('fmt17 below 1e-6 and with few significant digits', () => {
  it('equals the reference and round-trips (seeded)', () => {
    const rnd = mulberry32(31);
    const xs: number[] = [];
    // Near-zero residual means (≈1e-19), subnormals, and the powers of ten below 1e-6 with their neighbours.
    for (let i = 0; i < 20_000; i++) xs.push((rnd() - 0.5) * 10 ** -(7 + Math.floor(rnd() * 300)));
    for (let e = -323; e <= -7; e++) for (const dir of [1, -1] as const) xs.push(Number(`1e${e}`), step(Number(`1e${e}`), dir), -Number(`5e${e}`));
    xs.push(5e-324, -5e-324, 2.2250738585072014e-308, 9.99999999999999e-7, 1e-7);
    // Short decimals (trailing zeros trimmed from the 17 digits): k / 10^j and k · 10^j.
    for (let i = 0; i < 20_000; i++) {
      const k = Math.floor(rnd() * 1e6) - 5e5;
      const j = Math.floor(rnd() * 30) - 10;
      xs.push(j >= 0 ? k / 10 ** j : k * 10 ** -j);
    }
    expect(mismatches(xs)).toEqual([]);
    for (const x of xs) if (x !== 0) expect(Number.parseFloat(fmt17(x))).toBe(x);
  });
});
