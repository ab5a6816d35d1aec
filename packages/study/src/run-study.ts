import { AftershockError, type BarSeries, type MarketEvent, type TradingCalendar } from '@aftershock/core';
import type { FactorTable } from './factors';
import { assembleStudy } from './study-assemble';
import { prepareStudy, type StudySetup } from './study-setup';
import type { GatheredShards } from './study-gather';
import { fitStudyShard, type StudyShard } from './study-shard';
import type { StudyConfig, StudyResult } from './study-types';
import { volumeStudy } from './volume';

export interface StudyInput {
  /** Price series per symbol (the market may be among them). */
  readonly prices: ReadonlyMap<string, BarSeries> | readonly BarSeries[];
  /** The benchmark; its sessions define event time. */
  readonly market: BarSeries;
  readonly events: readonly MarketEvent[];
  readonly calendar?: TradingCalendar;
  /** Daily factors (`parseFrenchFactors`), required by the factor models ff3, ff5 and carhart. */
  readonly factors?: FactorTable;
}

/**
 * Runs an event study: day 0 of every event by core's `resolveDay0`, windows in sessions of the market series,
 * the normal-return model per event, AR/CAR/BHAR, and every cross-sectional test (for all events and per group).
 * Unusable events are excluded with a coded reason; bad setups throw AftershockError / ValidationError.
 * The per-event part (`fitStudyShard`) and the assembly (`assembleStudy`) are the ones a sharded study runs.
 */
export function runStudy(input: StudyInput, config: StudyConfig): StudyResult {
  const setup = prepareStudy(input.market, config, input.calendar, input.factors);
  if (input.events.length === 0) throw new AftershockError('NO_EVENTS', 'no events to study', { field: 'events' });
  const bySymbol = input.prices instanceof Map ? (input.prices as ReadonlyMap<string, BarSeries>) : new Map((input.prices as readonly BarSeries[]).map((b) => [b.symbol, b]));
  const shard = fitStudyShard(setup, config, bySymbol, input.events.map((e, index) => ({ index, symbol: e.symbol, date: e.date, timing: e.timing, kind: e.kind })));
  return studyFromShards(setup, config, input.events, [shard], bySymbol);
}

/**
 * The whole study from the shards of its events (`fitStudyShard`, any split, fitted anywhere; or gathered as they
 * arrived, `ShardGatherer`): `assembleStudy`, then — with `config.volume` — abnormal volume, which reads each
 * usable event's bars from `prices`.
 */
export function studyFromShards(setup: StudySetup, config: StudyConfig, events: readonly MarketEvent[], shards: readonly StudyShard[] | GatheredShards, prices: ReadonlyMap<string, BarSeries>): StudyResult {
  const res = assembleStudy(setup, config, events, shards);
  if (!config.volume) return res;
  // Abnormal volume reads each event's bars, so it runs here (unsharded), on the assembled study's events in the tests.
  const firms = res.events.flatMap((e) => (e.inTests ? [{ event: e.event, bars: prices.get(e.symbol)!, m0: setup.aligner.indexOnOrAfter(setup.calendar.ordinal(e.day0)) }] : []));
  const volume = volumeStudy({ aligner: setup.aligner, firms, estimation: res.estimation, eventWindow: res.eventWindow, carWindows: res.carWindows, minEstimation: Math.max(3, res.minEstimation), carMinPercentage: config.carMinPercentage ?? 90 }, config.volume);
  return { ...res, volume };
}
