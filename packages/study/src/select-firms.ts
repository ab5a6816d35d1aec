import type { ModelFit } from './models';
import { compactRows } from './panel';

/**
 * The fit restricted to the firms `idx` (ascending), fits being per firm: a copy, or (`inPlace`) the same buffers
 * compacted, which is safe because each firm moves to an index ≤ its own.
 */
export function selectFirms(f: ModelFit, idx: readonly number[], rows: number, inPlace: boolean): ModelFit {
  const pick = (a: Float64Array) => (inPlace ? compactRows(a, idx, 1) : Float64Array.from(idx, (i) => a[i]!));
  const pickInt = (a: Int32Array) => {
    if (!inPlace) return Int32Array.from(idx, (i) => a[i]!);
    idx.forEach((i, k) => (a[k] = a[i]!));
    return a.subarray(0, idx.length);
  };
  const pickRows = (a: Float64Array) => {
    if (inPlace) return compactRows(a, idx, rows);
    const out = new Float64Array(idx.length * rows);
    idx.forEach((i, k) => out.set(a.subarray(i * rows, (i + 1) * rows), k * rows));
    return out;
  };
  const fx = f.factors;
  const pickBlocks = (a: Float64Array, width: number) => {
    if (inPlace) return compactRows(a, idx, width);
    const out = new Float64Array(idx.length * width);
    idx.forEach((i, k) => out.set(a.subarray(i * width, (i + 1) * width), k * width));
    return out;
  };
  return {
    model: f.model,
    n: idx.length,
    nParams: f.nParams,
    ...(fx ? { factors: { k: fx.k, betas: pickBlocks(fx.betas, fx.k), means: pickBlocks(fx.means, fx.k), sInv: pickBlocks(fx.sInv, fx.k * fx.k) } } : {}),
    T: pick(f.T),
    alpha: pick(f.alpha),
    beta: pick(f.beta),
    meanReturn: pick(f.meanReturn),
    arMean: pick(f.arMean),
    sd: pick(f.sd),
    sdN1: pick(f.sdN1),
    rss: pick(f.rss),
    mktMean: pick(f.mktMean),
    mktSs: pick(f.mktSs),
    mktN: pick(f.mktN),
    estFirstRow: pickInt(f.estFirstRow),
    estLastRow: pickInt(f.estLastRow),
    ar: pickRows(f.ar),
  };
}
