import type { ModelFit } from './models';
import type { Panel, RelWindow } from './panel';
import { toSimple, type ReturnKind } from './returns';

/** AAR, CAAR (cumulated from the event-window start, missing days count 0) and N per event-window day. */
export interface AarRow {
  readonly relDay: number;
  readonly percentage: number;
  readonly aar: number;
  readonly nFirms: number;
  readonly caar: number;
}

export function aarTable(p: Panel, ar: Float64Array): AarRow[] {
  const out: AarRow[] = [];
  let caar = 0;
  for (let r = p.evtStart; r <= p.evtEnd; r++) {
    let N = 0;
    let s = 0;
    for (let i = 0; i < p.n; i++) {
      const v = ar[i * p.rows + r]!;
      if (v === v) {
        N++;
        s += v;
      }
    }
    const aar = N > 0 ? s / N : NaN;
    if (N > 0) caar += aar;
    out.push({ relDay: p.relFirst + r, percentage: (100 * N) / p.n, aar, nFirms: N, caar });
  }
  return out;
}

/** One firm's cumulative and buy-and-hold abnormal return over one window. */
export interface FirmCar {
  readonly window: RelWindow;
  /** Σ AR over the window's days with an AR (NaN when none). */
  readonly car: number;
  readonly nDays: number;
  /** Π(1 + R_it) − Π(1 + Rm_t) over the window's days (security days with a return; market days with a return). */
  readonly bhar: number;
}

/** CAR (Σ AR) and BHAR of firm i over `w` (relative days inside the panel). Pure loop over typed arrays. */
export function firmCar(p: Panel, fit: ModelFit, i: number, w: RelWindow, kind: ReturnKind): FirmCar {
  const o = i * p.rows;
  let s = 0;
  let k = 0;
  let gs = 1;
  let gm = 1;
  let nr = 0;
  for (let rel = w.start; rel <= w.end; rel++) {
    const r = rel - p.relFirst;
    const v = fit.ar[o + r]!;
    if (v === v) {
      s += v;
      k++;
    }
    const y = p.ret[o + r]!;
    if (y === y) {
      gs *= 1 + toSimple(y, kind);
      nr++;
    }
    const x = p.mkt[o + r]!;
    if (x === x) gm *= 1 + toSimple(x, kind);
  }
  return { window: w, car: k > 0 ? s : NaN, nDays: k, bhar: nr > 0 ? gs - gm : NaN };
}
