import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xnysCalendar, type IsoDate, type MarketEvent } from '@aftershock/core';
import { runSpillover, runStudy, type SpilloverConfig } from '../src/index';
import { barsFromCloses, customEvent } from './bars-helper';

const cal = xnysCalendar();
const N = 80;
const dates: IsoDate[] = cal.sessionsBetween('2023-01-03', '2023-06-30').slice(0, N);
const D0 = 50;

/** Closes from seeded returns (a small LCG, so every case is reproducible from its seed). */
function closes(seed: number): number[] {
  let s = seed >>> 0 || 1;
  const out = [100];
  for (let t = 1; t < N; t++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(out[t - 1]! * (1 + (s / 2 ** 32 - 0.5) * 0.04));
  }
  return out;
}

const config: SpilloverConfig = { estimation: { start: -40, end: -6 }, event: { start: -5, end: 5 }, carWindows: [{ start: 0, end: 1 }], minEstimation: 20, bootstrap: false };

describe('runSpillover properties', () => {
  it('a pair is contaminated exactly when the related symbol has its own day 0 inside the event window; exclusion removes exactly those pairs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(fc.option(fc.integer({ min: -25, max: 25 }), { nil: undefined }), { minLength: 1, maxLength: 5 }),
        (seed, ownOffsets) => {
          const market = barsFromCloses('MKT', dates, closes(seed));
          const related = ownOffsets.map((_, k) => barsFromCloses(`R${k}`, dates, closes(seed + 17 * (k + 1))));
          const event: MarketEvent = { ...customEvent('AAA', dates[D0]!, 'before-open'), related: related.map((b) => ({ symbol: b.symbol, relation: 'peer' })) };
          const own = ownOffsets.flatMap((o, k) => (o === undefined ? [] : [customEvent(`R${k}`, dates[D0 + o]!, 'before-open')]));
          const input = { prices: [market, ...related], market, events: [event], calendarEvents: own };
          const r = runSpillover(input, config);
          const x = runSpillover(input, { ...config, excludeContaminated: true });
          const dirty = ownOffsets.map((o) => o !== undefined && o >= -5 && o <= 5);
          expect(r.pairs.map((p) => p.contaminated)).toEqual(dirty);
          expect(r.pairs.map((p) => p.contaminatedBy.map((c) => c.offset))).toEqual(ownOffsets.map((o, k) => (dirty[k] ? [o] : [])));
          expect(x.pairs.map((p) => p.included)).toEqual(dirty.map((d) => !d));
          const clean = dirty.filter((d) => !d).length;
          expect(x.stats?.n ?? 0).toBe(clean);
          // Every pair's numbers are the study's own for the related symbol on the event's day 0.
          const direct = runStudy({ prices: input.prices, market, events: related.map((b) => ({ ...event, related: [], id: b.symbol, symbol: b.symbol })) }, config);
          expect(r.pairs.map((p) => p.cars[0]!.car)).toEqual(direct.events.map((e) => e.cars[0]!.car));
          expect(r.pairs.map((p) => p.day0Return)).toEqual(direct.events.map((e) => e.day0Return));
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
