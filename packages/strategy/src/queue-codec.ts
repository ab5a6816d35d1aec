/**
 * JSON for what crosses the queue, keeping the numbers JSON drops: NaN, ±Infinity and −0 travel as `{ "$num": … }`,
 * so a result assembled from queued jobs equals the local one bit for bit.
 *
 * @example decodeJson(encodeJson({ x: NaN, y: -0 })) // → { x: NaN, y: -0 }
 */
export function encodeJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)) ? { $num: Object.is(x, -0) ? '-0' : String(x) } : x));
}

export function decodeJson(s: string): unknown {
  return JSON.parse(s, (_k, x: unknown) => {
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
      const o = x as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === '$num' && typeof o['$num'] === 'string') return Number(o['$num']);
    }
    return x;
  });
}
