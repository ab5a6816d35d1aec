import { synthUniverse } from '@aftershock/data';
import { duckdb } from './src/parquet-db';
if (process.argv[3]) await (await duckdb()).run(`SET memory_limit='${process.argv[3]}'`);
let peak = 0;
const iv = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
const r = await synthUniverse({ tickers: Number(process.argv[2]), years: 20, seed: 7, out: process.argv[4] ?? '/tmp/scale/m.parquet', onProgress: (d, n) => { if (d % 500 === 0 || d===n) console.log(d, (process.memoryUsage().rss/1e6).toFixed(0)); } });
clearInterval(iv);
console.log(r.rows, 'peak sampled', (peak/1e6).toFixed(0));
