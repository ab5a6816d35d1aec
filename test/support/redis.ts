import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on the loopback interface (nothing listens on it when this returns). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

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

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts a real redis-server on a free loopback port with no persistence (no RDB, no AOF, its own empty folder),
 * and waits until it accepts connections. `stop()` ends it and removes the folder.
 */
export async function startRedis(): Promise<RedisServer> {
  ensureRedisServer();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'aftershock-redis-'));
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start in 20 s:\n${log}`)), 20_000);
    proc.stdout!.on('data', (b: Buffer) => {
      log += b.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (code ${code}):\n${log}`));
    });
  });
  proc.removeAllListeners('exit');
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopProcess(proc).then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
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
