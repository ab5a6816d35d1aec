import { statSync } from 'node:fs';
import { join } from 'node:path';
import { AftershockError, ValidationError, notARegularFile, type BarSeries, type MarketEvent, type NonSessionPolicy, type UnknownTimingPolicy } from '@aftershock/core';
import { findSymbolFiles, isParquetPath, loadEvents, loadLongPrices, loadSymbol, readParquetPrices } from '@aftershock/data';
import {
  MODEL_KINDS,
  STUDY_PROFILES,
  parseRelWindow,
  runStudy,
  CsvWriter,
  sampleTableFiles,
  studyTableFiles,
  type ModelKind,
  type ReturnKind,
  type StudyConfig,
  type StudyProfile,
  type StudyResult,
  type TableFile,
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

/** Reads the events file: any event calendar the data package knows; a bare `symbol,event_date[,timing]` file as custom events. */
function readEvents(path: string): MarketEvent[] {
  try {
    return loadEvents(path);
  } catch (e) {
    if (e instanceof ValidationError && e.problems.every((p) => p.severity !== 'error' || p.code === 'EVENT_UNKNOWN_FORMAT')) {
      return loadEvents(path, { kind: 'custom' });
    }
    throw e;
  }
}

/** Loads the market and the events' symbols from a long CSV or a price folder; unknown event symbols are left out (excluded later). */
async function readPrices(path: string, market: string, symbols: readonly string[]): Promise<{ prices: Map<string, BarSeries>; market: BarSeries }> {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // Nothing there, or a dangling or looping link: say which.
  }
  if (!isDir) {
    const bad = notARegularFile(path, 'prices');
    if (bad) throw new AftershockError(bad.code, bad.message, { file: path, field: 'prices' });
  }
  let prices: Map<string, BarSeries>;
  if (isParquetPath(path)) prices = await readParquetPrices(path, { symbols: [...new Set([market, ...symbols])] });
  else if (isDir) {
    prices = new Map();
    for (const s of new Set([market, ...symbols])) {
      if (findSymbolFiles(path, s)) prices.set(s, loadSymbol(path, s));
    }
  } else prices = loadLongPrices(path);
  const m = prices.get(market);
  if (!m) {
    const known = [...prices.keys()].slice(0, 20).join(', ');
    throw new AftershockError('UNKNOWN_MARKET', `market symbol ${market} is not in ${path}${known ? ` (it has ${known}${prices.size > 20 ? ', …' : ''})` : ''}`, { file: path, field: 'market' });
  }
  return { prices, market: m };
}

function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9._=-]+/g, '_') || '_';
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
export async function writeStudy(res: StudyResult, dir: string): Promise<string[]> {
  const files = new Map<string, FolderFile>();
  for (const f of studyTableFiles(res)) files.set(f.name, streamed(f));
  for (const g of res.groups) {
    const sub = join('groups', safeName(`${g.field}=${g.key}`));
    for (const f of sampleTableFiles(g.stats, res.model === 'market-model')) files.set(join(sub, f.name), streamed(f));
  }
  await writeFolder(dir, files, STUDY_FOLDER);
  return [...files.keys()];
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
  const events = readEvents(o.events);
  if (events.length === 0) throw new AftershockError('NO_EVENTS', `no events in ${o.events}`, { file: o.events, field: 'events' });
  const { prices, market } = await readPrices(o.prices, o.market, events.map((e) => e.symbol));
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
    ...(o.groupBy ? { groupBy: o.groupBy } : {}),
  };
  const res = runStudy({ prices, market, events }, config);
  const written = await writeStudy(res, o.out);
  const out = (s: string): void => void process.stdout.write(s);
  out(`study (${res.profile}, ${res.model}, ${res.returns} returns): ${res.events.length} event(s), ${res.excluded.length} excluded\n`);
  for (const x of res.excluded) out(`  excluded ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]\n`);
  out(`wrote ${written.length} file(s) to ${o.out}\n`);
}
