import { performance } from 'node:perf_hooks';
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fuzzContext, runCase, type Outcome } from './run-case';
import { TARGETS, type Target } from './cases';

/*
 * `pnpm fuzz [--cases N] [--seed S]`: N seeded cases (default 10,000) spread over every target, each run in a child
 * process under a watchdog, so a case that hangs (or aborts natively) is counted as such instead of stopping the
 * fuzzer. Prints the counts per target and outcome; exits 1 on any crash or hang.
 */

const HANG_MS = 10_000;

interface Msg {
  readonly i: number;
  readonly outcome: Outcome;
  readonly detail?: string;
}

if (process.argv[2] === '--child') {
  // The child: runs cases [from, to) of the plan and reports each one.
  const [from, to, seed] = process.argv.slice(3).map(Number) as [number, number, number];
  const ctx = fuzzContext();
  for (let i = from; i < to; i++) {
    const target = TARGETS[i % TARGETS.length]!;
    const r = runCase(target, seed * 1_000_003 + i, ctx);
    process.send!({ i, outcome: r.outcome, ...(r.detail ? { detail: r.detail.slice(0, 2000) } : {}) } satisfies Msg);
  }
  rmSync(ctx.dir, { recursive: true, force: true });
  process.disconnect();
} else {
  const arg = (k: string, d: number) => {
    const i = process.argv.indexOf(k);
    return i >= 0 ? Number(process.argv[i + 1]) : d;
  };
  const cases = arg('--cases', 10_000);
  const seed = arg('--seed', 16);
  process.stdout.write(`fuzz: ${cases} cases, seed ${seed}, ${TARGETS.length} targets, hang limit ${HANG_MS / 1000} s a case\n`);
  const counts = new Map<Target, Record<Outcome, number>>(TARGETS.map((t) => [t, { accepted: 0, coded: 0, crash: 0, hang: 0 }]));
  const failures: string[] = [];
  const t0 = performance.now();
  /** Runs cases [from, cases) in one child; resolves with the first case not run (a hang or an abort ends the child). */
  const batch = (from: number): Promise<number> =>
    new Promise((resolveBatch) => {
      let next = from;
      const child = fork(new URL(import.meta.url).pathname, ['--child', String(from), String(cases), String(seed)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
      let timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS * 3);
      child.on('message', (m: Msg) => {
        clearTimeout(timer);
        timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
        counts.get(TARGETS[m.i % TARGETS.length]!)![m.outcome]++;
        if (m.outcome === 'crash' || m.outcome === 'hang') failures.push(`case ${m.i} (${TARGETS[m.i % TARGETS.length]}): ${m.outcome}: ${m.detail ?? ''}`);
        next = m.i + 1;
        if (next % 1000 === 0) process.stdout.write(`  ${next} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (next < cases) {
          // The child died on case `next`: a hang (killed by the watchdog) or a native abort.
          const outcome: Outcome = signal === 'SIGKILL' ? 'hang' : 'crash';
          counts.get(TARGETS[next % TARGETS.length]!)![outcome]++;
          failures.push(`case ${next} (${TARGETS[next % TARGETS.length]}): ${outcome}: exit ${code ?? signal}\n${err}`);
          next++;
        }
        resolveBatch(next);
      });
    });
  let at = 0;
  while (at < cases) at = await batch(at);
  let bad = 0;
  process.stdout.write(`\n${'target'.padEnd(14)} ${'accepted'.padStart(9)} ${'coded'.padStart(9)} ${'crash'.padStart(7)} ${'hang'.padStart(6)}\n`);
  for (const [t, c] of counts) {
    bad += c.crash + c.hang;
    process.stdout.write(`${t.padEnd(14)} ${String(c.accepted).padStart(9)} ${String(c.coded).padStart(9)} ${String(c.crash).padStart(7)} ${String(c.hang).padStart(6)}\n`);
  }
  process.stdout.write(`\n${cases} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${bad} crash(es) or hang(s)\n`);
  for (const f of failures.slice(0, 20)) process.stdout.write(`\n${f}\n`);
  process.exitCode = bad > 0 ? 1 : 0;
}
