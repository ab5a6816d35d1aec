import { z } from 'zod';
import { calendarChoice, eventFileEntry, priceFileEntry, priceFileSpec } from './vendor-files';
import { isoDate, listOf, num, oneOf, sessionWindow, show, text, whole } from './fields';

const symbol = z
  .string({ error: (iss) => `expected a ticker symbol, got ${typeof iss.input}` })
  .regex(/^[A-Za-z0-9^][A-Za-z0-9.\-^=]{0,15}$/, { error: (iss) => `expected a ticker symbol, got ${JSON.stringify(iss.input)}` });

/** Where prices come from: one or more folders of `<SYMBOL>.csv` and/or explicit files. */
const data = z.strictObject({
  /**
   * Folder(s) holding `<SYMBOL>.csv` price files and `<SYMBOL>_dividends.csv` (directly, or in focus/ and
   * universe/prices/), or Parquet stores written by `aftershock data ingest` (`*.parquet`); searched in order. Default: the data root (`--root`, $AFTERSHOCK_DATA, aftershock.config.json,
   * or ../shared/data/real/backtester39 next to a checkout).
   */
  root: z.preprocess((v) => (typeof v === 'string' ? [v] : v), listOf(text('a folder or a .parquet file'))).optional(),
  /**
   * Explicit price files: one long-format file (`date,symbol,close`), or a map symbol → file. Each file may be an
   * object `{ file, columns: { <our field>: <their column> }, delimiter?, dateFormat? }` for a vendor's layout.
   */
  files: z
    .union([text('a file'), priceFileSpec, z.record(z.string(), priceFileEntry)], { error: 'expected a file, { file, columns, … } or a mapping symbol → file' })
    .transform((v) => (typeof v === 'string' ? { file: v } : v))
    .optional(),
  dividends: oneOf(['raw', 'total-return']).default('raw'),
  benchmark: symbol,
});

const inlineEvent = z.strictObject({
  symbol,
  date: isoDate(),
  kind: oneOf(['earnings', 'ipo', 'custom']).default('custom'),
  timing: oneOf(['before-open', 'during', 'after-close', 'unknown']).default('unknown'),
  id: text().optional(),
  label: text().optional(),
});

const events = z.strictObject({
  /**
   * Event calendars (earnings, lock-ups, curated): a path, or `{ file, kind, columns: { <our field>: <their column> },
   * delimiter?, dateFormat?, symbols? }` to read a vendor's file in place.
   */
  files: z.preprocess((v) => (typeof v === 'string' || (v !== null && typeof v === 'object' && !Array.isArray(v)) ? [v] : v), listOf(eventFileEntry)).default([]),
  /** Events written into the scenario (calendar-time setups such as the estudy2 example). */
  list: listOf(inlineEvent).default([]),
  kinds: listOf(oneOf(['earnings', 'lockup-expiry', 'ipo', 'custom'])).optional(),
  filters: z
    .strictObject({
      timing: listOf(oneOf(['before-open', 'during', 'after-close', 'unknown'])).optional(),
      surprise: listOf(oneOf(['beat', 'miss', 'inline', 'unknown'])).optional(),
      symbols: listOf(symbol).optional(),
      from: isoDate().optional(),
      to: isoDate().optional(),
      confirmed: z.boolean({ error: 'expected true or false' }).optional(),
    })
    .default({}),
});

const estimationByLength = z.strictObject({ length: whole(2), gap: whole(0).default(10) });
/** A calendar-time window (all events share it, as in the estudy2 example). */
const dateWindow = z.strictObject({ from: isoDate(), to: isoDate() });

const study = z.strictObject({
  /** Estimation window in sessions relative to day 0, e.g. [-250, -11], or its length and the gap before the event window. */
  estimation: z
    .union([sessionWindow('an estimation window'), estimationByLength, dateWindow], { error: 'expected [from, to] in sessions, { length, gap } or { from: date, to: date }' })
    .default([-250, -11]),
  window: z.union([sessionWindow('an event window'), dateWindow], { error: 'expected [from, to] in sessions or { from: date, to: date }' }).default([-5, 5]),
  car: listOf(sessionWindow('a CAR window'), 1).default([[0, 0], [0, 1], [-1, 1], [-5, 5]]),
  model: oneOf(['market-model', 'market-adjusted', 'constant-mean', 'ff3', 'ff5', 'carhart']).default('market-model'),
  /** Ken French's daily factor files, read in place (paths relative to the scenario file); required by ff3, ff5, carhart. */
  factors: listOf(text('a factor file path')).optional(),
  returns: oneOf(['simple', 'log']).default('simple'),
  profile: oneOf(['textbook', 'estudy2']).default('textbook'),
  groups: listOf(text('a field name')).default([]),
  nonSession: oneOf(['next', 'previous', 'skip']).default('next'),
  unknownTiming: oneOf(['same-session', 'next-session']).default('same-session'),
  minEstimation: whole(2).default(30),
  /** Leave events with another event of the same firm (day 0 inside the event window) out of the tests; they stay flagged in the tables. */
  excludeConfounded: z.boolean({ error: 'expected true or false' }).default(false),
  pricePath: sessionWindow('a price-path window').default([-10, 10]),
  /**
   * With `run`/`compare --queue`: a study of more events than this is fitted in shards of about this many events
   * (a symbol's events in one) as jobs on the workers; fewer events, or a local run, fit here. Never changes a number.
   */
  shardEvents: whole(1).default(2000),
  /**
   * The calendar-time portfolio test: `true` (window [0, end of the event window], automatic Newey–West lag) or
   * `{ window: [a, b], lag: auto | n }`; default false (off).
   */
  /** Abnormal log volume log(1 + V) of the events: market-model (on the benchmark's log volume) or mean-adjusted; default off. */
  volume: oneOf(['market-model', 'mean-adjusted']).optional(),
  calendarTime: z.preprocess(
    (v) => (v === true ? {} : v === false ? undefined : v),
    z
      .strictObject(
        { window: sessionWindow('a calendar-time window').optional(), lag: z.union([z.literal('auto'), whole(0)], { error: (iss) => `expected auto or a whole number ≥ 0, got ${show(iss.input)}` }).default('auto') },
        { error: (iss) => `expected true, false or { window: [from, to], lag: auto | n }, got ${show(iss.input)}` },
      )
      .optional(),
  ),
});

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())], { error: 'expected a number, a text, true/false or a list of texts' });

const strategy = z.strictObject({
  /** A built-in strategy (see STRATEGIES of @aftershock/strategy); or: */
  name: text('a strategy name').optional(),
  /** A strategy module (TypeScript or JavaScript), relative to the scenario: its default export `(params, env) => Strategy`. */
  module: text('a file').optional(),
  /** A label to tell two configurations of the same strategy apart; defaults to the name. */
  label: text().optional(),
  params: z.record(z.string(), paramValue).default({}),
  /** A parameter grid for a sweep: each key a list of values; every combination is run and scored. */
  grid: z.record(z.string(), listOf(paramValue, 1)).optional(),
  /** What the sweep maximises (default event.meanReturn). */
  objective: oneOf(['event.meanReturn', 'event.tStat', 'trade.netPnl', 'trade.hitRate']).optional(),
  /**
   * Out-of-sample check of the sweep, by day 0 (the events of one session stay together; training events whose
   * trades share a session with the test trades are purged): a split date, a training fraction, anchored
   * walk-forward folds, or a purged k-fold with an embargo in sessions.
   */
  walkForward: z
    .union([z.strictObject({ split: isoDate() }), z.strictObject({ trainFraction: num(0, 1, true) }), z.strictObject({ folds: whole(1) }), z.strictObject({ kfold: whole(2), embargo: whole(0).optional() })], {
      error: 'expected { split: date }, { trainFraction: 0..1 }, { folds: k } or { kfold: k, embargo: n }',
    })
    .optional(),
});

const costs = z.strictObject({
  commissionPerShare: num(0).default(0.005),
  minCommission: num(0).default(1),
  slippageBps: num(0).default(5),
  borrowBpsPerYear: num(0).default(50),
  hardToBorrowBpsPerYear: num(0).default(2000),
  hardToBorrow: listOf(symbol).default([]),
});

const sizing = z.strictObject({
  /** Money per trade: a fraction of the starting capital, or a fixed amount (a strategy's own `notional` wins). */
  mode: oneOf(['fixed-fraction', 'fixed-notional']).default('fixed-fraction'),
  fraction: num(0, 10, true).optional(),
  notional: num(0, undefined, true).optional(),
});

const relatedEntry = z.strictObject({ symbol, relation: text().optional(), source: text().optional() });

const related = z.strictObject({
  /** Related symbols for an event company: company → list. */
  symbols: z.record(z.string(), listOf(relatedEntry)).default({}),
  /** A relations CSV (`symbol,related,relation,source`). */
  file: text('a file').optional(),
  /** Keep only these related symbols. */
  only: listOf(symbol).optional(),
  excludeContaminated: z.boolean({ error: 'expected true or false' }).default(false),
});

const outputs = z.strictObject({
  formats: listOf(oneOf(['html', 'md', 'json', 'csv']), 1).default(['html', 'md', 'json', 'csv']),
  folder: text('a folder').optional(),
});

/** The scenario file format (see README, "Scenario reference"). Unknown keys are errors. */
export const scenarioSchema = z.strictObject({
  name: z
    .string({ error: (iss) => `expected a name, got ${typeof iss.input}` })
    .min(1, { error: 'expected a non-empty name' }),
  description: z.string({ error: 'expected a text' }).default(''),
  data,
  /** Sessions: `xnys` (NYSE rules, the default) or `market` (the dates the benchmark has a bar, as estudy2 counts). */
  calendar: calendarChoice.default({ kind: 'xnys' }),
  universe: z
    .union([z.literal('events'), z.strictObject({ symbols: listOf(symbol, 1) })], {
      error: 'expected "events" (every symbol with an event) or { symbols: [...] }',
    })
    .default('events'),
  events,
  study: study.default(() => study.parse({})),
  strategies: listOf(strategy).default([]),
  costs: costs.default(() => costs.parse({})),
  capital: num(0, undefined, true).default(100_000),
  sizing: sizing.default(() => sizing.parse({})),
  seed: whole(0).default(42),
  /** Worker threads for sweeps: `auto` (cores − 1, at least 1) or a number; results do not depend on it. */
  threads: z.union([z.literal('auto'), whole(1, 256)], { error: (iss) => `expected auto or a whole number ≥ 1 and ≤ 256, got ${show(iss.input)}` }).default('auto'),
  /** The backtest period (default: from 10 sessions before the first event to 30 after the last, within the data). */
  period: z.strictObject({ from: isoDate().optional(), to: isoDate().optional() }).default({}),
  outputs: outputs.default(() => outputs.parse({})),
  related: related.optional(),
});

/** A scenario as written (input to the schema). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after validation and defaults (paths still as written). */
export type ScenarioSpec = z.output<typeof scenarioSchema>;

/** The keys allowed at each object path, for "did you mean" suggestions. */
export function allowedKeys(path: readonly PropertyKey[]): string[] {
  return [...new Set(keyForms(path).flat())];
}

/** The key sets an object at `path` may take: one, or one per form of a union of objects (walkForward's). */
export function keyForms(path: readonly PropertyKey[]): string[][] {
  let s: z.ZodType = scenarioSchema;
  for (const k of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(k)] ?? z.never();
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else if (s instanceof z.ZodUnion) {
      const obj = (s.options as z.ZodType[]).map(unwrap).find((o) => o instanceof z.ZodObject);
      s = obj ? ((obj as z.ZodObject).shape as Record<string, z.ZodType>)[String(k)] ?? z.never() : z.never();
    } else return [];
  }
  s = unwrap(s);
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).map(unwrap).flatMap((o) => (o instanceof z.ZodObject ? [Object.keys(o.shape as object)] : []));
  return s instanceof z.ZodObject ? [Object.keys(s.shape as object)] : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur: z.ZodType = s;
  for (;;) {
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else return cur;
  }
}
