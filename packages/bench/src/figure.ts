/**
 * A benchmark figure: a rate for aftershock's code and the rate of a plain-loop baseline doing the same
 * essential work in the same process, so the ratio means something on a noisy shared machine.
 */
export interface FigureResult {
  /** Rate of aftershock's code, in `unit`. */
  readonly value: number;
  /** Rate of the plain-loop baseline, in `unit`, measured in the same run. */
  readonly baseline: number;
  /** Other measured facts (peak memory in MB, counts, wall times), printed alongside. */
  readonly extra?: Readonly<Record<string, number | string>>;
}

export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  run(): Promise<FigureResult>;
}

/** Best-of-n wall time in seconds of `fn` (after one warm-up), using the monotonic clock. */
export async function timeBest(fn: () => unknown | Promise<unknown>, repeats = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (dt < best) best = dt;
  }
  return best;
}

/**
 * Best-of-n wall times in seconds of `a` and `b`, run interleaved (a, b, a, b, …) after a warm-up of each: on a
 * shared machine the load drifts, and interleaving exposes both to the same drift.
 */
export async function timeBestInterleaved(a: () => unknown | Promise<unknown>, b: () => unknown | Promise<unknown>, rounds = 5): Promise<[number, number]> {
  await a();
  await b();
  const once = async (fn: () => unknown | Promise<unknown>): Promise<number> => {
    const t0 = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  let ta = Infinity;
  let tb = Infinity;
  for (let i = 0; i < rounds; i++) {
    ta = Math.min(ta, await once(a));
    tb = Math.min(tb, await once(b));
  }
  return [ta, tb];
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
