type Column = Float64Array | Int32Array | Uint8Array;

/**
 * A copy of column `a` with room for `length` elements (the new ones 0), of the same kind: how the run's
 * columnar logs and growing series make room, doubling their capacity so an append costs O(1) on average.
 */
export function grown<T extends Column>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
