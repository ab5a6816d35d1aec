import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AftershockError, type NonSessionPolicy, type UnknownTimingPolicy } from '@aftershock/core';
import { readStudyEvents, readStudyPrices, studyCalendar } from './study-inputs';
import {
  MODEL_KINDS,
  STUDY_PROFILES,
  parseRelWindow,
  runStudy,
  CsvWriter,
  isFactorModel,
  isRegressionModel,
  sampleTableFiles,
  studyTableFiles,
  type ModelKind,
  type ReturnKind,
  type StudyConfig,
  type StudyProfile,
  type StudyResult,
  type TableFile,
} from '@aftershock/study';
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

/** Streams a table to `dir/name` atomically: written chunk by chunk under a temporary name, then renamed. */
function writeTable(dir: string, file: TableFile): void {
  const target = join(dir, file.name);
  const tmp = join(dir, `.${file.name}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    const w = new CsvWriter((bytes) => {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
    });
    file.write(w);
    w.flush();
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, target);
}

function safeName(key: string): string {
  return key.replace(/[^A-Za-z0-9._=-]+/g, '_') || '_';
}

/** Writes every study table to `dir` (and per-group tables to `dir/groups/<field>=<key>/`), each streamed. */
export function writeStudy(res: StudyResult, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const f of studyTableFiles(res)) {
    writeTable(dir, f);
    written.push(f.name);
  }
  for (const g of res.groups) {
    const sub = join('groups', safeName(`${g.field}=${g.key}`));
    mkdirSync(join(dir, sub), { recursive: true });
    for (const f of sampleTableFiles(g.stats, isRegressionModel(res.model))) {
      writeTable(join(dir, sub), f);
      written.push(join(sub, f.name));
    }
  }
  return written;
}

/** The action of `aftershock study`: reads prices and events, runs the study and writes its tables. */
export async function runStudyCommand(o: StudyOptions): Promise<void> {
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
  const calendar = await studyCalendar(o, o.prices, o.market);
  const events = readStudyEvents(o.events, o, calendar);
  if (events.length === 0) throw new AftershockError('NO_EVENTS', `no events in ${o.events}`, { file: o.events, field: 'events' });
  const { prices, market } = await readStudyPrices(o.prices, o.market, events.map((e) => e.symbol), o, calendar);
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
  };
  if (isFactorModel(model) && !o.factors) {
    throw new AftershockError('BAD_OPTION', `--model ${model} needs --factors FILE[,FILE] (Ken French's daily factor CSVs)`, { field: 'factors' });
  }
  // Loaded only for factor models: the scenario package is not needed otherwise.
  const factors = o.factors ? (await import('@aftershock/scenario')).readFactorFiles(o.factors.split(',').map((f) => f.trim())) : undefined;
  const res = runStudy({ prices, market, events, calendar, ...(factors ? { factors } : {}) }, config);
  const written = writeStudy(res, o.out);
  const out = (s: string): void => void process.stdout.write(s);
  out(`study (${res.profile}, ${res.model}, ${res.returns} returns): ${res.events.length} event(s), ${res.excluded.length} excluded\n`);
  for (const x of res.excluded) out(`  excluded ${x.event.symbol} ${x.event.date}: ${x.reason} [${x.code}]\n`);
  const confounded = res.events.filter((e) => e.confoundedBy.length > 0).length;
  if (confounded > 0) out(`  ${confounded} event(s) confounded by another event of the firm inside the window (confounded.csv)${res.excludeConfounded ? ', left out of the tests' : ''}\n`);
  out(`wrote ${written.length} file(s) to ${o.out}\n`);
}
