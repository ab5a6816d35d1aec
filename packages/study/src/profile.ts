/**
 * The two method profiles. `estudy2` reproduces estudy2 0.10.0 including its quirks; `textbook` (the default)
 * makes the choices listed in TEXTBOOK_CHOICES, each with its reason.
 */
export type StudyProfile = 'textbook' | 'estudy2';
export const STUDY_PROFILES: readonly StudyProfile[] = ['textbook', 'estudy2'];

/** Normal-return model: the market model, the two benchmarks without estimation of a slope, or a factor model. */
export type ModelKind = 'market-model' | 'market-adjusted' | 'constant-mean' | 'ff3' | 'ff5' | 'carhart';
export const MODEL_KINDS: readonly ModelKind[] = ['market-model', 'market-adjusted', 'constant-mean', 'ff3', 'ff5', 'carhart'];

/** Fama–French 3 or 5 factors, or Carhart (FF3 + momentum). */
export function isFactorModel(m: ModelKind): m is 'ff3' | 'ff5' | 'carhart' {
  return m === 'ff3' || m === 'ff5' || m === 'carhart';
}

/** Models estimated by regression, whose prediction error Patell, BMP, Lamb and Kolari–Pynnönen standardise by. */
export function isRegressionModel(m: ModelKind): boolean {
  return m === 'market-model' || isFactorModel(m);
}

/** The textbook profile's departures from estudy2, one line each with the reason (for reports and the README). */
export const TEXTBOOK_CHOICES: readonly { readonly choice: string; readonly reason: string }[] = [
  {
    choice: 'Cross-sectional sums are plain sums over the firms available that day (Patell, sign, generalized sign, Corrado sign, rank, modified rank, Wilcoxon; BW1980 uses the available firms’ variances).',
    reason: 'estudy2’s n×mean inflates a sum by n/N_t when firms are missing; the statistics’ null distributions are derived for sums over the firms present.',
  },
  {
    choice: 'Market-model residual variance divides the RSS by T−2.',
    reason: 'Two parameters are estimated, so RSS/(T−2) is the unbiased OLS variance (and SAR ~ t(T−2), matching the Patell variance (T−2)/(T−4)).',
  },
  {
    choice: 'Lamb’s market term is averaged over the firms available that day, each with its own market returns, m̄_i, SS_i and T_i.',
    reason: 'In event time every firm has its own calendar; taking the first firm’s term makes the statistic depend on input order.',
  },
  {
    choice: 'Cowan’s p̂ (generalized sign) is the mean over firms of each firm’s fraction of positive estimation ARs.',
    reason: 'Cowan (1992) defines p̂ that way; pooling weights firms by their estimation length.',
  },
  {
    choice: 'Patell/BMP/Lamb market mean m̄_i and SS_i are taken over the regression’s own days E_i (stock and market both present).',
    reason: 'The OLS forecast-error variance uses the regressors the fit actually used.',
  },
  {
    choice: 'Wilcoxon flags come from the exact two-sided p-value of W+ (flag when p ≤ α).',
    reason: 'estudy2’s asymmetric quantile rule flags W+ = 0 as significant even when no outcome can be (N′ ≤ 4 has p ≥ 0.125).',
  },
];
