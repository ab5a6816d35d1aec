// Builds the `aftershock` CLI into packages/cli/dist: one esbuild bundle of the TypeScript sources (plain ESM
// JavaScript), so a start does not transpile ~150 files through tsx. The sources stay the truth: the manifest
// written beside the bundle lets the bin rebuild when any of them changes (manifest.mjs).
//
//   node packages/cli/build/build.mjs            build now
//   node packages/cli/build/build.mjs --if-stale build only when the manifest says the build is stale
//
// A command's code is imported when it runs (`await import(...)` in its action): with code splitting it is a chunk
// of its own, so a start (`--version`, `--help`) parses and evaluates only the command shell.
// What stays outside the bundle, loaded at run time from where pnpm installed it:
//   - a lazily imported third-party package (`await import('danfojs-node')`): loaded only by the code that uses it;
//   - native or heavy packages (EXTERNAL), and tsx/esbuild, which load TypeScript at run time (sweep workers,
//     user strategy modules).
// Their paths are written relative to dist, so they resolve exactly as they did from the importing source.
// Every `import.meta.url` in a workspace source keeps that source's own URL, so files found relative to a source
// (a worker entry, package.json, assets) are found as before.
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_DIR, DIST, ROOT, manifestOf, staleReason, writeManifest } from './manifest.mjs';

/** Packages never bundled: native modules, run-time TypeScript loaders, large optional libraries. */
const EXTERNAL = new Set(['danfojs-node', 'playwright-core', 'playwright', 'tsx', 'esbuild', 'duckdb', '@duckdb/node-api', '@duckdb/node-bindings']);

const SKIP = Symbol('resolve-without-plugin');

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function posix(p) {
  return p.split(sep).join('/');
}

const isWorkspaceFile = (file) => !file.includes(`${sep}node_modules${sep}`);

/** esbuild plugin: externals resolved to relative paths from dist, and import.meta.url pinned per source file. */
const aftershockPlugin = {
  name: 'aftershock-cli',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === SKIP || isBuiltin(args.path)) return undefined;
      const lazy = args.kind === 'dynamic-import';
      if (!lazy && !EXTERNAL.has(packageName(args.path))) return undefined;
      const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: SKIP });
      if (r.errors.length > 0) return { errors: r.errors };
      if (r.external) return { path: r.path, external: true };
      // A workspace package imported lazily is bundled too, as its own chunk.
      if (isWorkspaceFile(r.path)) return { path: r.path };
      const rel = posix(relative(DIST, r.path));
      return { path: rel.startsWith('.') ? rel : `./${rel}`, external: true };
    });
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      if (!isWorkspaceFile(args.path)) return undefined;
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Files that decide how the sources resolve, besides the sources themselves. */
async function resolutionFiles() {
  const out = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.base.json'];
  for (const d of await readdir(join(ROOT, 'packages'), { withFileTypes: true })) {
    if (d.isDirectory()) out.push(`packages/${d.name}/package.json`, `packages/${d.name}/tsconfig.json`);
  }
  for (const f of await readdir(join(CLI_DIR, 'build'))) if (f.endsWith('.mjs')) out.push(posix(relative(ROOT, join(CLI_DIR, 'build', f))));
  return out.map((f) => join(ROOT, f));
}

async function writeAtomic(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, contents);
  await rename(tmp, file);
}

/** Deletes chunks of earlier builds (a running CLI has loaded its own by now, or holds them open). */
async function removeOld(keep) {
  for (const f of await readdir(DIST)) {
    const p = join(DIST, f);
    if (f.startsWith('chunk-') && !keep.has(p)) await rm(p, { force: true });
  }
}

/** Builds dist/main.mjs (and its source map) and writes the manifest last. Returns the output paths. */
export async function buildCli() {
  const { build } = await import('esbuild');
  // The build's start on the file system's own clock (the one mtimes come from).
  await mkdir(DIST, { recursive: true });
  const mark = join(DIST, `.started.${process.pid}`);
  await writeFile(mark, '');
  const started = (await stat(mark)).mtimeMs;
  await rm(mark, { force: true });
  const result = await build({
    absWorkingDir: ROOT,
    // bench-sma-cross: the engine process of the e2e.sma-cross.universe figure, built from the same chunks.
    entryPoints: { main: join(CLI_DIR, 'src', 'main.ts'), 'bench-sma-cross': join(ROOT, 'packages', 'bench', 'src', 'e2e', 'sma-cross-process.ts') },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled CommonJS dependencies (commander) call require for Node built-ins.
    banner: { js: "import { createRequire as __aftershockRequire } from 'node:module'; const require = __aftershockRequire(import.meta.url);" },
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [aftershockPlugin],
  });
  // Chunks first, the entries last: an entry never names a chunk that is not written yet.
  const isChunk = (f) => f.path.slice(DIST.length + 1).startsWith('chunk-');
  const outputs = [...result.outputFiles].sort((a, b) => Number(isChunk(b)) - Number(isChunk(a)));
  for (const f of outputs) await writeAtomic(f.path, f.contents);
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => join(ROOT, p))
    .filter(isWorkspaceFile);
  const manifest = manifestOf(outputs.map((f) => f.path), [...inputs, ...(await resolutionFiles())]);
  // A file saved while the build ran may not be what was bundled: leave the build stale, so the next start rebuilds.
  if (manifest.files.some((f) => f.mtimeMs > started)) return outputs.map((f) => f.path);
  writeManifest(manifest);
  await removeOld(new Set(result.outputFiles.map((f) => f.path)));
  return result.outputFiles.map((f) => f.path);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale');
  const why = ifStale ? staleReason() : 'asked';
  if (why !== undefined) {
    try {
      await buildCli();
    } catch (e) {
      process.stderr.write(`aftershock: cannot build the CLI (${why}): ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
}
