import { mulberry32, xnysCalendar } from '@aftershock/core';

/*
 * Seeded generators of hostile inputs: each case starts from a valid input of its kind and applies a few mutations
 * (bytes, numbers that overflow, structure, nesting, aliases, wrong types), so most cases are near-valid and reach
 * deep into the parser. Same seed → same cases.
 */

export type Target = 'prices' | 'calendar-csv' | 'calendar-json' | 'calendar-yaml' | 'scenario' | 'report-json';
export const TARGETS: readonly Target[] = ['prices', 'calendar-csv', 'calendar-json', 'calendar-yaml', 'scenario', 'report-json'];

export interface Rand {
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function rand(seed: number): Rand {
  const r = mulberry32(seed);
  return {
    int: (n) => Math.floor(r() * n),
    pick: (xs) => xs[Math.floor(r() * xs.length)]!,
    chance: (p) => r() < p,
  };
}

const WEIRD = ['', ' ', '1e400', '-1e400', 'NaN', 'Infinity', '-0', '0', '-5', 'abc', '"', '""', ',', '\n', '\r', '\u0000', '\ufeff', '9'.repeat(400), '1e-400', '0x10', '1,5', '２', '2025-02-30', '2025-13-01', '9999-12-31', '1899-01-01', 'null', 'true', '[', '{', '&a', '*a', '<script>', '${x}', '\\', '%s'];

/** Mutates a text a few times: replace, insert or delete a span, duplicate or drop a line, insert a weird token. */
export function mutateText(text: string, r: Rand, times = 1 + r.int(4)): string {
  let t = text;
  for (let k = 0; k < times; k++) {
    const at = r.int(t.length + 1);
    switch (r.int(7)) {
      case 0:
        t = t.slice(0, at) + r.pick(WEIRD) + t.slice(at + r.int(6));
        break;
      case 1:
        t = t.slice(0, at) + t.slice(at + 1 + r.int(20));
        break;
      case 2: {
        const lines = t.split('\n');
        const i = r.int(lines.length);
        lines.splice(r.int(lines.length), 0, lines[i]!);
        t = lines.join('\n');
        break;
      }
      case 3: {
        const lines = t.split('\n');
        lines.splice(r.int(lines.length), 1);
        t = lines.join('\n');
        break;
      }
      case 4:
        t = t.slice(0, at) + String.fromCharCode(r.int(128)) + t.slice(at);
        break;
      case 5:
        t = t.replace(/\d+(\.\d+)?/g, (m) => (r.chance(0.05) ? r.pick(WEIRD) : m));
        break;
      default:
        t = t.slice(0, at) + r.pick(['[', '{', '- ', '? ', ': ', '  ']).repeat(1 + r.int(r.chance(0.2) ? 3000 : 8)) + t.slice(at);
    }
  }
  return t;
}

function priceCsv(r: Rand): string {
  const rows = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  const cal = xnysCalendar();
  let d = cal.next('2025-01-01');
  let p = 100;
  for (let i = 0; i < 5 + r.int(30); i++) {
    p *= 1 + (r.int(200) - 100) / 2000;
    rows.push(`${d},${p.toFixed(2)},${(p * 1.01).toFixed(2)},${(p * 0.99).toFixed(2)},${p.toFixed(2)},${p.toFixed(2)},${1000 + r.int(1e6)}`);
    d = cal.next(d);
  }
  return rows.join(r.chance(0.2) ? '\r\n' : '\n') + '\n';
}

const CAL_ROWS = [
  { symbol: 'CRWV', date: '2025-08-12', timing: 'after-close', fiscal_period: 'Q2 2025', eps_actual: '-0.27', eps_estimate: '-0.21', source: 'https://example.com/a' },
  { symbol: 'NVDA', date: '2025-08-27', timing: 'after-close', fiscal_period: 'Q2 FY2026', eps_actual: '1.05', eps_estimate: '1.01', source: 'https://example.com/b' },
  { symbol: 'MSFT', date: '2025-07-30', timing: 'AMC', fiscal_period: 'Q4 FY2025', eps_actual: '3.65', eps_estimate: '3.37', source: 'https://example.com/c' },
];

function calendarCsv(r: Rand): string {
  const cols = Object.keys(CAL_ROWS[0]!);
  return [cols.join(','), ...CAL_ROWS.slice(0, 1 + r.int(3)).map((row) => cols.map((c) => (row as Record<string, string>)[c]).join(','))].join('\n') + '\n';
}

function calendarJson(r: Rand): string {
  const rows = CAL_ROWS.slice(0, 1 + r.int(3));
  return JSON.stringify(r.chance(0.5) ? { earnings: rows } : rows, null, r.chance(0.5) ? 2 : 0);
}

function calendarYaml(r: Rand): string {
  const rows = CAL_ROWS.slice(0, 1 + r.int(3));
  const anchors = r.chance(0.2) ? `src: &s https://example.com\n` : '';
  return anchors + 'earnings:\n' + rows.map((row) => Object.entries(row).map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n')).join('\n') + '\n';
}

function scenarioYaml(r: Rand, root: string, calendars: string): string {
  const bomb = r.chance(0.05) ? `description: &a x\nnotes: [${Array(50 + r.int(200)).fill('*a').join(', ')}]\n` : '';
  return `name: fuzz
${bomb}data: { benchmark: SPY, root: ${root} }
events:
  files: [${calendars}]
  filters: { symbols: [CRWV], from: 2025-08-01, to: 2025-08-31 }
study:
  estimation: [-65, -6]
  window: [-5, 5]
  car: [[0, 0], [-1, 1]]
  minEstimation: 20
strategies:
  - { name: earnings-reaction, label: er, params: { hold: 3, threshold: 2 } }
  - { name: buy-and-hold }
period: { from: 2025-06-02, to: 2025-10-31 }
outputs: { formats: [json] }
`;
}

/** Replaces one value somewhere in a JSON value with something of another type. */
function mutateJson(v: unknown, r: Rand): unknown {
  const repl = [null, 'x', -1, 1e308, [], {}, true, '<script>', [1, 'a'], { a: [] }];
  if (Array.isArray(v)) {
    if (v.length === 0 || r.chance(0.15)) return r.pick(repl);
    const i = r.int(v.length);
    const out = v.slice();
    out[i] = mutateJson(v[i], r);
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0 || r.chance(0.15)) return r.pick(repl);
    const k = r.pick(keys);
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    if (r.chance(0.1)) delete out[k];
    else out[k] = mutateJson(out[k], r);
    return out;
  }
  return r.pick(repl);
}

/** One case of `target`: the text to feed and a file name (its extension picks the format). */
export function makeCase(target: Target, seed: number, ctx: { root: string; calendars: string; reportJson: string }): { name: string; text: string } {
  const r = rand(seed);
  const mutate = (t: string) => (r.chance(0.1) ? t : mutateText(t, r));
  switch (target) {
    case 'prices':
      return { name: 'AAA.csv', text: mutate(priceCsv(r)) };
    case 'calendar-csv':
      return { name: 'earnings.csv', text: mutate(calendarCsv(r)) };
    case 'calendar-json':
      return { name: 'earnings.json', text: mutate(calendarJson(r)) };
    case 'calendar-yaml':
      return { name: 'earnings.yaml', text: mutate(calendarYaml(r)) };
    case 'scenario':
      return { name: 'scenario.yaml', text: mutate(scenarioYaml(r, ctx.root, ctx.calendars)) };
    case 'report-json': {
      const base = JSON.parse(ctx.reportJson) as unknown;
      let v = base;
      for (let k = 0; k < 1 + r.int(3); k++) v = mutateJson(v, r);
      const text = JSON.stringify(v);
      return { name: 'report.json', text: r.chance(0.3) ? mutateText(text, r, 1) : text };
    }
  }
}
