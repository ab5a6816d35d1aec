// The baseline of e2e.sma-cross.universe: a fresh plain-Node process doing the same load and loop as the engine's
// process, with nothing but the standard library. Reads every universe price file (OHLCV into typed arrays) and its
// dividends with split + parseFloat, runs the SMA(20)/SMA(50) crossover per symbol, and prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FAST = 20;
const SLOW = 50;
const NOTIONAL = 10_000;

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

let entries = 0;
let bars = 0;
for (const s of universe) {
  const c = s.close;
  let sf = 0;
  let ss = 0;
  let above = 0;
  let q = 0;
  bars += s.length;
  for (let i = 0; i < s.length; i++) {
    const x = c[i];
    ss += x - (i >= SLOW ? c[i - SLOW] : 0);
    sf += x - (i >= FAST ? c[i - FAST] : 0);
    if (i + 1 < SLOW) continue;
    const now = sf / FAST > ss / SLOW ? 1 : -1;
    if (above === -1 && now === 1 && q === 0) {
      q = Math.floor(NOTIONAL / x);
      if (q > 0) entries++;
    } else if (above === 1 && now === -1 && q > 0) q = 0;
    above = now;
  }
}
process.stdout.write(JSON.stringify({ bars, entries }) + '\n');
