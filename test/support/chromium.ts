import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium for the browser tests, on any machine: a system Chromium when one is on PATH (or named by
 * $CHROMIUM_PATH) and actually launches; otherwise the build shipped inside the npm package `@sparticuz/chromium`
 * (a devDependency, so `npm test` needs nothing installed by hand). Which one ran is in `source`.
 */
export interface LaunchedChromium {
  readonly browser: Browser;
  readonly source: string;
  close(): Promise<void>;
}

const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function onPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const n of names) {
      const p = join(dir, n);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

async function tryLaunch(executablePath: string, args: readonly string[]): Promise<Browser | Error> {
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...args], timeout: 60_000 });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

export async function launchChromium(): Promise<LaunchedChromium> {
  const tried: string[] = [];
  const system = process.env['CHROMIUM_PATH'] || onPath(['chromium', 'chromium-browser', 'google-chrome']);
  if (system) {
    const b = await tryLaunch(system, BASE_ARGS);
    if (!(b instanceof Error)) return { browser: b, source: `system Chromium ${system}`, close: () => b.close() };
    tried.push(`${system}: ${b.message.split('\n')[0]}`);
  }
  try {
    const exe = await packagedChromium();
    const { default: packaged } = await import('@sparticuz/chromium');
    const b = await tryLaunch(exe, [...packaged.args, ...BASE_ARGS]);
    if (!(b instanceof Error)) return { browser: b, source: `@sparticuz/chromium ${exe}`, close: () => b.close() };
    tried.push(`@sparticuz/chromium ${exe}: ${b.message.split('\n')[0]}`);
  } catch (e) {
    tried.push(`@sparticuz/chromium: ${e instanceof Error ? e.message : String(e)}`);
  }
  throw new Error(`no Chromium could be launched:\n  ${tried.join('\n  ')}`);
}

/**
 * Unpacks the packaged Chromium once per version into a cache folder and returns the binary. The package always
 * unpacks into `os.tmpdir()`, so it runs with TMPDIR pointing at a fresh folder that is then renamed into place:
 * two test processes racing never see a half-unpacked browser.
 */
async function packagedChromium(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('@sparticuz/chromium'); // …/build/index.js (package.json is not exported)
  const version = (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
  // The system temp folder, not the test run's own (test/temp-root.ts): the unpacked browser outlives the run.
  const base = process.env['AFTERSHOCK_SYSTEM_TMPDIR'] ?? tmpdir();
  const cache = join(base, `aftershock-chromium-${version}`);
  const exe = join(cache, 'chromium');
  if (existsSync(exe)) return exe;
  const fresh = mkdtempSync(join(base, `aftershock-chromium-${version}-`));
  const prev = process.env['TMPDIR'];
  process.env['TMPDIR'] = fresh;
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    await packaged.executablePath();
  } finally {
    if (prev === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = prev;
  }
  try {
    renameSync(fresh, cache);
  } catch {
    rmSync(fresh, { recursive: true, force: true }); // another process won the race: use its copy
  }
  if (!existsSync(exe)) throw new Error(`unpacking @sparticuz/chromium left no browser at ${exe}`);
  return exe;
}
