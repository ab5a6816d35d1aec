import type { BarSeries, EventKind, IsoDate, MarketEvent, Related, TradingCalendar } from '@aftershock/core';
import type { FirmCar } from './aggregate';
import type { EventModel, StudyConfig, StudyResult } from './study-types';
import type { RelWindow } from './panel';
import type { SampleStats } from './sample-stats';

/** Related symbols by event company: a relations file (data's `loadRelations`) or a scenario's `related.symbols`. */
export type RelationsBySymbol = ReadonlyMap<string, readonly Related[]> | Readonly<Record<string, readonly Related[]>>;

export interface SpilloverInput {
  /** Price series of the event companies and their related symbols (the market may be among them). */
  readonly prices: ReadonlyMap<string, BarSeries> | readonly BarSeries[];
  /** The benchmark; its sessions define event time, as in `runStudy`. */
  readonly market: BarSeries;
  /** The events of the event companies; each event's own `related` list is used besides `relations`. */
  readonly events: readonly MarketEvent[];
  /** Related symbols by company, added to each event's own `related` list. */
  readonly relations?: RelationsBySymbol;
  /**
   * Events checked for contamination besides `events` (e.g. the related symbols' own earnings calendar).
   * A pair is contaminated when its related symbol has an event of its own with day 0 inside the event window.
   */
  readonly calendarEvents?: readonly MarketEvent[];
  readonly calendar?: TradingCalendar;
}

/** The study settings of `runStudy` (groups are by relation label here) plus the spillover settings. */
export interface SpilloverConfig extends Omit<StudyConfig, 'groupBy'> {
  /** Drop contaminated pairs from the statistics (they stay in `pairs`, flagged and not included). Default false. */
  readonly excludeContaminated?: boolean;
  /** Keep only these related symbols. */
  readonly only?: readonly string[];
}

/** An event of the related symbol whose day 0 lies inside the pair's event window. */
export interface Contamination {
  readonly eventId: string;
  readonly symbol: string;
  readonly kind: EventKind;
  readonly date: IsoDate;
  readonly day0: IsoDate;
  /** Day 0 of the contaminating event relative to the pair's day 0, in sessions. */
  readonly offset: number;
}

/** One (event, related symbol) pair: the related symbol's reaction around the event company's day 0. */
export interface SpilloverPair {
  readonly eventId: string;
  readonly eventSymbol: string;
  readonly eventKind: EventKind;
  readonly eventDate: IsoDate;
  readonly symbol: string;
  /** Relation labels joined by "/" (e.g. `supplier/investor`); `related` when none is given. */
  readonly relation: string;
  readonly relations: readonly string[];
  readonly sources: readonly string[];
  /** The event company's day 0 (core's resolveDay0 on the event's date and timing), or null when skipped. */
  readonly day0: IsoDate | null;
  readonly day0Explanation: string;
  /** Raw close-to-close return of the related symbol on day 0 (close of day 0 / previous available close − 1). */
  readonly day0Return: number;
  /** The related symbol's abnormal return on day 0 (NaN when not studied or missing). */
  readonly day0Abnormal: number;
  /** CAR/BHAR per CAR window (empty when the pair is not in the study). */
  readonly cars: readonly FirmCar[];
  /** Cumulative AR by relative day across the event window (NaN on days without an AR). */
  readonly carPath: readonly { readonly relDay: number; readonly car: number }[];
  readonly model: EventModel | null;
  readonly contaminated: boolean;
  readonly contaminatedBy: readonly Contamination[];
  /** In the statistics: studied, and not excluded as contaminated. */
  readonly included: boolean;
  /** Why the pair is not in the statistics (study exclusion codes, or CONTAMINATED). */
  readonly excluded?: { readonly code: string; readonly reason: string };
}

/** The cross-sectional statistics of the included pairs with one relation label. */
export interface SpilloverGroup {
  readonly relation: string;
  /** Indices into `SpilloverResult.pairs`. */
  readonly pairIndices: readonly number[];
  readonly stats: SampleStats;
}

export interface SpilloverResult {
  readonly marketSymbol: string;
  readonly estimation: RelWindow | null;
  readonly eventWindow: RelWindow | null;
  readonly carWindows: readonly RelWindow[];
  readonly excludeContaminated: boolean;
  readonly pairs: readonly SpilloverPair[];
  /** Statistics over every included pair (null when none is included). */
  readonly stats: SampleStats | null;
  /** Per relation label, sorted; a pair with two labels is in both groups. */
  readonly groups: readonly SpilloverGroup[];
  /** The study of every pair (contaminated ones included), as `runStudy` returned it; null when none was usable. */
  readonly study: StudyResult | null;
}
