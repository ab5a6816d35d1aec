// `npm run deps` (and the first step of `npm start`): installs the workspace with pnpm 12.4.2 from the frozen
// lockfile, then builds the CLI when its build is stale. A successful install leaves a stamp in node_modules: the
// sha256 of every file the install reads (lockfile, workspace file, package.json files, .npmrc) and the Node
// version. While the stamp matches, the install is skipped (pnpm would find nothing to do, after seconds of
// start-up); any change to those files, or a removed node_modules, installs again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, staleReason } from './manifest.mjs';

const STAMP = join(ROOT, 'node_modules', '.aftershock-install.json');
const INSTALL = ['--yes', 'pnpm@12.4.2', 'install', '--frozen-lockfile', '--reporter=append-only'];

function installInputs() {
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json', '.npmrc'];
  for (const d of readdirSync(join(ROOT, 'packages'), { withFileTypes: true })) if (d.isDirectory()) files.push(`packages/${d.name}/package.json`);
  return files.filter((f) => existsSync(join(ROOT, f)));
}

function stampOf() {
  const h = createHash('sha256').update(`node ${process.versions.node} ${process.platform} ${process.arch}\n`);
  for (const f of installInputs()) h.update(`${f}\n`).update(readFileSync(join(ROOT, f)));
  return h.digest('hex');
}

function installed(stamp) {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).stamp === stamp;
  } catch {
    return false;
  }
}

const stamp = stampOf();
if (!installed(stamp)) {
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', INSTALL, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    if (r.error) process.stderr.write(`deps: cannot run npx: ${r.error.message}\n`);
    process.exit(r.status ?? 1);
  }
  writeFileSync(STAMP, JSON.stringify({ stamp }) + '\n');
}
const why = staleReason();
if (why !== undefined) {
  try {
    const { buildCli } = await import('./build.mjs');
    await buildCli();
  } catch (e) {
    // The bin still runs the sources through tsx; say why the fast path is missing.
    process.stderr.write(`deps: cannot build the CLI (${why}): ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
