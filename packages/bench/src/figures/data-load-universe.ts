import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadUniverse, resolveDataRoot } from '@aftershock/data';
import { peakRssMb, type Figure } from '../figure';

/**
 * `data.load.universe`: load all 360 universe price files (610,589 rows) with their dividends into validated
 * `BarSeries` (sessions, dividend-adjusted closes). Baseline: a bare readFileSync + split + parseFloat loop over the
 * same price and dividend files, in the same run.
 */
export const dataLoadUniverse: Figure = {
  name: 'data.load.universe',
  unit: 'rows/s',
  description: 'load the 360-ticker universe (prices + dividends) vs a bare split-and-parseFloat loop',
  async run() {
    const root = resolveDataRoot();
    const pricesDir = join(root.dir, 'universe', 'prices');
    const divDir = join(root.dir, 'universe', 'dividends');
    const files = readdirSync(pricesDir).filter((f) => f.endsWith('.csv')).sort();

    let rows = 0;
    const bare = (): void => {
      let n = 0;
      let sum = 0;
      for (const f of files) {
        const lines = readFileSync(join(pricesDir, f), 'utf8').split('\n');
        for (let i = 1; i < lines.length; i++) {
          const line = lines[i]!;
          if (line === '') continue;
          const p = line.split(',');
          sum += parseFloat(p[1]!) + parseFloat(p[2]!) + parseFloat(p[3]!) + parseFloat(p[4]!) + parseFloat(p[5]!);
          n++;
        }
        const dl = readFileSync(join(divDir, f.replace(/\.csv$/, '_dividends.csv')), 'utf8').split('\n');
        for (let i = 1; i < dl.length; i++) {
          const line = dl[i]!;
          if (line === '') continue;
          sum += parseFloat(line.split(',')[1]!);
        }
      }
      rows = n;
      if (sum === 42) process.stdout.write('');
    };
    let loaded = 0;
    const ours = (): void => {
      let n = 0;
      for (const s of loadUniverse(root).values()) n += s.length;
      loaded = n;
    };
    // Same process, same files, runs interleaved (ours, bare, ours, bare, …) after a warm-up of each, best of 7:
    // on a shared machine the load drifts, and interleaving exposes both to the same drift.
    ours();
    const rssMb = peakRssMb(); // the loader's own peak, before the bare loop's garbage
    bare();
    let tOurs = Infinity;
    let tBare = Infinity;
    for (let i = 0; i < 7; i++) {
      tOurs = Math.min(tOurs, timeOnce(ours));
      tBare = Math.min(tBare, timeOnce(bare));
    }
    if (loaded !== rows) throw new Error(`loaded ${loaded} rows but the bare loop saw ${rows}`);
    return {
      value: rows / tOurs,
      baseline: rows / tBare,
      extra: { rows, files: files.length, oursMs: Math.round(tOurs * 1000), bareMs: Math.round(tBare * 1000), peakRssMb: rssMb },
    };
  },
};

/** Wall time of one call in seconds (monotonic clock). */
function timeOnce(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
