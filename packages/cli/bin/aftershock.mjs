#!/usr/bin/env node
// Linked entry point: runs the built CLI (dist/main.mjs, plain JavaScript bundled from the TypeScript sources by
// build/build.mjs). A build older than any source is rebuilt first (a few hundred ms, once). When it cannot be
// built (esbuild missing), or with AFTERSHOCK_FROM_SOURCE=1, the sources run through tsx as before.
import { staleReason } from '../build/manifest.mjs';

const debug = Boolean(process.env.AFTERSHOCK_DEBUG);
let built = process.env.AFTERSHOCK_FROM_SOURCE !== '1';
if (built) {
  const why = staleReason();
  if (why !== undefined) {
    try {
      const { buildCli } = await import('../build/build.mjs');
      await buildCli();
    } catch (e) {
      built = false;
      if (debug) process.stderr.write(`aftershock: cannot build the CLI (${why}), running the sources: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
if (built) {
  // Stack traces (AFTERSHOCK_DEBUG=1) point into the sources through the bundle's source map.
  if (debug) {
    process.setSourceMapsEnabled(true);
    process.stderr.write('aftershock: running the build in packages/cli/dist\n');
  }
  await import('../dist/main.mjs');
} else {
  if (debug) process.stderr.write('aftershock: running the sources through tsx\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
