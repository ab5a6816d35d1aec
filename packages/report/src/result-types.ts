import type { EventKind, IsoDate, Timing } from '@aftershock/core';

/** Bumped whenever a field of `report.json` changes meaning or shape. */
export const RESULT_SCHEMA_VERSION = 1;

/** A window of sessions relative to day 0, both ends included: `[0, 1]` is day 0 and day +1. */
export type SessionWindow = readonly [number, number];

/** A CAR over one window; `car` is null when the symbol has no abnormal return in it. */
export interface CarValue {
  readonly window: SessionWindow;
  readonly car: number | null;
}

/** What was run: enough to reproduce it, and nothing that changes from run to run (no wall-clock time). */
export interface ResultMeta {
  readonly scenario: string;
  readonly description: string;
  readonly dataRange: { readonly from: IsoDate; readonly to: IsoDate };
  readonly benchmark: string;
  readonly profile: string;
  readonly model: string;
  readonly returns: string;
  readonly dividends: string;
  readonly windows: {
    readonly estimation: SessionWindow;
    readonly event: SessionWindow;
    readonly car: readonly SessionWindow[];
  };
  readonly costs: Readonly<Record<string, number | string | readonly string[]>>;
  readonly capital: number;
  readonly seed: number;
  /** Input files with their sha256, paths relative to the scenario folder when inside it. */
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
  readonly version: string;
  /** Choices stated for the reader (profile conventions, excluded events, and so on). */
  readonly notes: readonly string[];
}

/** One point of a price path around day 0. */
export interface PricePoint {
  readonly offset: number;
  readonly date: IsoDate;
  readonly close: number;
  /** Shares traded that session (absent in results written before it was added). */
  readonly volume?: number | null;
  /** The benchmark's close on the same session (null: no bar there). */
  readonly benchmark?: number | null;
}

/** One event and the reaction of its own stock. */
export interface EventResult {
  readonly id: string;
  readonly symbol: string;
  readonly kind: EventKind;
  readonly eventDate: IsoDate;
  readonly timing: Timing;
  readonly day0: IsoDate | null;
  readonly day0Explanation: string;
  /** Group values of this event (e.g. `{ kind: 'earnings', surprise: 'miss' }`). */
  readonly groups: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly reaction: {
    /** Raw close-to-close return of day 0 (close of day 0 / close of day −1 − 1). */
    readonly day0Return: number | null;
    /** Abnormal return of day 0 under the study's model. */
    readonly day0Abnormal: number | null;
    readonly car: readonly CarValue[];
  };
  readonly pricePath: readonly PricePoint[];
  /** Cumulative abnormal return by offset across the event window. */
  readonly carPath: readonly { readonly offset: number; readonly car: number | null }[];
  /** Why the event is not in the study, when it is not. */
  readonly excluded?: string;
  /** The firm's own other events with day 0 inside this event's window (present only when there are any). */
  readonly confoundedBy?: readonly Confounding[];
  /** False when the event is confounded and confounded events are left out of the tests. */
  readonly inTests?: boolean;
}

/** Another event of the same firm inside an event's window: which, and at which offset from this event's day 0. */
export interface Confounding {
  readonly eventId: string;
  readonly kind: EventKind;
  readonly date: IsoDate;
  readonly day0: IsoDate;
  readonly offset: number;
}

/** One row of the AAR/CAAR table. `caarLow`/`caarHigh` are a 95% band. */
export interface AarRow {
  readonly offset: number;
  readonly n: number;
  readonly aar: number | null;
  readonly caar: number | null;
  readonly caarLow: number | null;
  readonly caarHigh: number | null;
}

/** Daily test statistics: one column per test, one row per event day. `signif` is '', '*', '**' or '***'. */
export interface TestTable {
  readonly tests: readonly string[];
  readonly rows: readonly {
    readonly offset: number;
    readonly stats: readonly (number | null)[];
    readonly signif: readonly string[];
  }[];
}

/** A multi-day test over one CAR window. */
export interface CarTest {
  readonly window: SessionWindow;
  readonly test: string;
  readonly caar: number | null;
  readonly stat: number | null;
  readonly signif: string;
}

/** The event study of one group of events (the first group is always `all`). */
export interface StudyGroup {
  readonly name: string;
  readonly n: number;
  readonly aar: readonly AarRow[];
  readonly tests: TestTable;
  readonly carTests: readonly CarTest[];
  /** CARs of the group's events over the first CAR window, for the distribution. */
  readonly carDistribution: { readonly window: SessionWindow; readonly values: readonly number[] };
  /** Mean buy-and-hold abnormal return (Π(1+R) − Π(1+Rm)) of the group's events per CAR window (added field). */
  readonly bhar?: readonly { readonly window: SessionWindow; readonly mean: number | null; readonly n: number }[];
  /** Seeded bootstrap interval of CAAR (mean firm CAR) per CAR window (added field; absent when the study had none). */
  readonly bootstrap?: readonly { readonly window: SessionWindow; readonly caar: number | null; readonly lower: number | null; readonly upper: number | null; readonly level: number; readonly samples: number }[];
  /** Wilcoxon signed-rank per event day: raw W+, N′ (non-zero ARs), the standardised z and its two-sided p (added field). */
  readonly wilcoxon?: readonly { readonly offset: number; readonly wPlus: number | null; readonly n: number; readonly z: number | null; readonly p: number | null }[];
}

/** One term of the calendar-time regression: `alpha` (daily), then each loading, with OLS and Newey–West t's. */
export interface CalendarTimeTermRow {
  readonly name: string;
  readonly estimate: number | null;
  readonly tOls: number | null;
  readonly pOls: number | null;
  readonly signifOls: string;
  readonly tNw: number | null;
  readonly pNw: number | null;
  readonly signifNw: string;
}

/** The calendar-time portfolio test of the study's events (added field; absent when not configured). */
export interface CalendarTimeSummary {
  /** Sessions around each event's day 0 a firm is held. */
  readonly window: SessionWindow;
  /** What was regressed: `Rp`, `Rp − RF`, `Rp − SPY`. */
  readonly dependent: string;
  readonly terms: readonly CalendarTimeTermRow[];
  /** 252 × the daily alpha. */
  readonly alphaAnnual: number | null;
  readonly r2: number | null;
  readonly lag: number;
  readonly lagRule: 'auto' | 'user';
  /** The regression's days (non-empty portfolio, every regressor present). */
  readonly days: number;
  readonly nonEmptyDays: number;
  readonly meanSize: number | null;
  readonly minSize: number;
  readonly maxSize: number;
  readonly events: number;
  readonly firms: number;
  readonly note?: string;
}

/** A statistic with its flag ('', '*', '**', '***'). */
export interface FlaggedStat {
  readonly stat: number | null;
  readonly signif: string;
}

/** The abnormal-volume study of the events (added field; absent when not configured). */
export interface VolumeSummary {
  /** `market-model` (log(1 + V) on the benchmark's) or `mean-adjusted`. */
  readonly model: string;
  readonly benchmark: string;
  readonly events: number;
  readonly excluded: readonly { readonly symbol: string; readonly date: string; readonly code: string; readonly reason: string }[];
  /** Per event day: N, AAV, CAAV, cross-sectional t, crude dependence-adjusted t, Corrado rank. */
  readonly days: readonly { readonly offset: number; readonly n: number; readonly aav: number | null; readonly caav: number | null; readonly t: FlaggedStat; readonly crude: FlaggedStat; readonly rank: FlaggedStat }[];
  /** Per CAR window: N, CAAV (mean firm CAV) and the same three tests. */
  readonly windows: readonly { readonly window: SessionWindow; readonly n: number; readonly caav: number | null; readonly t: FlaggedStat; readonly crude: FlaggedStat; readonly rank: FlaggedStat }[];
}

export interface StudyResult {
  readonly groups: readonly StudyGroup[];
  readonly calendarTime?: CalendarTimeSummary;
  readonly volume?: VolumeSummary;
}

/** Costs of a run by kind, in currency, positive when paid (dividends: paid on shorts minus received on longs). */
export interface CostsByKindRow {
  readonly commission: number;
  readonly slippage: number;
  readonly borrow: number;
  readonly dividends: number;
}

/** Metrics of one strategy run (returns as fractions: 0.05 = 5%). Period, trade and event numbers are kept apart. */
export interface StrategyMetricsRow {
  readonly totalReturn: number;
  readonly cagr: number;
  readonly sharpe: number;
  readonly sortino: number;
  /** CAGR / |max drawdown|. */
  readonly calmar: number;
  readonly maxDrawdown: number;
  /** Sessions from the peak before the deepest drawdown to its recovery (or the end of the run). */
  readonly maxDrawdownDuration: number;
  /** Sessions of the longest spell under a previous peak, whichever drawdown it belongs to. */
  readonly longestDrawdown: number;
  readonly volatility: number;
  readonly exposure: number;
  /** Traded notional over mean equity, a year. */
  readonly turnover: number;
  /** Annualised intercept and slope against the benchmark's total return (the strategy's equity includes dividends). */
  readonly alpha: number;
  readonly beta: number;
  readonly trades: number;
  readonly hitRate: number;
  readonly avgTradeReturn: number;
  readonly medianTradeReturn: number;
  /** Σ winning net P&L / |Σ losing net P&L| (null when there is no losing trade). */
  readonly profitFactor: number;
  /** Mean net P&L per trade, in currency. */
  readonly expectancy: number;
  /** Total costs in currency (commission + slippage + borrow + dividends owed). */
  readonly costs: number;
  readonly costsByKind: CostsByKindRow;
  readonly finalEquity: number;
  /** Metrics not meaningful for this run, by key, with why ("only 2 trades", "flat equity curve"). */
  readonly caveats: Readonly<Record<string, string>>;
}

export interface SeriesPoint {
  readonly date: IsoDate;
  readonly value: number;
}

export interface TradeRow {
  readonly id: number;
  readonly symbol: string;
  readonly direction: 'long' | 'short';
  readonly quantity: number;
  readonly entryDate: IsoDate;
  readonly entryPrice: number;
  readonly exitDate: IsoDate | null;
  readonly exitPrice: number | null;
  readonly eventId: string | null;
  readonly pnl: number;
  readonly returnPct: number;
  readonly costs: number;
  readonly sessionsHeld: number;
}

export interface StrategyResult {
  readonly name: string;
  /** The strategy module, relative to the scenario's folder, when it is not a built-in. */
  readonly module?: string;
  /** The label that tells configurations apart (the name, or name + swept parameters). */
  readonly label: string;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly metrics: StrategyMetricsRow;
  readonly equity: readonly SeriesPoint[];
  /** Drawdown from the running peak, ≤ 0, as a fraction. */
  readonly drawdown: readonly SeriesPoint[];
  /** The benchmark scaled to the starting capital, on the same sessions. */
  readonly benchmark: readonly SeriesPoint[];
  readonly trades: readonly TradeRow[];
  /** Rolling annualised Sharpe and beta over the last `window` daily returns (absent for short curves). */
  readonly rolling?: {
    readonly window: number;
    readonly points: readonly { readonly date: IsoDate; readonly sharpe: number | null; readonly beta: number | null }[];
  };
}

/** What a pair's figure compares (the `metric` of report.json's comparison pairs). */
export const PAIR_METRIC = {
  /** True pairs: per-event returns over the events both strategies traded. */
  events: 'per-event return, events both traded',
  /** No event traded by both (or one side trades none, as buy-and-hold): daily returns over the sessions both ran. */
  daily: 'daily return, sessions both ran',
} as const;

/** A mean difference a − b over n pairs, its 95% bootstrap interval and its t. */
export interface PairFigure {
  readonly n: number;
  readonly meanDiff: number | null;
  readonly ci95: readonly [number | null, number | null];
  /** mean / (sd / √n) of the differences (sample sd); null for n < 2 or no spread. Absent in older files. */
  readonly tStat?: number | null;
}

export interface ComparisonPair extends PairFigure {
  readonly a: string;
  readonly b: string;
  /** What is compared: one of PAIR_METRIC (true pairs of events, or daily returns when no event was traded by both). */
  readonly metric: string;
  /** Events traded by both, by a only, by b only (only the first are pairs). Absent in older files. */
  readonly events?: { readonly both: number; readonly onlyA: number; readonly onlyB: number };
  /**
   * Per-event returns over every event either strategy traded, an untraded event counted as 0 — not true pairs,
   * shown labelled as such. Null unless each side traded events and some event was traded by one side only.
   */
  readonly unionWithZeros?: PairFigure | null;
}

/** One event and each strategy's return on it (null: that strategy did not trade it). */
export interface ComparisonEventRow {
  readonly eventId: string;
  readonly symbol: string;
  readonly date: IsoDate | null;
  readonly returns: Readonly<Record<string, number | null>>;
}

export interface ComparisonResult {
  readonly table: readonly ({ readonly label: string } & StrategyMetricsRow)[];
  readonly pairs: readonly ComparisonPair[];
  /** Every event any strategy traded, with each strategy's return on it. */
  readonly events: readonly ComparisonEventRow[];
  readonly resamples: number;
  readonly seed: number;
}

/** The reaction of a related symbol to another company's event. */
export interface SpilloverResult {
  readonly eventId: string;
  readonly eventSymbol: string;
  readonly symbol: string;
  readonly relation: string;
  readonly day0: IsoDate | null;
  readonly day0Return: number | null;
  readonly day0Abnormal: number | null;
  readonly car: readonly CarValue[];
  /** The related symbol has its own event inside the event window. */
  readonly contaminated: boolean;
  /** Cumulative abnormal return by offset across the event window (for the chart). */
  readonly carPath: readonly { readonly offset: number; readonly car: number | null }[];
}

/** A grid point's numbers over a set of events (returns per event, as fractions). */
export interface SweepScore {
  readonly events: number;
  readonly meanReturn: number | null;
  readonly tStat: number | null;
  readonly trades: number;
  readonly netPnl: number | null;
  readonly hitRate: number | null;
  /** The objective's value; null when too few events traded. */
  readonly score: number | null;
}

/** A parameter sweep of one strategy over a grid, with its out-of-sample check. */
export interface SweepSummary {
  readonly label: string;
  readonly strategy: string;
  readonly objective: string;
  readonly base: Readonly<Record<string, number | string | boolean>>;
  readonly grid: Readonly<Record<string, readonly (number | string | boolean)[]>>;
  readonly points: readonly { readonly params: Readonly<Record<string, number | string | boolean>>; readonly all: SweepScore }[];
  /** The best point on all events: in-sample by construction. */
  readonly best: { readonly params: Readonly<Record<string, number | string | boolean>>; readonly score: number | null } | null;
  /** How events were split for the out-of-sample check, in words (null: none). */
  readonly walkForward: string | null;
  readonly folds: readonly {
    readonly trainRange: readonly [string, string];
    readonly testRange: readonly [string, string];
    readonly bestParams: Readonly<Record<string, number | string | boolean>> | null;
    readonly inSample: SweepScore | null;
    readonly outOfSample: SweepScore | null;
    /** Candidate training events and test events of the fold (absent in older files). */
    readonly trainEvents?: number;
    readonly testEvents?: number;
    /** Training events left out for the best in-sample point: purged (a trade sharing a session with the test span), embargoed (k-fold). */
    readonly purged?: number;
    readonly embargoed?: number;
  }[];
  /** Every test block scored with its fold's in-sample best, pooled. */
  readonly outOfSample: SweepScore | null;
}

/** Everything a report renders; `report.json` is this object. */
export interface RunResult {
  readonly schemaVersion: number;
  readonly meta: ResultMeta;
  readonly events: readonly EventResult[];
  readonly study: StudyResult;
  readonly strategies: readonly StrategyResult[];
  readonly comparison: ComparisonResult | null;
  readonly spillovers: readonly SpilloverResult[];
  /** Cross-sectional tests across spillover pairs: all pairs, then one group per relation label. */
  readonly spilloverStudy: readonly StudyGroup[];
  /** Parameter sweeps (strategies given with a grid). */
  readonly sweeps: readonly SweepSummary[];
}
