import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveDataRoot } from '@aftershock/data';
import type { Figure } from '../figure';

const BUILD = fileURLToPath(new URL('../../../cli/build/build.mjs', import.meta.url));
const OURS = fileURLToPath(new URL('../../../cli/dist/bench-sma-cross.mjs', import.meta.url));
const PLAIN = fileURLToPath(new URL('../e2e/plain-sma-cross.mjs', import.meta.url));
const PAIRS = 5;

interface ProcessOutcome {
  readonly seconds: number;
  readonly out: { bars: number; entries: number; fills?: number; rejections?: number };
}

/** Starts `node script root` and returns its wall time (spawn to exit, monotonic clock) and its JSON line. */
function timeProcess(script: string, root: string): ProcessOutcome {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${script} exited ${String(r.status)}: ${r.stderr}`);
  return { seconds, out: JSON.parse(r.stdout) as ProcessOutcome['out'] };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * `e2e.sma-cross.universe`: what a user waits for. A fresh process of the built CLI's code (the bundle entry
 * `packages/cli/dist/bench-sma-cross.mjs`: Node start, module load, the universe's 360 files loaded and validated,
 * the SMA(20)/SMA(50) crossover of engine.sma-cross.universe through the engine) against a fresh plain-Node process
 * doing the same load (split + parseFloat into typed arrays) and loop. Five pairs, started in turn (ours, plain,
 * ours, …) after one warm-up each (file cache); rates from the median wall times. The entry counts must agree.
 */
export const e2eSmaCrossUniverse: Figure = {
  name: 'e2e.sma-cross.universe',
  unit: 'bars/s',
  description: 'fresh process: built CLI loads the universe and runs the SMA cross through the engine vs plain Node doing the same',
  async run() {
    const root = resolveDataRoot().dir;
    const build = spawnSync(process.execPath, [BUILD, '--if-stale'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`cannot build the CLI: ${build.stderr}`);
    timeProcess(OURS, root);
    timeProcess(PLAIN, root);
    const ours: ProcessOutcome[] = [];
    const plain: ProcessOutcome[] = [];
    for (let i = 0; i < PAIRS; i++) {
      ours.push(timeProcess(OURS, root));
      plain.push(timeProcess(PLAIN, root));
    }
    const a = ours[0]!.out;
    const b = plain[0]!.out;
    if (a.bars !== b.bars || a.entries !== b.entries || a.rejections !== 0) {
      throw new Error(`engine process: ${a.bars} bars, ${a.entries} entries (${a.rejections} rejections); plain process: ${b.bars} bars, ${b.entries} entries`);
    }
    const tOurs = median(ours.map((o) => o.seconds));
    const tPlain = median(plain.map((o) => o.seconds));
    return {
      value: a.bars / tOurs,
      baseline: b.bars / tPlain,
      extra: { bars: a.bars, entries: a.entries, fills: a.fills ?? 0, oursMs: Math.round(tOurs * 1000), plainMs: Math.round(tPlain * 1000), pairs: PAIRS },
    };
  },
};
