import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson, parseQueueUrl } from '../src/index';

describe('what crosses the queue', () => {
  it('keeps NaN, ±Infinity and −0, which plain JSON loses', () => {
    const v = { a: NaN, b: [Infinity, -Infinity, -0, 0, 1.5], c: { d: null, e: 'x' } };
    const back = decodeJson(encodeJson(v)) as typeof v;
    expect(back).toEqual(v);
    expect(Object.is(back.b[2], -0)).toBe(true);
    expect(Object.is(back.b[3], 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(v)).a).toBeNull();
  });

  it('round-trips any JSON value with any doubles (property, seeded)', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(decodeJson(encodeJson(v))).toEqual(v);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('parses redis://HOST:PORT[/DB] and refuses anything else with QUEUE_BAD_URL', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6380')).toMatchObject({ host: '127.0.0.1', port: 6380, db: 0 });
    expect(parseQueueUrl('redis://queue.example:6379/2')).toMatchObject({ host: 'queue.example', port: 6379, db: 2 });
    expect(parseQueueUrl('redis://[::1]:7000')).toMatchObject({ host: '::1', port: 7000 });
    for (const bad of ['127.0.0.1:6379', 'http://h:1', 'redis://', 'redis://h:0', 'redis://h:1/x']) {
      expect(() => parseQueueUrl(bad), bad).toThrow(expect.objectContaining({ code: 'QUEUE_BAD_URL' }));
    }
  });
});
