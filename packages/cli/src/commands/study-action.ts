import { join } from 'node:path';
import { AftershockError, type MarketEvent, type NonSessionPolicy, type TradingCalendar, type UnknownTimingPolicy } from '@aftershock/core';
import { readStudyEvents, readStudyPrices, studyCalendar } from './study-inputs';
import { isSharded, runShardedStudyCommand } from './study-sharded';
import {
  AR_ROWS,
  MODEL_KINDS,
  STUDY_PROFILES,
  parseRelWindow,
  runStudy,
  CsvWriter,
  isFactorModel,
  isRegressionModel,
  sampleTableFiles,
  studyTableFiles,
  type ArRows,
  type ModelKind,
  type ReturnKind,
  type StudyConfig,
  type StudyProfile,
  type StudyResult,
  type StudyTableOptions,
  type TableFile,
  type VolumeModel,
  VOLUME_MODELS,
} from '@aftershock/study';
import { checkOutputFolder, writeFolder, type FolderFile, type FolderKind } from '@aftershock/report';
import type { StudyOptions } from './study';


function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AftershockError('BAD_OPTION', `--${field} must be one of ${allowed.join(', ')}, got "${value}"`, { field });
  }
  return value as T;
}

function intOption(value: string, field: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new AftershockError('BAD_OPTION', `--${field} must be an integer ≥ ${min}, got "${value}"`, { field });
  return n;
}

function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9._=-]+/g, '_') || '_';
}

/** `--calendar-time [a:b]` and `--nw-lag n` as the study's calendarTime setting (absent: off). */
function calendarTimeOption(o: StudyOptions): Pick<StudyConfig, 'calendarTime'> {
  if (o.calendarTime === undefined || o.calendarTime === false) {
    if (o.nwLag !== undefined) throw new AftershockError('BAD_OPTION', '--nw-lag needs --calendar-time', { field: 'nw-lag' });
    return {};
  }
  const window = typeof o.calendarTime === 'string' ? parseRelWindow(o.calendarTime, 'calendar-time') : undefined;
  const lag = o.nwLag === undefined || o.nwLag === 'auto' ? 'auto' : intOption(o.nwLag, 'nw-lag', 0);
  return { calendarTime: { ...(window ? { window } : {}), lag } };
}

/** A study folder holds its tables, summary.md and groups/; a folder with anything else is never replaced. */
const STUDY_FOLDER: FolderKind = { what: 'study output', owns: (n) => n === 'groups' || n === 'summary.md' || n.endsWith('.csv') };

/** A table streamed chunk by chunk through a CsvWriter into the writer's file (no whole-file string). */
function streamed(file: TableFile): FolderFile {
  return (sink) => {
    const w = new CsvWriter(sink);
    file.write(w);
    w.flush();
  };
}

/**
 * Writes every study table to `dir` (and per-group tables to `dir/groups/<field>=<key>/`), each streamed, as a
 * whole: the folder is the old complete output or the new one, never a mix (see @aftershock/report's writeFolder).
 */
export async function writeStudy(res: StudyResult, dir: string, opts: StudyTableOptions = {}): Promise<string[]> {
  const files = new Map<string, FolderFile>();
  // ar.csv (the largest by far) first: its fsync then runs while the other tables are formatted and written.
  const tables = studyTableFiles(res, opts);
  for (const f of tables) if (f.name === 'ar.csv') files.set(f.name, streamed(f));
  for (const f of tables) if (f.name !== 'ar.csv') files.set(f.name, streamed(f));
  for (const g of res.groups) {
    const sub = join('groups', safeName(`${g.field}=${g.key}`));
    for (const f of sampleTableFiles(g.stats, isRegressionModel(res.model))) files.set(join(sub, f.name), streamed(f));
  }
  await writeFolder(dir, files, STUDY_FOLDER);
  return [...files.keys()];
}

/** The study of all events at once: every event symbol's whole series in memory. */
async function wholeStudy(o: StudyOptions, config: StudyConfig, events: MarketEvent[], calendar: TradingCalendar): Promise<StudyResult> {
  const { prices, market } = await readStudyPrices(o.prices, o.market, events.map((e) => e.symbol), o, calendar);
  // Loaded only for factor models: the scenario package is not needed otherwise.
  const factors = o.factors ? (await import('@aftershock/scenario')).readFactorFiles(o.factors.split(',').map((f) => f.trim())) : undefined;
  return runStudy({ prices, market, events, calendar, ...(factors ? { factors } : {}) }, config);
}

/** The action of `aftershock study`: reads prices and events, runs the study and writes its tables. */
export async function runStudyCommand(o: StudyOptions): Promise<void> {
  checkOutputFolder(o.out, STUDY_FOLDER);
  const returns = oneOf<ReturnKind>(o.returns, ['simple', 'log'], 'returns');
  const model = oneOf<ModelKind>(o.model, MODEL_KINDS, 'model');
  const profile = oneOf<StudyProfile>(o.profile, STUDY_PROFILES, 'profile');
  const price = oneOf(o.price, ['close', 'adjusted'] as const, 'price');
  const nonSession = oneOf<NonSessionPolicy>(o.nonSession, ['next', 'previous', 'skip'], 'non-session');
  const unknownTiming = oneOf<UnknownTimingPolicy>(o.unknownTiming, ['same-session', 'next-session'], 'unknown-timing');
  const estimation = parseRelWindow(o.estimation, 'estimation');
  const event = parseRelWindow(o.window, 'window');
  const carWindows = (o.car ?? o.window).split(',').map((s) => parseRelWindow(s, 'car'));
  const samples = intOption(o.bootstrap, 'bootstrap', 0);
  const arRows = oneOf<ArRows>(o.arRows, AR_ROWS, 'ar-rows');
  const calendar = await studyCalendar(o, o.prices, o.market);
  const events = readStudyEvents(o.events, o, calendar);
  if (events.length === 0) throw new AftershockError('NO_EVENTS', `no events in ${o.events}`, { file: o.events, field: 'events' });
  const config: StudyConfig = {
    estimation,
    event,
    carWindows,
    model,
    returns,
    profile,
    price: price === 'adjusted' ? 'adjClose' : 'close',
    nonSession,
    unknownTiming,
    minEstimation: intOption(o.minEstimation, 'min-estimation', 1),
    bootstrap: samples > 0 ? { samples, seed: intOption(o.seed, 'seed', 0), level: 0.95 } : false,
    ...(o.excludeConfounded ? { excludeConfounded: true } : {}),
    ...(o.groupBy ? { groupBy: o.groupBy } : {}),
    ...calendarTimeOption(o),
    ...(o.volume === undefined || o.volume === false ? {} : { volume: oneOf<VolumeModel>(o.volume === true ? 'market-model' : o.volume, VOLUME_MODELS, 'volume') }),
  };
  if (isFactorModel(model) && !o.factors) {
    throw new AftershockError('BAD_OPTION', `--model ${model} needs --factors FILE[,FILE] (Ken French's daily factor CSVs)`, { field: 'factors' });
  }
  // Loaded only for factor models: the scenario package is not needed otherwise.
  if (isSharded(o) && config.volume) throw new AftershockError('BAD_OPTION', '--volume runs on the whole study only (not with --shard-events or --queue)', { field: 'volume' });
  const res = isSharded(o) ? await runShardedStudyCommand(o, config, events) : await wholeStudy(o, config, events, calendar);
  const written = await writeStudy(res, o.out, { arRows });
  const out = (s: string): void => void process.stdout.write(s);
  out(`study (${res.profile}, ${res.model}, ${res.returns} returns): ${res.events.length} event(s), ${res.excluded.length} excluded\n`);
  for (const x of res.excluded) out(`  excluded ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]\n`);
  const confounded = res.events.filter((e) => e.confoundedBy.length > 0).length;
  if (confounded > 0) out(`  ${confounded} event(s) confounded by another event of the firm inside the window (confounded.csv)${res.excludeConfounded ? ', left out of the tests' : ''}\n`);
  const ct = res.calendarTime;
  if (ct) out(`  calendar-time portfolio ${ct.window.start}:${ct.window.end}: alpha ${ct.alpha.toPrecision(4)}/day, t ${ct.terms[0]!.tOls.toFixed(2)} (OLS), ${ct.terms[0]!.tNw.toFixed(2)} (Newey–West, lag ${ct.lag}), ${ct.days} day(s), mean size ${ct.meanSize.toFixed(1)}\n`);
  const vol = res.volume;
  if (vol) {
    const d0 = vol.days.find((d) => d.relDay === 0);
    out(`  abnormal volume (${vol.model}): ${vol.events.length} event(s), ${vol.excluded.length} excluded${d0 ? `; day 0 AAV ${d0.aav.toFixed(4)}, t ${d0.tTest.stat.toFixed(2)}` : vol.events.length === 0 ? '; no event has enough volume' : ''} (volume_*.csv)\n`);
    for (const x of vol.excluded) out(`    volume: excluded ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]\n`);
  }
  out(`wrote ${written.length} file(s) to ${o.out}\n`);
}
