import { loadUniverse } from '@aftershock/data';
import { runSmaCross } from '../sma-cross';

// One fresh process of e2e.sma-cross.universe: bundled into the built CLI (packages/cli/dist/bench-sma-cross.mjs)
// and started by the figure. Loads the universe of the data root given as argument, runs the SMA(20)/SMA(50)
// crossover through the engine and prints what it did as one JSON line.
const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: bench-sma-cross.mjs DATA_ROOT\n');
  process.exit(2);
}
const universe = [...loadUniverse(dir).values()];
const r = runSmaCross(universe);
const bars = universe.reduce((n, s) => n + s.length, 0);
process.stdout.write(JSON.stringify({ bars, fills: r.fills.length, entries: r.fills.filter((f) => f.side === 'buy').length, rejections: r.rejections.length }) + '\n');
