import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { xnysCalendar } from '@aftershock/core';
import { runStudy } from '../src/run-study';
import { barsFromCloses, customEvent } from './bars-helper';
import { compactPanel, makePanel, panelGeometry, subPanel, type FactorPanel, type Panel } from '../src/panel';

/*
 * The kernels read every panel's fields; a panel whose hidden class (V8's map) they have not seen deoptimises them.
 * An object spread with more fields after it (`{ ...geo, n, ret, mkt }`) gets a new hidden class on every call in
 * V8, so every panel is made by makePanel; a study's events are instances of one class. These tests ask V8 itself
 * whether two objects share their hidden class.
 */
setFlagsFromString('--allow-natives-syntax');
const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const fastProps = new Function('a', 'return %HasFastProperties(a)') as (a: object) => boolean;

const geo = panelGeometry({ start: -10, end: -3 }, { start: -1, end: 1 });
const rows = geo.rows;
const panel = (n: number): Panel => makePanel(geo, n, Float64Array.from({ length: n * rows }, (_, i) => i / 7), Float64Array.from({ length: n * rows }, (_, i) => -i / 9));

describe('panel shapes', () => {
  it('every panel made many times over has one hidden class (the spread it replaced had one per call)', () => {
    const first = panel(3);
    for (let k = 0; k < 300; k++) expect(sameShape(panel(1 + (k % 5)), first)).toBe(true);
    // The pattern makePanel avoids, shown on the same V8: a spread followed by fields.
    const spread = () => ({ ...panelGeometry({ start: -10, end: -3 }, { start: -1, end: 1 }), n: 1, ret: new Float64Array(0), mkt: new Float64Array(0) });
    const spreads = Array.from({ length: 300 }, spread);
    expect(spreads.filter((s) => !sameShape(s, spreads[0]!)).length).toBeGreaterThan(0);
    expect(fastProps(first)).toBe(true);
  });

  it('subPanel and compactPanel give panels of that same hidden class, with the same fields and values as before', () => {
    const p = panel(4);
    const sub = subPanel(p, [2, 0]);
    expect(sameShape(sub, p)).toBe(true);
    expect(sub).toEqual({ ...geo, n: 2, ret: Float64Array.from([...p.ret.subarray(2 * rows, 3 * rows), ...p.ret.subarray(0, rows)]), mkt: Float64Array.from([...p.mkt.subarray(2 * rows, 3 * rows), ...p.mkt.subarray(0, rows)]) });
    expect(Object.keys(sub).sort()).toEqual(['estEnd', 'estStart', 'evtEnd', 'evtStart', 'mkt', 'n', 'relFirst', 'ret', 'rows']);
    const c = compactPanel(panel(4), [1, 3]);
    expect(sameShape(c, p)).toBe(true);
    expect(c.n).toBe(2);
    expect(Array.from(c.ret)).toEqual([...Array.from(p.ret.subarray(rows, 2 * rows)), ...Array.from(p.ret.subarray(3 * rows, 4 * rows))]);
  });

  it('a factor panel has its own single hidden class, kept by subPanel and compactPanel, and its factor offsets follow the firms', () => {
    const f: FactorPanel = { names: ['mkt_rf'], series: [new Float64Array(20)], rf: new Float64Array(20), start: Int32Array.from([5, 6, 7, 8]) };
    const withF = (n: number) => makePanel(geo, n, new Float64Array(n * rows), new Float64Array(n * rows), f);
    const a = withF(4);
    expect(sameShape(withF(2), a)).toBe(true);
    expect(sameShape(a, panel(4))).toBe(false);
    const sub = subPanel(a, [3, 1]);
    expect(sameShape(sub, a)).toBe(true);
    expect(Array.from(sub.factors!.start)).toEqual([8, 6]);
    expect(sameShape(sub.factors!, f)).toBe(true);
    const c = compactPanel(withF(4), [0, 2]);
    expect(sameShape(c, a)).toBe(true);
    expect(Array.from(c.factors!.start)).toEqual([5, 7]);
  });
});

describe('study events', () => {
  const cal = xnysCalendar();
  const dates = cal.sessionsBetween('2024-01-02', '2024-12-31');
  const mk = (f: (k: number) => number) => dates.map((_, k) => 100 * Math.exp(f(k)));
  const market = barsFromCloses('MKT', dates, mk((k) => 0.01 * Math.sin(k / 3)));
  const firms = ['AAA', 'BBB', 'CCC'].map((s, j) => barsFromCloses(s, dates, mk((k) => 0.012 * Math.sin(k / 3) + 0.004 * Math.cos(k * (1.7 + j)))));
  const events = firms.flatMap((b, j) => [customEvent(b.symbol, dates[150 + j]!, 'before-open', { side: j % 2 ? 'x' : 'y' }), customEvent(b.symbol, dates[200 - j]!, 'after-close')]);
  const study = (groupBy?: string) => runStudy({ prices: firms, market, events }, { estimation: { start: -100, end: -11 }, event: { start: -5, end: 5 }, bootstrap: false, ...(groupBy ? { groupBy } : {}) });

  it('show the same keys in the same order, the same JSON and the same non-enumerable functions as the object literal they replaced', () => {
    const res = study('side');
    for (const e of res.events) {
      expect(Object.keys(e)).toEqual(['event', 'symbol', 'eventDate', 'day0', 'day0Explanation', 'day0Return', 'model', 'dates', 'ret', 'mkt', 'predicted', 'ar', 'cars', 'confoundedBy', 'inTests', 'group']);
      // The literal, written out field by field in its order.
      const literal = { event: e.event, symbol: e.symbol, eventDate: e.eventDate, day0: e.day0, day0Explanation: e.day0Explanation, day0Return: e.day0Return, model: e.model, dates: e.dates, ret: e.ret, mkt: e.mkt, predicted: e.predicted, ar: e.ar, cars: e.cars, confoundedBy: e.confoundedBy, inTests: e.inTests, group: e.group };
      expect(JSON.stringify(e)).toBe(JSON.stringify(literal));
      expect(e).toEqual(literal);
      expect(Object.getOwnPropertyNames(e).filter((k) => !Object.prototype.propertyIsEnumerable.call(e, k)).sort()).toEqual(['dateAt', 'predictedFrom']);
      expect(Object.getOwnPropertySymbols(e)).toEqual([]);
      // The functions work unbound, as their own properties did.
      const { dateAt, predictedFrom } = e;
      expect(e.dates.map((_, r) => dateAt(r))).toEqual(e.dates);
      expect(Array.from(predictedFrom(3))).toEqual(Array.from(e.predicted.subarray(3)));
      expect(e.dates.length).toBe(res.relDays.length);
    }
    expect(Object.keys(study().events[0]!)).not.toContain('group');
  });

  it('share one hidden class with fast properties, study after study', () => {
    const a = study().events;
    const b = study().events;
    for (const e of [...a, ...b]) {
      expect(fastProps(e)).toBe(true);
      expect(sameShape(e, a[0]!)).toBe(true);
      expect(sameShape(e.model, a[0]!.model)).toBe(true);
    }
  });
});
