import { FIGURES } from './figures/index';

// `pnpm bench [--json] [NAME...]`: prints each figure as a rate and as a ratio against its plain-loop baseline.
// Benchmarks never fail on speed; they exit non-zero only when a figure cannot run or a name is unknown.
const args = process.argv.slice(2);
const json = args.includes('--json');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !FIGURES.some((f) => f.name === n));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown figure(s): ${unknown.join(', ')}; known: ${FIGURES.map((f) => f.name).join(', ')}\n`);
  process.exit(2);
}
const chosen = names.length > 0 ? FIGURES.filter((f) => names.includes(f.name)) : FIGURES;
const fmt = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(4));
for (const f of chosen) {
  const r = await f.run();
  const ratio = r.value / r.baseline;
  if (json) {
    process.stdout.write(JSON.stringify({ name: f.name, value: r.value, unit: f.unit, baseline: r.baseline, ratio, ...(r.extra ? { extra: r.extra } : {}) }) + '\n');
  } else {
    const extra = r.extra ? '  ' + Object.entries(r.extra).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`).join(' ') : '';
    process.stdout.write(`${f.name.padEnd(28)} ${fmt(r.value).padStart(14)} ${f.unit}  baseline ${fmt(r.baseline)} ${f.unit}  ratio ${ratio.toFixed(3)}${extra}\n`);
  }
}
