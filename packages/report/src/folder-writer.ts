import { randomBytes } from 'node:crypto';
import { close, closeSync, fsync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AftershockError } from '@aftershock/core';

/*
 * A report folder is replaced as a whole. Linux cannot swap two folders with one rename from Node (no
 * RENAME_EXCHANGE), but it can replace a symbolic link with one: so `reports/x` is a link to its current version,
 * a sibling folder `.x.v<pid>-<random>`. A new report is written into a fresh version folder, then a link to it is
 * renamed over `reports/x`: at every instant `reports/x` is the old complete report or the new complete one, and no
 * file of an older report survives. The old version is deleted afterwards; a version left by a killed run is swept
 * up by the next write into the same folder. A folder that is a real directory (written before this scheme, or made
 * by hand) is moved aside and replaced once, the only step where the folder is briefly absent.
 */

/** What may already be in a folder that gets replaced: only what a report of this kind itself writes. */
export interface FolderKind {
  /** Names (files or subfolders) the writer owns; a folder holding anything else is refused, never deleted. */
  readonly owns: (name: string) => boolean;
  /** Shown in messages: "report", "study tables". */
  readonly what: string;
}

/** Test hook: AFTERSHOCK_TEST_WRITE_PAUSE=k stops the writer at step k (after printing a line) until it is killed. */
const PAUSE_ENV = 'AFTERSHOCK_TEST_WRITE_PAUSE';

function fail(code: string, message: string, file: string): never {
  throw new AftershockError(code, message, { file });
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const versionPrefix = (name: string) => `.${name}.v`;

/** Whether a link target names one of our version folders for `name` (a sibling, nothing else). */
function isVersionOf(target: string, name: string): boolean {
  return !target.includes('/') && target.startsWith(versionPrefix(name));
}

/**
 * Where the report will really go: a link that is not ours (the user's own) is followed to its folder, and one of
 * our version folders named directly (`reports/.x.v12-ab/report.json`) means the link `reports/x` that shows it.
 */
function effectiveTarget(dir: string): string {
  const abs = resolve(dir);
  const m = /^\.(.+)\.v\d+-[A-Za-z0-9]+$/.exec(basename(abs));
  if (m) {
    const link = join(dirname(abs), m[1]!);
    if (lstatOrUndefined(link)?.isSymbolicLink() && readlinkSync(link) === basename(abs)) return link;
  }
  const st = lstatOrUndefined(abs);
  if (st?.isSymbolicLink() && !isVersionOf(readlinkSync(abs), basename(abs))) {
    try {
      return realpathSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      fail(code === 'ELOOP' ? 'OUTPUT_SYMLINK_LOOP' : 'OUTPUT_DANGLING_LINK', `output folder ${abs} is a symbolic link ${code === 'ELOOP' ? 'that loops' : 'to nothing'}`, abs);
    }
  }
  return abs;
}

/**
 * Checks, before any work, that a report can be written to `dir`: it is absent, an empty folder, a folder holding
 * only a previous report of this kind, or our link to one; its nearest existing parent is a folder in which a
 * folder can really be created (tried, then removed: `/proc`, a read-only mount or a file on the way is refused
 * now, not after an hour of computing). Throws OUTPUT_* errors (exit 2) naming the folder.
 */
export function checkOutputFolder(dir: string, kind: FolderKind): void {
  const target = effectiveTarget(dir);
  const st = lstatOrUndefined(target);
  if (st && !st.isSymbolicLink()) {
    if (!st.isDirectory()) fail('OUTPUT_NOT_A_FOLDER', `output folder ${target} exists and is not a folder`, target);
    const foreign = readdirSync(target).filter((n) => !kind.owns(n));
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '');
      fail('OUTPUT_NOT_A_REPORT', `output folder ${target} holds files that are not part of a ${kind.what} (${shown}); it would be replaced as a whole, so choose an empty or new folder`, target);
    }
  }
  let parent = dirname(target);
  for (;;) {
    const p = lstatOrUndefined(parent);
    if (p) {
      let isDir = p.isDirectory();
      if (p.isSymbolicLink()) {
        try {
          isDir = lstatSync(realpathSync(parent)).isDirectory();
        } catch {
          isDir = false;
        }
      }
      if (!isDir) fail('OUTPUT_NOT_A_FOLDER', `cannot create the output folder ${target}: ${parent} is not a folder`, target);
      break;
    }
    const up = dirname(parent);
    if (up === parent) break;
    parent = up;
  }
  try {
    rmdirSync(mkdtempSync(join(parent, '.aftershock-probe-')));
  } catch (e) {
    fail('OUTPUT_NOT_WRITABLE', `cannot create the output folder ${target}: ${parent} does not accept new folders (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, target);
  }
}

/** Creates `dir` and its missing parents one level at a time (recursive mkdir loops for ever under /proc). */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  while (!lstatOrUndefined(d)) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) mkdirSync(m);
}

/** A file's content: a text, or a function that streams its bytes into `sink` (a large table, chunk by chunk). */
export type FolderFile = string | ((sink: (bytes: Uint8Array) => void) => void);

/**
 * Writes a new file and starts its fsync on the thread pool: the next tables are formatted while the disk catches
 * up, and the swap waits for every sync (`Syncs.all`). The file is closed once synced.
 */
function writeFileDurably(path: string, content: FolderFile, syncs: Syncs): void {
  const fd = openSync(path, 'wx');
  try {
    const sink = (buf: Uint8Array): void => {
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    };
    if (typeof content === 'string') sink(Buffer.from(content, 'utf8'));
    else content(sink);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  syncs.add(fd);
}

/** The fsyncs under way (a bounded number of files open at once), each file closed when synced. */
class Syncs {
  private pending: Promise<void>[] = [];
  /** The first failure, reported by `all` (never an unhandled rejection). */
  private failure: unknown;

  add(fd: number): void {
    this.pending.push(
      new Promise<void>((done) => {
        fsync(fd, (err) => {
          close(fd, (err2) => {
            if ((err ?? err2) && this.failure === undefined) this.failure = err ?? err2;
            done();
          });
        });
      }),
    );
  }

  /** Waits for every sync started (at most `max` files stay open); throws the first failure. */
  async settle(max = 0): Promise<void> {
    if (this.pending.length > max) {
      const p = this.pending;
      this.pending = [];
      await Promise.all(p);
    }
    if (this.failure !== undefined) throw this.failure;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every file system lets a folder be synced; the rename order alone already protects against a kill.
  }
}

/** Files written but not yet synced, at most (each holds an open descriptor until its sync ends). */
const MAX_OPEN_SYNCS = 32;

/** Whether another process with this pid runs (our own leftovers are never in use: the current version is kept). */
function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes versions, links and set-aside folders of `name` left by runs that died, except `keep`. */
function sweepLeftovers(parent: string, name: string, keep: readonly string[]): void {
  for (const n of readdirSync(parent)) {
    if (keep.includes(n) || !n.startsWith(`.${name}.`)) continue;
    const m = /^\.(.+)\.(v|link|old)(\d+)-[A-Za-z0-9]+$/.exec(n);
    if (!m || m[1] !== name || alive(Number(m[3]))) continue;
    rmSync(join(parent, n), { recursive: true, force: true });
  }
}

/**
 * Writes `files` (relative path → content) as the whole content of the folder `dir`, replacing what was there in
 * one atomic step (see the top of this file). Checks the folder first (`checkOutputFolder`). On any failure, and on
 * SIGINT/SIGTERM while it writes, the new version is removed and the old report stays as it was. Returns the paths
 * written, under `dir`.
 */
export async function writeFolder(dir: string, files: ReadonlyMap<string, FolderFile>, kind: FolderKind): Promise<string[]> {
  checkOutputFolder(dir, kind);
  const target = effectiveTarget(dir);
  const parent = dirname(target);
  const name = basename(target);
  const pauseAt = Number(process.env[PAUSE_ENV] ?? NaN);
  let step = 0;
  const checkpoint = async (): Promise<void> => {
    step++;
    if (step === pauseAt) {
      process.stderr.write(`aftershock: test pause at write step ${step}\n`);
      await new Promise((r) => setTimeout(r, 120_000));
    }
  };

  let version: string | undefined;
  let link: string | undefined;
  const syncs = new Syncs();
  let swapped = false;
  const cleanup = (): void => {
    if (link !== undefined) rmSync(link, { force: true });
    if (version !== undefined && !swapped) rmSync(version, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals): void => {
    cleanup();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    makeDirs(parent);
    // mkdirSync (not mkdtemp, which makes it private): the report folder gets the usual permissions.
    version = join(parent, `${versionPrefix(name)}${process.pid}-${randomBytes(6).toString('hex')}`);
    mkdirSync(version);
    await checkpoint();
    for (const [rel, content] of files) {
      const path = join(version, rel);
      makeDirs(dirname(path));
      writeFileDurably(path, content, syncs);
      await syncs.settle(MAX_OPEN_SYNCS);
      await checkpoint();
    }
    await syncs.settle();
    fsyncDir(version);
    link = join(parent, `.${name}.link${process.pid}-${basename(version).slice(-6)}`);
    symlinkSync(basename(version), link);
    await checkpoint();
    const st = lstatOrUndefined(target);
    let previous: string | undefined;
    let aside: string | undefined;
    if (st?.isSymbolicLink()) previous = readlinkSync(target);
    else if (st?.isDirectory()) {
      // A real folder (an older report): moved aside, then the link takes its place.
      aside = join(parent, `.${name}.old${process.pid}-${basename(version).slice(-6)}`);
      renameSync(target, aside);
      await checkpoint();
    }
    renameSync(link, target);
    link = undefined;
    swapped = true;
    fsyncDir(parent);
    await checkpoint();
    // The old version's files are unlinked on the thread pool, several at once.
    if (previous !== undefined && isVersionOf(previous, name) && previous !== basename(version)) await rm(join(parent, previous), { recursive: true, force: true });
    if (aside !== undefined) await rm(aside, { recursive: true, force: true });
    await checkpoint();
    sweepLeftovers(parent, name, [basename(version)]);
  } catch (e) {
    // Files still syncing are closed before their version is removed.
    await syncs.settle().catch(() => undefined);
    cleanup();
    if (swapped) throw e instanceof AftershockError ? e : new AftershockError('IO_FAILED', `the ${kind.what} was written, but tidying up failed: ${(e as Error).message}`, { file: target });
    if (e instanceof AftershockError) throw e;
    throw new AftershockError('IO_FAILED', `could not write the ${kind.what}: ${(e as Error).message}; the folder was left as it was`, { file: target });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return [...files.keys()].map((rel) => join(resolve(dir), rel));
}
