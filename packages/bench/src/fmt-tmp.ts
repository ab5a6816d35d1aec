import { fmt17 } from '@aftershock/study';
import { fmt17Exact, writeNum17 } from '../../study/src/number-format';
const N = 2_000_000;
const xs = new Float64Array(N);
let s = 1;
for (let i = 0; i < N; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; xs[i] = (s / 4294967296 - 0.5) * 0.1; }
function time(name: string, f: (x: number) => string) {
  let out = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) out += f(xs[i]!).length;
  console.log(name, ((performance.now() - t0) * 1e6 / N).toFixed(0), 'ns', out);
}
const buf = new Uint8Array(1 << 20);
for (let k = 0; k < 2; k++) {
  let pos = 0; let tot = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) { if (pos > buf.length - 64) { tot += pos; pos = 0; } pos = writeNum17(buf, pos, xs[i]!); buf[pos++] = 44; }
  console.log('bytes', ((performance.now() - t0) * 1e6 / N).toFixed(0), 'ns', tot + pos - N);
  time('fmt17', fmt17); time('exact', fmt17Exact); time('String', String);
}
