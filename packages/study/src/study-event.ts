import type { IsoDate, MarketEvent } from '@aftershock/core';
import type { FirmCar } from './aggregate';
import type { Confounder } from './confounding';
import { predictedRow, type ModelFit } from './models';
import type { Panel } from './panel';
import type { EventModel, StudyEvent } from './study-types';

/** Where an event's rows are: firm `i` of the study's panel and fit, its first row on market session `r0`. */
export interface EventRowSource {
  readonly panel: Panel;
  readonly fit: ModelFit;
  readonly i: number;
  readonly r0: number;
  readonly marketDates: readonly IsoDate[];
}

/** An event's fields other than its per-row data (which `EventRowSource` locates). */
export type StudyEventFields = Omit<StudyEvent, 'dates' | 'ret' | 'mkt' | 'predicted' | 'ar' | 'dateAt' | 'predictedFrom'>;

/** `dates` and `predicted`: derived on access, enumerable like the data fields, one getter for every event. */
let DATES: PropertyDescriptor;
let PREDICTED: PropertyDescriptor;

/**
 * One event of a study's result. Every event has one hidden class (V8's map), so the tables, the scenario and the
 * assembly read it with monomorphic property loads: the object literal it replaced, with its own getters and two
 * properties added by Object.defineProperties, was a dictionary-mode object, a slow hash lookup per field read.
 * What a user sees is unchanged: the same enumerable keys in the same order (the getters `dates` and `predicted`
 * among them, so JSON holds them), `dateAt` and `predictedFrom` own non-enumerable functions (callable unbound),
 * and nothing else (the row source is a private field).
 */
class StudyEventRecord {
  declare readonly event: MarketEvent;
  declare readonly symbol: string;
  declare readonly eventDate: IsoDate;
  declare readonly day0: IsoDate;
  declare readonly day0Explanation: string;
  declare readonly day0Return: number;
  declare readonly model: EventModel;
  declare readonly dates: readonly IsoDate[];
  declare readonly ret: Float64Array;
  declare readonly mkt: Float64Array;
  declare readonly predicted: Float64Array;
  declare readonly ar: Float64Array;
  declare readonly cars: readonly FirmCar[];
  declare readonly confoundedBy: readonly Confounder[];
  declare readonly inTests: boolean;
  declare readonly group?: string;
  declare readonly dateAt: (r: number) => IsoDate;
  declare readonly predictedFrom: (from: number, into?: Float64Array) => Float64Array;
  readonly #src: EventRowSource;

  constructor(f: StudyEventFields, src: EventRowSource) {
    this.#src = src;
    const rows = src.panel.rows;
    const at = src.i * rows;
    // Assigned in the order of the object literal this replaced: the enumerable keys keep their order.
    const self = this as { -readonly [K in keyof StudyEvent]: StudyEvent[K] };
    self.event = f.event;
    self.symbol = f.symbol;
    self.eventDate = f.eventDate;
    self.day0 = f.day0;
    self.day0Explanation = f.day0Explanation;
    self.day0Return = f.day0Return;
    self.model = f.model;
    Object.defineProperty(this, 'dates', DATES);
    // Views into the panel and fit buffers (no copy); treat them as read-only.
    self.ret = src.panel.ret.subarray(at, at + rows);
    self.mkt = src.panel.mkt.subarray(at, at + rows);
    Object.defineProperty(this, 'predicted', PREDICTED);
    self.ar = src.fit.ar.subarray(at, at + rows);
    self.cars = f.cars;
    self.confoundedBy = f.confoundedBy;
    self.inTests = f.inTests;
    if (f.group !== undefined) self.group = f.group;
    // Not enumerable: an event compares (toEqual, sharded against whole) by its data, not by these closures.
    Object.defineProperty(this, 'dateAt', { value: (r: number): IsoDate => src.marketDates[src.r0 + r]! });
    Object.defineProperty(this, 'predictedFrom', { value: (from: number, into?: Float64Array): Float64Array => predictedRow(src.panel, src.fit, src.i, from, into) });
  }

  static {
    // Derived on access (100,000 events would hold 25.6 M date references and a panel of predictions otherwise).
    DATES = {
      get(this: StudyEventRecord): readonly IsoDate[] {
        const s = this.#src;
        return s.marketDates.slice(s.r0, s.r0 + s.panel.rows);
      },
      enumerable: true,
      configurable: true,
    };
    PREDICTED = {
      get(this: StudyEventRecord): Float64Array {
        const s = this.#src;
        return predictedRow(s.panel, s.fit, s.i);
      },
      enumerable: true,
      configurable: true,
    };
  }
}

/** The study's event `f`, its rows those of firm `src.i` of the panel and fit. */
export function studyEvent(f: StudyEventFields, src: EventRowSource): StudyEvent {
  return new StudyEventRecord(f, src);
}
