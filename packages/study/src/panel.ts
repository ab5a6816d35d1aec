/**
 * The event-time panel the kernels work on: n events (firms) × `rows` sessions, firm-major
 * (`ret[i * rows + r]`). Row r is relative day `relFirst + r`; NaN is missing. Windows are inclusive row ranges;
 * rows between `estEnd` and `evtStart` are the gap (in no window).
 */
export interface Panel {
  readonly n: number;
  readonly rows: number;
  readonly relFirst: number;
  readonly estStart: number;
  readonly estEnd: number;
  readonly evtStart: number;
  readonly evtEnd: number;
  /** Security returns. */
  readonly ret: Float64Array;
  /** Market returns aligned to each firm's rows. */
  readonly mkt: Float64Array;
  /** Factor returns for factor models: calendar series and each firm's offset into them (not copied per firm). */
  readonly factors?: FactorPanel;
}

/** Factor series aligned to the market's sessions; firm i's row r is index `start[i] + r`. */
export interface FactorPanel {
  readonly names: readonly string[];
  readonly series: readonly Float64Array[];
  readonly rf: Float64Array;
  readonly start: Int32Array;
}

/** Relative-day window, both ends inclusive. */
export interface RelWindow {
  readonly start: number;
  readonly end: number;
}

/** A panel's geometry: its rows and windows, without the firms. */
export type PanelGeometry = Omit<Panel, 'n' | 'ret' | 'mkt' | 'factors'>;

/** Builds the panel geometry for estimation and event windows given in relative days (estimation before event). */
export function panelGeometry(est: RelWindow, evt: RelWindow): PanelGeometry {
  const relFirst = est.start;
  return {
    rows: evt.end - relFirst + 1,
    relFirst,
    estStart: 0,
    estEnd: est.end - relFirst,
    evtStart: evt.start - relFirst,
    evtEnd: evt.end - relFirst,
  };
}

/**
 * A panel of `n` firms on `geo`'s rows. Every panel is made here, as one object literal with its fields in one
 * order (two shapes: with and without factors): V8 gives an object spread with more fields after it
 * (`{ ...geo, n, ret, mkt }`) a new hidden class on every call, and the kernels, which read every panel's fields,
 * then met a shape they had not seen on every study and were deoptimised each time.
 */
export function makePanel(geo: PanelGeometry, n: number, ret: Float64Array, mkt: Float64Array, factors?: FactorPanel): Panel {
  const { rows, relFirst, estStart, estEnd, evtStart, evtEnd } = geo;
  return factors
    ? { n, rows, relFirst, estStart, estEnd, evtStart, evtEnd, ret, mkt, factors }
    : { n, rows, relFirst, estStart, estEnd, evtStart, evtEnd, ret, mkt };
}

/** Factor series with each firm's offset taken from `keep` (the shape every FactorPanel has). */
function keptFactors(f: FactorPanel, keep: readonly number[]): FactorPanel {
  return { names: f.names, series: f.series, rf: f.rf, start: Int32Array.from(keep, (i) => f.start[i]!) };
}

/** A panel holding only the firms in `keep` (in that order). */
export function subPanel(p: Panel, keep: readonly number[]): Panel {
  const ret = new Float64Array(keep.length * p.rows);
  const mkt = new Float64Array(keep.length * p.rows);
  keep.forEach((i, k) => {
    ret.set(p.ret.subarray(i * p.rows, (i + 1) * p.rows), k * p.rows);
    mkt.set(p.mkt.subarray(i * p.rows, (i + 1) * p.rows), k * p.rows);
  });
  return makePanel(p, keep.length, ret, mkt, p.factors ? keptFactors(p.factors, keep) : undefined);
}

/** Blocks `keep[k]` (ascending) of `width` entries moved to block k in place; the view of the kept blocks. */
export function compactRows(a: Float64Array, keep: readonly number[], width: number): Float64Array {
  keep.forEach((i, k) => {
    if (i !== k) a.copyWithin(k * width, i * width, (i + 1) * width);
  });
  return a.subarray(0, keep.length * width);
}

/** `subPanel` without a copy: the panel's own buffers compacted in place (`keep` ascending). */
export function compactPanel(p: Panel, keep: readonly number[]): Panel {
  const factors = p.factors ? keptFactors(p.factors, keep) : undefined;
  return makePanel(p, keep.length, compactRows(p.ret, keep, p.rows), compactRows(p.mkt, keep, p.rows), factors);
}
