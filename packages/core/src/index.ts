export { AftershockError, ValidationError, Problems, formatProblem, isAftershockError } from './errors';
export type { Problem, Severity } from './errors';
export { addDays, dayNumberToIso, daysBetween, isoToDayNumber, isValidIsoDate, weekdayOf } from './dates';
export type { IsoDate } from './dates';
export { adjustForDividends, barIndexAt, barIndexAtOrBefore } from './bars';
export type { BarSeries } from './bars';
export { xnysCalendar, EXCHANGE_ZONE, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, XNYS_CLOSE_MINUTE, XNYS_OPEN_MINUTE } from './calendar';
export { MARKET_CALENDAR_DEFAULTS, marketCalendar, marketCalendarOfDays } from './market-calendar';
export type { MarketCalendarOptions } from './market-calendar';
export { SessionCalendar, clockMinutes } from './session-calendar';
export type { SessionCalendarSpec } from './session-calendar';
export type { TradingCalendar } from './calendar';
export { SPECIAL_CLOSURES, regularHolidays, earlyCloses } from './xnys-rules';
export { EVENT_KINDS, TIMINGS, eventField, surpriseSign } from './events';
export type {
  CustomEvent,
  EarningsEvent,
  EventBase,
  EventKind,
  IpoEvent,
  LockupEvent,
  MarketEvent,
  Related,
  Timing,
} from './events';
export { resolveDay0 } from './day0';
export { mulberry32 } from './prng';
export type { Day0, Day0Options, NonSessionPolicy, UnknownTimingPolicy } from './day0';
export { DEFAULT_EARNINGS_LEAD_SESSIONS, releaseInstant, scheduledInstant } from './event-times';
export { DEFAULT_MAX_FILE_BYTES, entryExists, notARegularFile, readRegularFile, readRegularFileBytes } from './read-file';
export { MAX_DOCUMENT_DEPTH, MAX_YAML_ALIASES, depthExceeds, nestingTooDeep } from './document-limits';
