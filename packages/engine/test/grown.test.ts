import { describe, expect, it } from 'vitest';
import { grown } from '../src/grown';

describe('grown', () => {
  it('copies a column into a longer one of the same kind, the new elements 0', () => {
    const f = grown(new Float64Array([1.5, -0, NaN]), 5);
    expect(f).toBeInstanceOf(Float64Array);
    expect(Array.from(f)).toEqual([1.5, -0, NaN, 0, 0]);
    expect(Object.is(f[1], -0)).toBe(true);
    const i = grown(new Int32Array([-7, 2 ** 31 - 1]), 3);
    expect(i).toBeInstanceOf(Int32Array);
    expect(Array.from(i)).toEqual([-7, 2 ** 31 - 1, 0]);
    const u = grown(new Uint8Array([255]), 2);
    expect(u).toBeInstanceOf(Uint8Array);
    expect(Array.from(u)).toEqual([255, 0]);
  });

  it('leaves the original column as it was (a reader holding it keeps its values)', () => {
    const a = new Float64Array([1, 2]);
    const b = grown(a, 4);
    b[0] = 9;
    expect(Array.from(a)).toEqual([1, 2]);
    expect(b.buffer).not.toBe(a.buffer);
  });
});
