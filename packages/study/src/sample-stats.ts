import { isRegressionModel } from './profile';
import { aarTable, firmCar, type AarRow } from './aggregate';
import { bootstrapCaar, type BootstrapCi } from './bootstrap';
import { carTests, type CarTestRow } from './car-tests';
import type { ModelFit } from './models';
import { nonparametricTests, type NonparametricRow } from './nonparametric';
import type { Panel, RelWindow } from './panel';
import { averageCrossCorrelation, parametricTests, type ParametricRow } from './parametric';
import type { StudyProfile } from './profile';
import { firmRanks, rowsOf } from './ranks';
import type { ReturnKind } from './returns';

/** Everything computed across the events of one sample (all events, or one group). */
export interface SampleStats {
  readonly n: number;
  readonly aar: readonly AarRow[];
  readonly parametric: readonly ParametricRow[];
  readonly nonparametric: readonly NonparametricRow[];
  readonly carTests: readonly CarTestRow[];
  /** Average cross-correlation of estimation ARs used by the Kolari–Pynnönen adjustment (market model only). */
  readonly crossCorrelation: number;
  /** Seeded bootstrap CI of the mean firm CAR, one per CAR window (absent when disabled). */
  readonly bootstrap: readonly { readonly window: RelWindow; readonly ci: BootstrapCi }[];
}

export interface SampleOptions {
  readonly profile: StudyProfile;
  readonly returns: ReturnKind;
  readonly carWindows: readonly RelWindow[];
  readonly carMinPercentage: number;
  readonly bootstrap?: { readonly samples: number; readonly seed: number; readonly level: number };
  /** Position of each panel firm in the input (events file order); estudy2's Lamb term uses the first (default: panel order). */
  readonly inputOrder?: ArrayLike<number>;
}

/** The panel firm that comes first in input order. */
function firstInInput(n: number, order: ArrayLike<number> | undefined): number {
  if (!order) return 0;
  let best = 0;
  for (let i = 1; i < n; i++) if (order[i]! < order[best]!) best = i;
  return best;
}

/** Runs every cross-sectional statistic on a fitted panel. */
export function sampleStats(p: Panel, fit: ModelFit, o: SampleOptions): SampleStats {
  const rBar = isRegressionModel(fit.model) ? averageCrossCorrelation(p, fit) : NaN;
  const parametric = parametricTests(p, fit, o.profile, rBar, firstInInput(p.n, o.inputOrder));
  const full = firmRanks(p, fit.ar, rowsOf(p, p.evtStart, p.evtEnd), true);
  const nonparametric = nonparametricTests(p, fit, o.profile, full);
  const cars = o.carWindows.flatMap((w) => carTests(p, fit, parametric, w, o.carMinPercentage, full));
  const boot = o.bootstrap;
  const bootstrap = boot
    ? o.carWindows.map((w) => {
        const c = new Float64Array(p.n);
        for (let i = 0; i < p.n; i++) c[i] = firmCar(p, fit, i, w, o.returns).car;
        return { window: w, ci: bootstrapCaar(c, boot.samples, boot.seed, boot.level) };
      })
    : [];
  return {
    n: p.n,
    aar: aarTable(p, fit.ar),
    parametric,
    nonparametric,
    carTests: cars,
    crossCorrelation: rBar,
    bootstrap,
  };
}
