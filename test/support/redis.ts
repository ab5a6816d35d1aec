import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedisServer, stopProcess, type RedisServer } from '@aftershock/bench';

export { freePort } from '@aftershock/bench';
export type { RedisServer } from '@aftershock/bench';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/**
 * Makes sure Debian's redis-server is installed: as root with apt-get it installs it (as CI does on a fresh
 * machine); otherwise it fails saying how to.
 */
export function ensureRedisServer(): void {
  if (hasRedisServer()) return;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error === undefined;
  if (root && apt) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'pipe', env, encoding: 'utf8' });
    if (r.status === 0 && hasRedisServer()) return;
    throw new Error(`could not install redis-server with apt-get (exit ${r.status}): ${r.stderr.slice(-500)}`);
  }
  throw new Error('the queue tests need a real redis-server on PATH: install it (Debian: `sudo apt-get install redis-server`; macOS: `brew install redis`) and run the tests again');
}

/** A real redis-server on a free loopback port with no persistence (installed first where missing). */
export async function startRedis(): Promise<RedisServer> {
  ensureRedisServer();
  return startRedisServer();
}

export interface WorkerProcess {
  readonly name: string;
  readonly proc: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `aftershock worker --queue URL --name NAME` as its own process and waits until it serves. */
export async function startWorker(url: string, name: string, extra: readonly string[] = []): Promise<WorkerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'packages/cli/src/main.ts'), 'worker', '--queue', url, '--name', name, ...extra], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout!.on('data', (b: Buffer) => (log += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${name} did not start in 60 s:\n${log}`)), 60_000);
    const check = () => {
      if (log.includes(' serving ')) {
        clearTimeout(timer);
        proc.stdout!.off('data', check);
        resolve();
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${name} exited (code ${code}):\n${log}`));
    });
  });
  proc.removeAllListeners('exit');
  return { name, proc, log: () => log, stop: () => stopProcess(proc) };
}
