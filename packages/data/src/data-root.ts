import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AftershockError } from '@aftershock/core';

/** The project config file looked up from the working directory upwards (the repository itself ships none). */
export const CONFIG_FILE = 'aftershock.config.json';
/** Environment variable naming the data root; it overrides the config file. */
export const DATA_ENV = 'AFTERSHOCK_DATA';
/** Where a checkout of this repository finds its price data, relative to the repository root. */
export const CHECKOUT_DATA_DIR = '../shared/data/real/backtester39';
/** The compact sample that ships in the repository: the flagship scenario's symbols over just the span it reads. */
export const SAMPLE_DATA_DIR = 'data/sample';
/** The first and last session held by the embedded sample (data/sample/make-sample.sh cuts the same span). */
export const SAMPLE_SPAN = { from: '2024-12-19', to: '2026-05-29' } as const;

/** A resolved data root: the folder and how it was found. */
export interface DataRoot {
  readonly dir: string;
  readonly via: 'option' | 'env' | 'config' | 'checkout' | 'sample';
  /** The config file, when `via` is `config`. */
  readonly configFile?: string;
  /** Said to the user wherever the root is used (a report note, the terminal): set when `via` is `sample`. */
  readonly note?: string;
}

export interface DataRootOptions {
  /** An explicit folder (e.g. the CLI's `--root`); wins over everything else. */
  readonly root?: string | undefined;
  /** Where the config file lookup starts (default: `process.cwd()`). */
  readonly cwd?: string;
  /** The environment to read `AFTERSHOCK_DATA` from (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const HOW_TO =
  'Provide price data in one of these ways: pass --root DIR; set the environment variable AFTERSHOCK_DATA=DIR; or put ' +
  `${CONFIG_FILE} with {"dataRoot": "DIR"} in your project folder. DIR holds <SYMBOL>.csv price files ` +
  '(Date,Open,High,Low,Close,Volume) and optional <SYMBOL>_dividends.csv (Date,Dividend), either directly or in ' +
  'focus/ and universe/prices/ + universe/dividends/ (the BackTester39 layout).';

/**
 * Finds the price-data folder: `opts.root`, then `$AFTERSHOCK_DATA`, then `dataRoot` in the nearest
 * `aftershock.config.json` (from the working directory up; relative paths are relative to that file), then, in a
 * checkout of this repository, `../shared/data/real/backtester39` next to it, and last that checkout's embedded
 * sample `data/sample/` (with a `note` saying so). The checkout is the one containing the working directory, else
 * the one containing this package. Throws DATA_ROOT_NOT_FOUND, saying exactly how to provide data, when none of
 * these exists.
 *
 * @example resolveDataRoot().dir // → '/work/shared/data/real/backtester39' in this repository's checkout
 */
export function resolveDataRoot(opts: DataRootOptions = {}): DataRoot {
  const cwd = opts.cwd ?? process.cwd();
  if (opts.root !== undefined) return checked(resolve(cwd, opts.root), 'option', `--root ${opts.root}`);
  const env = (opts.env ?? process.env)[DATA_ENV];
  if (env !== undefined && env !== '') return checked(resolve(cwd, env), 'env', `${DATA_ENV}=${env}`);
  const config = findUp(cwd, CONFIG_FILE);
  if (config) {
    const dir = readConfigRoot(config);
    if (dir !== undefined) return { ...checked(resolve(dirname(config), dir), 'config', `dataRoot in ${config}`), configFile: config };
  }
  const repo = findRepoRoot(cwd) ?? findRepoRoot();
  if (repo) {
    const dir = resolve(repo, CHECKOUT_DATA_DIR);
    if (isDir(dir)) return { dir, via: 'checkout' };
    const sample = resolve(repo, SAMPLE_DATA_DIR);
    if (isDir(sample)) return { dir: sample, via: 'sample', note: sampleNote() };
  }
  throw new AftershockError('DATA_ROOT_NOT_FOUND', `no price data folder found. ${HOW_TO}`);
}

/** The note of a run on the sample: what it holds, and how to get more. */
function sampleNote(): string {
  return (
    `Prices come from the embedded sample ${SAMPLE_DATA_DIR}/ (CRWV, SPY, NVDA, MSFT and QQQ, ${SAMPLE_SPAN.from} to ${SAMPLE_SPAN.to}: ` +
    `the span scenarios/coreweave-2025.yaml reads; Yahoo Finance data by way of BackTester39, see ${SAMPLE_DATA_DIR}/README.md), ` +
    `because no data root was given and ${CHECKOUT_DATA_DIR} is not beside this checkout. ` +
    'For other symbols or dates, run `aftershock data fetch SYMBOL...` and point AFTERSHOCK_DATA at its folder.'
  );
}

/** The root of an aftershock checkout containing `start` (the folder with pnpm-workspace.yaml and packages/data), if any. */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && isDir(join(dir, 'packages', 'data'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The folder of shared reference data next to a checkout (`<repo>/../shared/data`), if present. */
export function sharedDataDir(): string | undefined {
  for (const start of [process.cwd(), dirname(fileURLToPath(import.meta.url))]) {
    const repo = findRepoRoot(start);
    if (repo && isDir(resolve(repo, '../shared/data'))) return resolve(repo, '../shared/data');
  }
  return undefined;
}

function checked(dir: string, via: DataRoot['via'], what: string): DataRoot {
  if (!isDir(dir)) throw new AftershockError('DATA_ROOT_NOT_FOUND', `${what}: ${dir} is not a folder. ${HOW_TO}`);
  return { dir, via };
}

function readConfigRoot(file: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AftershockError('CONFIG_INVALID', `${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  if (typeof json !== 'object' || json === null) throw new AftershockError('CONFIG_INVALID', `${file} must hold a JSON object`, { file });
  const v = (json as Record<string, unknown>)['dataRoot'];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new AftershockError('CONFIG_INVALID', 'dataRoot must be a non-empty string (a folder path)', { file, field: 'dataRoot' });
  return v;
}

function findUp(start: string, name: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const f = join(dir, name);
    if (existsSync(f)) return f;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
