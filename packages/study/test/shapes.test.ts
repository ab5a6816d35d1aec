import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactPanel, makePanel, panelGeometry, subPanel, type FactorPanel, type Panel } from '../src/panel';

/*
 * The kernels read every panel's fields; a panel whose hidden class (V8's map) they have not seen deoptimises them.
 * An object spread with more fields after it (`{ ...geo, n, ret, mkt }`) gets a new hidden class on every call in
 * V8, so every panel is made by makePanel. These tests ask V8 itself whether two objects share their hidden class.
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
