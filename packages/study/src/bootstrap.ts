
/** A percentile bootstrap confidence interval for the mean of per-firm CARs (CAAR of a window). */
export interface BootstrapCi {
  readonly level: number;
  readonly samples: number;
  readonly seed: number;
  readonly caar: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Resamples the firms' CARs with replacement `samples` times (seeded, so reproducible) and returns the mean and
 * the (1−level)/2 and (1+level)/2 percentiles (R type-7 interpolation) of the resampled means. NaN CARs are dropped.
 */
export function bootstrapCaar(cars: Float64Array, samples: number, seed: number, level: number): BootstrapCi {
  const x = cars.filter((v) => v === v);
  const m = x.length;
  if (m === 0) return { level, samples, seed, caar: NaN, lower: NaN, upper: NaN };
  let s = 0;
  for (let i = 0; i < m; i++) s += x[i]!;
  // xorshift32 inlined (seeded; a zero seed is mapped to a fixed non-zero state).
  let st = seed >>> 0 || 0x9e3779b9;
  const means = new Float64Array(samples);
  for (let b = 0; b < samples; b++) {
    let t = 0;
    for (let k = 0; k < m; k++) {
      st ^= st << 13;
      st ^= st >>> 17;
      st ^= st << 5;
      t += x[Math.floor(((st >>> 0) / 4294967296) * m)]!;
    }
    means[b] = t / m;
  }
  means.sort();
  const q = (pr: number) => {
    const h = (samples - 1) * pr;
    const lo = Math.floor(h);
    const hi = Math.min(samples - 1, lo + 1);
    return means[lo]! + (h - lo) * (means[hi]! - means[lo]!);
  };
  return { level, samples, seed, caar: s / m, lower: q((1 - level) / 2), upper: q((1 + level) / 2) };
}
