// The baseline of e2e.sma-cross.universe: a fresh plain-Node process doing the same load and loop as the engine's
// process, with nothing but the standard library. Reads every universe price file (OHLCV into typed arrays) and its
// dividends with split + parseFloat, runs the plain SMA(20)/SMA(50) loop per symbol, and prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainSmaCross } from '../plain-sma-cross.mjs';

const root = process.argv[2];
const pricesDir = join(root, 'universe', 'prices');
const divDir = join(root, 'universe', 'dividends');
const universe = [];
for (const f of readdirSync(pricesDir).filter((x) => x.endsWith('.csv')).sort()) {
  const lines = readFileSync(join(pricesDir, f), 'utf8').split('\n');
  const n = lines.length;
  const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const dates = [];
  let len = 0;
  for (let i = 1; i < n; i++) {
    const line = lines[i];
    if (line === '') continue;
    const p = line.split(',');
    dates.push(p[0]);
    for (let c = 0; c < 5; c++) cols[c][len] = parseFloat(p[c + 1]);
    len++;
  }
  let dividends = 0;
  for (const line of readFileSync(join(divDir, f.replace(/\.csv$/, '_dividends.csv')), 'utf8').split('\n').slice(1)) {
    if (line !== '') dividends += parseFloat(line.split(',')[1]);
  }
  universe.push({ length: len, dates, close: cols[3], dividends });
}

const bars = universe.reduce((n, s) => n + s.length, 0);
const { entries } = plainSmaCross(universe);
process.stdout.write(JSON.stringify({ bars, entries }) + '\n');
