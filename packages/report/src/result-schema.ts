import { z } from 'zod';

/*
 * The shape of a saved report.json, checked before rendering so that a hand-edited or damaged file ends as a coded
 * error naming the field (`events[0].pricePath`), never as `p.map is not a function` half-way through a render.
 * It mirrors result-types.ts for the fields the renderers read. Objects are loose (unknown keys pass through, so a
 * newer field does not break an older reader), numbers may be null (report.json writes NaN and ±Infinity as null).
 */

const num = z.number().nullable();
/** A count, an offset or a seed: never NaN, so never null in report.json. */
const count = z.number();
const str = z.string();
const date = z.string().nullable();
const list = <T extends z.ZodType>(t: T) => z.array(t);
const window = z.tuple([num, num]);
const record = (v: z.ZodType) => z.record(z.string(), v);
const scalar = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const paramMap = record(z.union([scalar, list(scalar)]));
const carValue = z.looseObject({ window, car: num });
const carPath = list(z.looseObject({ offset: count, car: num }));

const meta = z.looseObject({
  scenario: str,
  description: str,
  dataRange: z.looseObject({ from: date, to: date }),
  benchmark: str,
  profile: str,
  model: str,
  returns: str,
  dividends: str,
  windows: z.looseObject({ estimation: list(num), event: list(num), car: list(window) }),
  costs: record(z.union([scalar, list(scalar)])),
  capital: count,
  seed: count,
  inputs: list(z.looseObject({ file: str, sha256: str })),
  version: str,
  notes: list(str),
});

const event = z.looseObject({
  id: str,
  symbol: str,
  kind: str,
  eventDate: str,
  timing: str,
  day0: date,
  day0Explanation: str,
  groups: record(z.string()),
  tags: record(z.string()),
  reaction: z.looseObject({ day0Return: num, day0Abnormal: num, car: list(carValue) }),
  pricePath: list(z.looseObject({ offset: count, date: str, close: num })),
  carPath,
  excluded: str.optional(),
});

const studyGroup = z.looseObject({
  name: str,
  n: count,
  aar: list(z.looseObject({ offset: count, n: count, aar: num, caar: num, caarLow: num, caarHigh: num })),
  tests: z.looseObject({ tests: list(str), rows: list(z.looseObject({ offset: count, stats: list(num), signif: list(str) })) }),
  carTests: list(z.looseObject({ window, test: str, caar: num, stat: num, signif: str })),
  carDistribution: z.looseObject({ window, values: list(num) }),
});

const calendarTime = z.looseObject({
  window,
  dependent: str,
  terms: list(z.looseObject({ name: str, estimate: num, tOls: num, tNw: num, signifOls: str, signifNw: str })),
  alphaAnnual: num,
  lag: count,
  days: count,
  meanSize: num,
});

const flagged = z.looseObject({ stat: num, signif: str });
const volume = z.looseObject({
  model: str,
  benchmark: str,
  events: count,
  excluded: list(z.looseObject({ symbol: str, date: str, code: str, reason: str })),
  days: list(z.looseObject({ offset: count, n: count, aav: num, caav: num, t: flagged, crude: flagged, rank: flagged })),
  windows: list(z.looseObject({ window, n: count, caav: num, t: flagged, crude: flagged, rank: flagged })),
});

// Metrics grow with the strategy package (values, caveats): only their container is checked here.
const metrics = record(z.unknown());
const seriesPoint = z.looseObject({ date: str, value: num });
const trade = z.looseObject({
  id: num,
  symbol: str,
  direction: str,
  quantity: num,
  entryDate: str,
  entryPrice: num,
  exitDate: date,
  exitPrice: num,
  eventId: str.nullable(),
  pnl: num,
  returnPct: num,
  costs: num,
  sessionsHeld: num,
});

const strategy = z.looseObject({
  name: str,
  label: str,
  params: paramMap,
  metrics,
  equity: list(seriesPoint),
  drawdown: list(seriesPoint),
  benchmark: list(seriesPoint),
  trades: list(trade),
});

const pairFigure = z.looseObject({ n: count, meanDiff: num, ci95: window, tStat: num.optional() });

const comparison = z.looseObject({
  table: list(z.looseObject({ label: str })),
  pairs: list(
    z.looseObject({
      a: str,
      b: str,
      metric: str,
      ...pairFigure.shape,
      events: z.looseObject({ both: count, onlyA: count, onlyB: count }).optional(),
      unionWithZeros: pairFigure.nullable().optional(),
    }),
  ),
  events: list(z.looseObject({ eventId: str, symbol: str, date, returns: record(num) })),
  resamples: count,
  seed: count,
});

const spillover = z.looseObject({
  eventId: str,
  eventSymbol: str,
  symbol: str,
  relation: str,
  day0: date,
  day0Return: num,
  day0Abnormal: num,
  car: list(carValue),
  contaminated: z.boolean(),
  carPath,
});

const score = z.looseObject({ events: num, meanReturn: num, tStat: num, trades: num, netPnl: num, hitRate: num, score: num });
const sweep = z.looseObject({
  label: str,
  strategy: str,
  objective: str,
  base: paramMap,
  grid: record(list(scalar)),
  points: list(z.looseObject({ params: paramMap, all: score })),
  best: z.looseObject({ params: paramMap, score: num }).nullable(),
  walkForward: str.nullable(),
  folds: list(
    z.looseObject({
      trainRange: list(str),
      testRange: list(str),
      bestParams: paramMap.nullable(),
      inSample: score.nullable(),
      outOfSample: score.nullable(),
      trainEvents: count.optional(),
      testEvents: count.optional(),
      purged: count.optional(),
      embargoed: count.optional(),
    }),
  ),
  outOfSample: score.nullable(),
});

/** report.json as this version renders it (schemaVersion is checked before). */
export const resultSchema = z.looseObject({
  schemaVersion: z.number(),
  meta,
  events: list(event),
  study: z.looseObject({ groups: list(studyGroup), calendarTime: calendarTime.optional(), volume: volume.optional() }),
  strategies: list(strategy),
  comparison: comparison.nullable().default(null),
  spillovers: list(spillover),
  spilloverStudy: list(studyGroup).default([]),
  sweeps: list(sweep).default([]),
});
