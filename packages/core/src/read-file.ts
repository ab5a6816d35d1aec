import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { AftershockError } from './errors';

/** Default cap on an input file (a long price file of the whole universe is ~40 MB). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Whether anything sits at `path` (a broken or looping symbolic link counts: reading it then says what is wrong). */
export function entryExists(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** Why a path is not a readable regular file, as a coded error naming it; undefined when it is one. */
export function notARegularFile(path: string, what = 'file'): AftershockError | undefined {
  let st: Stats;
  try {
    const l = lstatSync(path);
    if (!l.isSymbolicLink()) st = l;
    else {
      try {
        st = statSync(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') return new AftershockError('FILE_SYMLINK_LOOP', `${what} ${path} is a symbolic link that loops back on itself`, { file: path });
        return new AftershockError('FILE_DANGLING_LINK', `${what} ${path} is a symbolic link to nothing (its target does not exist)`, { file: path });
      }
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return new AftershockError('FILE_NOT_FOUND', `${what} ${path} does not exist`, { file: path });
    if (code === 'ELOOP') return new AftershockError('FILE_SYMLINK_LOOP', `${what} ${path}: a folder on its path is a symbolic link that loops`, { file: path });
    return new AftershockError('IO_FAILED', `${what} ${path} cannot be read (${(e as Error).message})`, { file: path });
  }
  const kind = notRegularKind(st);
  return kind ? new AftershockError('FILE_NOT_REGULAR', `${what} ${path} is ${kind}, not a regular file`, { file: path }) : undefined;
}

function notRegularKind(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * Reads a regular file as UTF-8, refusing by type before reading: a FIFO, a device, a folder or a socket (which
 * could block for ever or never end), a dangling or looping link, or a file above `maxBytes`. The file is opened
 * non-blocking and checked again with fstat, so a path swapped for a FIFO between the checks cannot block either.
 * Every refusal is a coded AftershockError naming the file (IO_FAILED for a genuine read failure).
 *
 * @example readRegularFile('data/crwv_events.csv', { what: 'event file' })
 */
export function readRegularFile(path: string, opts: { readonly what?: string; readonly maxBytes?: number } = {}): string {
  // Decoded at once, so the bytes can live in a reused buffer (its own: never the one of the bytes a caller holds).
  const b = readBytes(path, opts, TEXT_SCRATCH);
  return b.toString('utf8', 0, b.length);
}

/** Largest read that goes into the reused buffer (a bigger file gets a buffer of its own, freed after use). */
const SCRATCH_MAX_BYTES = 8 * 1024 * 1024;
/** A buffer reused from read to read: reading is synchronous, so one serves every call of its kind. */
interface Scratch {
  buf: Buffer | undefined;
}
/** The buffer of `scratch` byte reads, and the one of readRegularFile (a text read between byte reads never overwrites them). */
const BYTES_SCRATCH: Scratch = { buf: undefined };
const TEXT_SCRATCH: Scratch = { buf: undefined };

/** `n` bytes of the reused buffer (grown when too small), or a fresh buffer above SCRATCH_MAX_BYTES. */
function scratchBytes(s: Scratch, n: number): Buffer {
  if (n > SCRATCH_MAX_BYTES) return Buffer.allocUnsafe(n);
  if (!s.buf || s.buf.length < n) s.buf = Buffer.allocUnsafe(Math.min(SCRATCH_MAX_BYTES, Math.max(n, 2 * (s.buf?.length ?? 0))));
  return s.buf.subarray(0, n);
}

/**
 * `readRegularFile`'s bytes, undecoded (same refusals and codes): for parsers that scan bytes. The memory right after
 * them (same ArrayBuffer) is normally a 0 byte, usable as an end sentinel. With `scratch`, the bytes are read into
 * one buffer that the next `scratch` read reuses (no allocation per file, e.g. for a folder of 360 price files):
 * use them before reading another file, and keep nothing that views them.
 */
export function readRegularFileBytes(path: string, opts: { readonly what?: string; readonly maxBytes?: number; readonly scratch?: boolean } = {}): Buffer {
  return readBytes(path, opts, opts.scratch ? BYTES_SCRATCH : undefined);
}

function readBytes(path: string, opts: { readonly what?: string; readonly maxBytes?: number }, scratch: Scratch | undefined): Buffer {
  const what = opts.what ?? 'file';
  const max = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const refused = notARegularFile(path, what);
  if (refused) throw refused;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new AftershockError('IO_FAILED', `${what} ${path} cannot be opened (${(e as Error).message})`, { file: path });
  }
  try {
    const st = fstatSync(fd);
    const kind = notRegularKind(st);
    if (kind) throw new AftershockError('FILE_NOT_REGULAR', `${what} ${path} is ${kind}, not a regular file`, { file: path });
    if (st.size > max) throw tooLarge(path, what, st.size, max);
    // Read at most max + 1 bytes, so a file that grows while it is read cannot exhaust memory either.
    const room = Math.min(max + 1, Math.max(st.size, 0) + 65536);
    const buf = scratch ? scratchBytes(scratch, room) : Buffer.allocUnsafe(room);
    let n = 0;
    for (;;) {
      if (n === buf.length) break;
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > max) throw tooLarge(path, what, n, max);
    // A 0 byte right after the file's bytes (there is room but for a file that grew by 64 KiB while read): a byte
    // scanner can use it as its end sentinel without copying the file (see parsePrices).
    if (n < buf.length) buf[n] = 0;
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof AftershockError) throw e;
    throw new AftershockError('IO_FAILED', `${what} ${path} cannot be read (${(e as Error).message})`, { file: path });
  } finally {
    closeSync(fd);
  }
}

function tooLarge(path: string, what: string, size: number, max: number): AftershockError {
  return new AftershockError('FILE_TOO_LARGE', `${what} ${path} has ${size} bytes, more than the limit of ${max}`, { file: path });
}
