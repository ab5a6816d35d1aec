import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest global set-up: every temp folder the suite makes (test folders, report and study outputs, browser
 * profiles, the CLI processes the end-to-end tests start) goes under one folder of this run, removed when the
 * run ends. Tests keep calling `os.tmpdir()`; the workers and their child processes inherit TMPDIR. Without it
 * a run left about a thousand folders in the system temp folder.
 */
export default function setup(): () => void {
  const system = tmpdir();
  const root = mkdtempSync(join(system, 'aftershock-test-'));
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  // What is kept from run to run on purpose (the unpacked packaged Chromium) still goes to the system temp folder.
  process.env['AFTERSHOCK_SYSTEM_TMPDIR'] = system;
  return () => {
    delete process.env['AFTERSHOCK_SYSTEM_TMPDIR'];
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    if (process.env['AFTERSHOCK_KEEP_TEST_TMP'] === undefined) rmSync(root, { recursive: true, force: true });
    else process.stdout.write(`test temp folders kept in ${root}\n`);
  };
}
