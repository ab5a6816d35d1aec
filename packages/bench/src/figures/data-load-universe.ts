import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadUniverse, resolveDataRoot } from '@aftershock/data';
import { peakRssMb, timeBest, type Figure } from '../figure';

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
    // Same process, same files: best of 5 runs each, after a warm-up run.
    const tBare = await timeBest(bare, 5);
    const tOurs = await timeBest(ours, 5);
    if (loaded !== rows) throw new Error(`loaded ${loaded} rows but the bare loop saw ${rows}`);
    return {
      value: rows / tOurs,
      baseline: rows / tBare,
      extra: { rows, files: files.length, oursMs: Math.round(tOurs * 1000), bareMs: Math.round(tBare * 1000), peakRssMb: peakRssMb() },
    };
  },
};
