import type { Command } from 'commander';

export interface WorkerOptions {
  readonly queue: string;
  readonly concurrency: string;
  readonly lockMs: string;
  readonly name?: string;
  readonly quiet?: boolean;
}

/** `aftershock worker --queue redis://HOST:PORT [--concurrency N]`: serves queued jobs until stopped. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('serve the jobs of queued runs (`run|compare --queue`) from Redis until stopped (Ctrl-C or SIGTERM); start one per core, on any machine that sees the same data at the same paths')
    .requiredOption('--queue <url>', 'redis://HOST:PORT')
    .option('--concurrency <n>', 'jobs in flight in this process', '1')
    .option('--lock-ms <ms>', "a job's lock: when a worker dies, its job is retried elsewhere this long after", '10000')
    .option('--name <name>', 'this worker\'s name on the jobs it processes (default host:pid)')
    .option('--quiet', 'no line per job')
    .action(async (opts: WorkerOptions) => (await import('./worker-action')).runWorker(opts));
}
