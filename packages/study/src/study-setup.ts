import { AftershockError, xnysCalendar, type BarSeries, type TradingCalendar } from '@aftershock/core';
import { factorColumns, FACTOR_MODELS, type FactorModelKind, type FactorTable } from './factors';
import { MarketAligner } from './market-align';
import { isFactorModel, type ModelKind, type StudyProfile } from './profile';
import type { ReturnKind } from './returns';
import type { StudyConfig } from './study-types';

/** The factor columns of a factor-model study laid on the market's sessions (NaN where the files have no row). */
export interface AlignedFactorSeries {
  readonly names: readonly string[];
  readonly series: readonly Float64Array[];
  readonly rf: Float64Array;
  readonly first: string;
  readonly last: string;
  readonly files: string;
}

/** What every part of a study (each shard's fits and the assembly) derives alike from the market and the config. */
export interface StudySetup {
  readonly calendar: TradingCalendar;
  readonly model: ModelKind;
  readonly returns: ReturnKind;
  readonly profile: StudyProfile;
  readonly price: 'close' | 'adjClose';
  readonly minEstimation: number;
  readonly carMinPercentage: number;
  readonly market: BarSeries;
  readonly aligner: MarketAligner;
  readonly factors?: AlignedFactorSeries;
}

/**
 * Checks the study's setup (factors for a factor model, a market with two closes) and derives its settings; the
 * same on a queue worker fitting a shard as in the process assembling the result.
 */
export function prepareStudy(market: BarSeries, config: StudyConfig, calendar?: TradingCalendar, factors?: FactorTable): StudySetup {
  const model = config.model ?? 'market-model';
  const factorModel = isFactorModel(model);
  if (factorModel && !factors) {
    throw new AftershockError('FACTORS_REQUIRED', `model ${model} needs daily factors (Ken French's files: --factors, or study.factors in a scenario)`, { field: 'factors' });
  }
  if (market.length < 2) throw new AftershockError('NO_MARKET_DATA', `market series ${market.symbol} has fewer than two closes`, { field: 'market' });
  const returns = config.returns ?? 'simple';
  const price = config.price ?? 'close';
  const fac = factorModel ? alignFactors(factors!, model, market) : undefined;
  return {
    calendar: calendar ?? xnysCalendar(),
    model,
    returns,
    profile: config.profile ?? 'textbook',
    price,
    minEstimation: Math.max(model === 'market-model' ? 5 : factorModel ? FACTOR_MODELS[model].length + 4 : 2, config.minEstimation ?? 30),
    carMinPercentage: config.carMinPercentage ?? 90,
    market,
    aligner: new MarketAligner(market, returns, price),
    ...(fac ? { factors: fac } : {}),
  };
}

/** The model's factor columns laid on the market's sessions (NaN where the files have no row). */
function alignFactors(t: FactorTable, model: FactorModelKind, market: BarSeries): AlignedFactorSeries {
  const { names, values, rf } = factorColumns(t, model);
  const at = new Map(t.dates.map((d, i) => [d, i]));
  const lay = (v: Float64Array) => Float64Array.from(market.dates, (d) => {
    const i = at.get(d);
    return i === undefined ? NaN : v[i]!;
  });
  return { names, series: values.map(lay), rf: lay(rf), first: t.dates[0]!, last: t.dates[t.dates.length - 1]!, files: t.files.join(', ') };
}
