import type { IsoDate, MarketEvent, NonSessionPolicy, UnknownTimingPolicy } from '@aftershock/core';
import type { FirmCar } from './aggregate';
import type { CalendarTimeConfig, CalendarTimeResult } from './calendar-time';
import type { VolumeModel, VolumeResult } from './volume';
import type { Confounder } from './confounding';
import type { RelWindow } from './panel';
import type { ModelKind, StudyProfile } from './profile';
import type { ReturnKind } from './returns';
import type { SampleStats } from './sample-stats';

/** A window in relative sessions, or (calendar time) in dates mapped to sessions of the market series. */
export type WindowSpec = RelWindow | { readonly startDate: IsoDate; readonly endDate: IsoDate };

export interface StudyConfig {
  readonly estimation: WindowSpec;
  readonly event: WindowSpec;
  /** CAR windows inside the event window (default: the event window). */
  readonly carWindows?: readonly WindowSpec[];
  readonly model?: ModelKind;
  readonly returns?: ReturnKind;
  readonly profile?: StudyProfile;
  /** Raw `close` (default) or dividend-adjusted `adjClose`. */
  readonly price?: 'close' | 'adjClose';
  /** Events with fewer estimation returns are excluded with a reason (default 30; never below 5 for the market model). */
  readonly minEstimation?: number;
  readonly nonSession?: NonSessionPolicy;
  readonly unknownTiming?: UnknownTimingPolicy;
  /** Event field to split the sample by (core's `eventField`: kind, timing, surprise, symbol, confirmed, or a tag). */
  readonly groupBy?: string;
  /** CAR tests keep days with a percentage of firms strictly above this (default 90). */
  readonly carMinPercentage?: number;
  /** Seeded bootstrap CI of each window's CAAR (default 1000 samples, seed 1, level 0.95); `false` turns it off. */
  readonly bootstrap?: false | { readonly samples: number; readonly seed: number; readonly level: number };
  /**
   * Leave events confounded by another event of the same firm (day 0 inside the event window) out of every test;
   * they stay in `events`, flagged, with their ARs and CARs. Default false (flagged only).
   */
  readonly excludeConfounded?: boolean;
  /** The calendar-time portfolio test over the events in the tests (off when absent). */
  readonly calendarTime?: CalendarTimeConfig;
  /** Abnormal log volume of the events in the tests, by this model (off when absent). */
  readonly volume?: VolumeModel;
}

/** Estimation parameters of one event. */
export interface EventModel {
  readonly estimationLength: number;
  readonly alpha: number;
  readonly beta: number;
  readonly meanReturn: number;
  readonly arMean: number;
  /** s_i as used by the tests under the chosen profile. */
  readonly sd: number;
  readonly sdN1: number;
  readonly rss: number;
  readonly mktMean: number;
  readonly mktSs: number;
  readonly mktN: number;
  readonly estFirstRelDay: number;
  readonly estLastRelDay: number;
  readonly estFirstDate: IsoDate | null;
  readonly estLastDate: IsoDate | null;
  /** Factor models: β̂ per factor (`alpha` is α̂ of the excess return; `beta` the Mkt-RF beta; mkt* are Mkt-RF's). */
  readonly factorBetas?: Readonly<Record<string, number>>;
}

/** One included event: its day 0, model and every row from the first estimation day to the last event day. */
export interface StudyEvent {
  readonly event: MarketEvent;
  readonly symbol: string;
  readonly eventDate: IsoDate;
  readonly day0: IsoDate;
  readonly day0Explanation: string;
  /** Raw close-to-close simple return on day 0 (close of day 0 / previous available close − 1), whatever the settings. */
  readonly day0Return: number;
  readonly model: EventModel;
  /**
   * Session date of each row (row r = relative day `relDays[r]`). `ret`, `mkt`, `ar` are read-only views, one entry
   * per row; `dates` and `predicted` are derived on each access (read them once per event, not per row).
   */
  readonly dates: readonly IsoDate[];
  readonly ret: Float64Array;
  readonly mkt: Float64Array;
  readonly predicted: Float64Array;
  /** `dates[r]` without building `dates` (like `predictedFrom`, a non-enumerable property: events compare by their data). */
  dateAt(r: number): IsoDate;
  /**
   * `predicted.subarray(from)`, computing only those rows (ar.csv's event-window rows); written into `into` (and
   * returned as a view of it) when it has room for them, so a table of many events allocates nothing per event.
   */
  predictedFrom(from: number, into?: Float64Array): Float64Array;
  readonly ar: Float64Array;
  readonly cars: readonly FirmCar[];
  /** The firm's own other events (of the input, studied or not) whose day 0 lies inside this event's window. */
  readonly confoundedBy: readonly Confounder[];
  /** Whether the event counts in the tests (false only when confounded and `excludeConfounded`). */
  readonly inTests: boolean;
  /** The group key when the study is grouped. */
  readonly group?: string;
}

export interface ExcludedEvent {
  readonly event: MarketEvent;
  readonly code: string;
  readonly reason: string;
}

export interface StudyGroup {
  readonly field: string;
  readonly key: string;
  /** Indices into `StudyResult.events` of the group's events in the tests. */
  readonly eventIndices: readonly number[];
  readonly stats: SampleStats;
}

export type RowWindow = 'estimation' | 'gap' | 'event';

export interface StudyResult {
  readonly profile: StudyProfile;
  readonly model: ModelKind;
  readonly returns: ReturnKind;
  readonly price: 'close' | 'adjClose';
  readonly marketSymbol: string;
  readonly estimation: RelWindow;
  readonly eventWindow: RelWindow;
  readonly carWindows: readonly RelWindow[];
  readonly minEstimation: number;
  /** Confounded events are left out of the tests. */
  readonly excludeConfounded: boolean;
  /** Relative day of each row, and which window it belongs to. */
  readonly relDays: Int32Array;
  readonly rowWindow: readonly RowWindow[];
  readonly events: readonly StudyEvent[];
  readonly excluded: readonly ExcludedEvent[];
  readonly stats: SampleStats;
  readonly groups: readonly StudyGroup[];
  /** The calendar-time portfolio test, when configured. */
  readonly calendarTime?: CalendarTimeResult;
  /** The abnormal-volume study, when configured. */
  readonly volume?: VolumeResult;
}
