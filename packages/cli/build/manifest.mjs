// Whether the built CLI (packages/cli/dist) still matches its sources: plain JavaScript, so the bin can decide it
// before anything is compiled. The build records every workspace file it read (from esbuild's metafile) plus the
// files that decide how modules resolve (package.json files, the lockfile, this folder's scripts), each with its
// size, mtime and sha256. A start stats them (~200 files, about a millisecond); a file whose size or mtime moved is
// hashed, so a checkout that only touched timestamps does not rebuild.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ROOT = join(CLI_DIR, '..', '..');
export const DIST = join(CLI_DIR, 'dist');
/** Bump when the shape of the build changes, so an old dist is rebuilt. */
export const BUILD_FORMAT = 1;

const manifestPath = (dist) => join(dist, 'manifest.json');
const nodeMajor = () => process.versions.node.split('.')[0];

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The manifest of a build: its outputs and inputs (absolute paths), recorded relative to `root`. */
export function manifestOf(outputs, inputs, root = ROOT) {
  const rel = (f) => relative(root, f).split(sep).join('/');
  const files = [...new Set(inputs)].sort().map((f) => {
    const st = statSync(f);
    return { path: rel(f), size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(f) };
  });
  return { format: BUILD_FORMAT, root, node: nodeMajor(), outputs: outputs.map(rel), files };
}

/** Writes the manifest atomically (a reader sees the old one or the new one, never half of it). */
export function writeManifest(m, dist = DIST) {
  const file = manifestPath(dist);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(m, null, 1) + '\n');
    renameSync(tmp, file);
  } catch {
    // A read-only checkout still runs; it hashes the touched files at each start.
  }
}

function readManifest(dist) {
  try {
    return JSON.parse(readFileSync(manifestPath(dist), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Why the build in `dist` is stale, or undefined when it is fresh: no manifest, another build format, another
 * checkout folder, another Node major, an output missing, or a recorded input changed or gone.
 */
export function staleReason(dist = DIST, root = ROOT) {
  const m = readManifest(dist);
  if (m === undefined) return 'no build yet';
  if (m.format !== BUILD_FORMAT) return 'built by another version of the build script';
  if (m.root !== root) return `built in ${m.root}`;
  if (m.node !== nodeMajor()) return `built for Node ${m.node}`;
  for (const out of m.outputs) {
    try {
      statSync(join(root, out));
    } catch {
      return `${out} is missing`;
    }
  }
  let touched = false;
  for (const f of m.files) {
    const abs = join(root, f.path);
    let st;
    try {
      st = statSync(abs);
    } catch {
      return `${f.path} is gone`;
    }
    if (st.size === f.size && st.mtimeMs === f.mtimeMs) continue;
    if (st.size !== f.size || sha256(abs) !== f.sha256) return `${f.path} changed`;
    f.mtimeMs = st.mtimeMs;
    touched = true;
  }
  // Same contents under new timestamps (a checkout, a touch): remember them, so the next start only stats.
  if (touched) writeManifest(m, dist);
  return undefined;
}
