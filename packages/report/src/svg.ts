import { escapeHtml } from './format';

/** Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export interface LineSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
  readonly color: string;
  readonly dash?: string;
  readonly width?: number;
  /** Fill the area between the line and zero (drawdowns). */
  readonly area?: boolean;
  /** Marks only, no line (trade entries and exits); `hollow` draws an open mark. */
  readonly points?: boolean;
  readonly hollow?: boolean;
}

export interface ChartSpec {
  readonly title: string;
  readonly series: readonly LineSeries[];
  /** Formats a y tick; `step` is the distance between ticks, for choosing the digits. */
  readonly yFormat: (v: number, step: number) => string;
  readonly yLabel?: string;
  readonly xLabel?: string;
  /** Tick labels of the x axis; when absent, numeric ticks are chosen. */
  readonly xTicks?: readonly { readonly x: number; readonly label: string }[];
  readonly xFormat?: (v: number) => string;
  readonly band?: { readonly x: readonly number[]; readonly lo: readonly (number | null)[]; readonly hi: readonly (number | null)[]; readonly color: string; readonly name: string };
  readonly markers?: readonly { readonly x: number; readonly label: string }[];
  readonly zeroLine?: boolean;
  readonly width?: number;
  readonly height?: number;
  /** Draw a dot on each point (short series such as an event window). */
  readonly dots?: boolean;
  /** Bars on their own scale along the bottom quarter of the plot (volume). */
  readonly bars?: { readonly name: string; readonly x: readonly number[]; readonly y: readonly (number | null)[]; readonly color: string };
}

const f = (v: number) => (Math.round(v * 10) / 10).toString();

/** "Nice" tick values covering [lo, hi] with about `count` steps of 1, 2 or 5 × 10^k. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** A line chart as an inline SVG: axes with labelled ticks, legend, optional band, zero line and markers. */
export function lineChart(spec: ChartSpec): string {
  const W = spec.width ?? 560;
  const H = spec.height ?? 280;
  const legend: { name: string; color: string; dash?: string; band?: boolean; mark?: 'filled' | 'hollow' }[] = spec.series.map((s) => ({ name: s.name, color: s.color, ...(s.dash ? { dash: s.dash } : {}), ...(s.points ? { mark: s.hollow ? ('hollow' as const) : ('filled' as const) } : {}) }));
  if (spec.band) legend.push({ name: spec.band.name, color: spec.band.color, band: true });
  if (spec.bars) legend.push({ name: spec.bars.name, color: spec.bars.color, band: true });
  const showLegend = legend.length > 1 || spec.band !== undefined;
  // Lay the legend out in rows that fit the width.
  const placed: { x: number; row: number }[] = [];
  {
    let x = 64;
    let row = 0;
    for (const l of legend) {
      const w = 30 + l.name.length * 6.6;
      if (x + w > W - 16 && x > 64) {
        row++;
        x = 64;
      }
      placed.push({ x, row });
      x += w;
    }
  }
  const legendRows = showLegend ? (placed[placed.length - 1]?.row ?? 0) + 1 : 0;
  const m = { l: spec.yLabel ? 72 : 60, r: 16, t: 28 + legendRows * 16, b: spec.xLabel ? 44 : 30 };
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of spec.series) {
    s.x.forEach((x, i) => {
      const y = s.y[i];
      if (y !== null && y !== undefined && Number.isFinite(y)) {
        xs.push(x);
        ys.push(y);
      }
    });
  }
  if (spec.band) {
    spec.band.x.forEach((x, i) => {
      for (const v of [spec.band!.lo[i], spec.band!.hi[i]]) if (v !== null && v !== undefined && Number.isFinite(v)) {
        xs.push(x);
        ys.push(v);
      }
    });
  }
  if (spec.zeroLine) ys.push(0);
  if (xs.length === 0) return `<svg class="chart" viewBox="0 0 ${W} 60" role="img" aria-label="${escapeHtml(spec.title)}"><text x="8" y="20" class="ct">${escapeHtml(spec.title)}</text><text x="8" y="44" class="muted">no data</text></svg>`;
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  const pad = (y1 - y0) * 0.06 || Math.abs(y1) * 0.1 || 1;
  y0 -= pad;
  y1 += pad;
  const px = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(spec.title)}" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<text x="${m.l}" y="16" class="ct">${escapeHtml(spec.title)}</text>`);
  // Legend.
  if (showLegend) {
    legend.forEach((l, i) => {
      const { x: lx, row } = placed[i]!;
      const y = 30 + row * 16;
      parts.push(
        l.mark
          ? `<circle cx="${f(lx + 9)}" cy="${y}" r="4" fill="${l.mark === 'hollow' ? '#fff' : l.color}" stroke="${l.color}" stroke-width="2"/>`
          : l.band
          ? `<rect x="${f(lx)}" y="${y - 5}" width="18" height="9" fill="${l.color}" opacity="0.25"/>`
          : `<line x1="${f(lx)}" y1="${y}" x2="${f(lx + 18)}" y2="${y}" stroke="${l.color}" stroke-width="2.5"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`,
      );
      parts.push(`<text x="${f(lx + 22)}" y="${y + 4}" class="lg">${escapeHtml(l.name)}</text>`);
    });
  }
  // Grid and y axis.
  const yticks = niceTicks(y0, y1, 5);
  const ystep = yticks.length > 1 ? yticks[1]! - yticks[0]! : Math.abs(y1 - y0) || 1;
  for (const t of yticks) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f(py(t))}" y2="${f(py(t))}" class="grid"/>`);
    parts.push(`<text x="${m.l - 6}" y="${f(py(t) + 4)}" class="yt">${escapeHtml(spec.yFormat(t, ystep))}</text>`);
  }
  if (spec.yLabel) parts.push(`<text transform="translate(13 ${f((m.t + H - m.b) / 2)}) rotate(-90)" class="al">${escapeHtml(spec.yLabel)}</text>`);
  // X axis.
  parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/>`);
  const xticks = spec.xTicks ?? niceTicks(x0, x1, 8).filter((t) => Number.isInteger(t)).map((t) => ({ x: t, label: spec.xFormat ? spec.xFormat(t) : String(t) }));
  for (const t of xticks) {
    if (t.x < x0 || t.x > x1) continue;
    parts.push(`<line x1="${f(px(t.x))}" x2="${f(px(t.x))}" y1="${H - m.b}" y2="${H - m.b + 4}" class="axis"/>`);
    parts.push(`<text x="${f(px(t.x))}" y="${H - m.b + 16}" class="xt">${escapeHtml(t.label)}</text>`);
  }
  if (spec.xLabel) parts.push(`<text x="${f((m.l + W - m.r) / 2)}" y="${H - 6}" class="al">${escapeHtml(spec.xLabel)}</text>`);
  if (spec.zeroLine && y0 < 0 && y1 > 0) parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f(py(0))}" y2="${f(py(0))}" class="zero"/>`);
  // Band.
  if (spec.band) {
    const b = spec.band;
    const pts: number[] = b.x.map((_, i) => i).filter((i) => b.lo[i] !== null && b.hi[i] !== null && Number.isFinite(b.lo[i]!) && Number.isFinite(b.hi[i]!));
    if (pts.length > 1) {
      const top = pts.map((i) => `${f(px(b.x[i]!))},${f(py(b.hi[i]!))}`);
      const bot = pts.reverse().map((i) => `${f(px(b.x[i]!))},${f(py(b.lo[i]!))}`);
      parts.push(`<path d="M${top.join('L')}L${bot.join('L')}Z" fill="${b.color}" opacity="0.18" class="band"/>`);
    }
  }
  // Bars (volume) on their own scale, in the bottom quarter.
  if (spec.bars) {
    const b = spec.bars;
    const top = Math.max(0, ...b.y.filter((v): v is number => v !== null && Number.isFinite(v)));
    const span = b.x.length > 1 ? (px(b.x[b.x.length - 1]!) - px(b.x[0]!)) / (b.x.length - 1) : 10;
    const bw = Math.max(1, span * 0.6);
    const base = H - m.b;
    const hMax = (H - m.t - m.b) / 4;
    const d = b.x.map((x, i) => {
      const v = b.y[i];
      if (v === null || v === undefined || !(v > 0) || !(top > 0)) return '';
      const h = (v / top) * hMax;
      return `M${f(px(x) - bw / 2)},${f(base)}v${f(-h)}h${f(bw)}v${f(h)}Z`;
    }).join('');
    if (d) parts.push(`<path d="${d}" fill="${b.color}" opacity="0.3" class="bars"/>`);
  }
  // Markers.
  for (const mk of spec.markers ?? []) {
    if (mk.x < x0 || mk.x > x1) continue;
    parts.push(`<line x1="${f(px(mk.x))}" x2="${f(px(mk.x))}" y1="${m.t}" y2="${H - m.b}" class="marker"/>`);
    const anchor = px(mk.x) > W - 120 ? 'end' : 'start';
    parts.push(`<text x="${f(px(mk.x) + (anchor === 'end' ? -4 : 4))}" y="${m.t + 10}" class="mk" text-anchor="${anchor}">${escapeHtml(mk.label)}</text>`);
  }
  // Lines.
  for (const s of spec.series) {
    const segs: string[] = [];
    let cur: string[] = [];
    const flush = () => {
      if (cur.length) segs.push('M' + cur.join('L'));
      cur = [];
    };
    s.x.forEach((x, i) => {
      const y = s.y[i];
      if (y === null || y === undefined || !Number.isFinite(y)) flush();
      else cur.push(`${f(px(x))},${f(py(y))}`);
    });
    flush();
    if (segs.length === 0) continue;
    if (s.points) {
      s.x.forEach((x, i) => {
        const y = s.y[i];
        if (y !== null && y !== undefined && Number.isFinite(y)) parts.push(`<circle cx="${f(px(x))}" cy="${f(py(y))}" r="4.5" fill="${s.hollow ? '#fff' : s.color}" stroke="${s.color}" stroke-width="2"/>`);
      });
      continue;
    }
    if (s.area && y0 < 0) {
      const valid = s.x.map((_, i) => i).filter((i) => s.y[i] !== null && Number.isFinite(s.y[i]!));
      const first = valid[0]!;
      const last = valid[valid.length - 1]!;
      const z = f(py(Math.min(Math.max(0, y0), y1)));
      parts.push(`<path d="M${f(px(s.x[first]!))},${z}L${valid.map((i) => `${f(px(s.x[i]!))},${f(py(s.y[i]!))}`).join('L')}L${f(px(s.x[last]!))},${z}Z" fill="${s.color}" opacity="0.2"/>`);
    }
    parts.push(`<path d="${segs.join('')}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} stroke-linejoin="round"/>`);
    if (spec.dots) {
      s.x.forEach((x, i) => {
        const y = s.y[i];
        if (y !== null && y !== undefined && Number.isFinite(y)) parts.push(`<circle cx="${f(px(x))}" cy="${f(py(y))}" r="2.6" fill="${s.color}"/>`);
      });
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A histogram of values as an inline SVG, with counts on the bars and a zero line. */
export function histogram(title: string, values: readonly number[], format: (v: number, step: number) => string, xLabel: string, color = PALETTE[0]!): string {
  const W = 560;
  const H = 280;
  const m = { l: 48, r: 16, t: 32, b: 44 };
  if (values.length === 0) return `<svg class="chart" viewBox="0 0 ${W} 60" role="img" aria-label="${escapeHtml(title)}"><text x="8" y="20" class="ct">${escapeHtml(title)}</text><text x="8" y="44" class="muted">no data</text></svg>`;
  let lo = Math.min(...values, 0);
  let hi = Math.max(...values, 0);
  if (hi === lo) {
    lo -= 0.01;
    hi += 0.01;
  }
  const bins = Math.min(20, Math.max(5, Math.ceil(Math.sqrt(values.length)) + 2));
  const ticks = niceTicks(lo, hi, bins);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : (hi - lo) / bins;
  const start = Math.floor(lo / step) * step;
  const nb = Math.max(1, Math.ceil((hi - start) / step + 1e-9));
  const counts = new Array<number>(nb).fill(0);
  for (const v of values) counts[Math.min(nb - 1, Math.max(0, Math.floor((v - start) / step + 1e-9)))]!++;
  const maxC = Math.max(...counts);
  const px = (x: number) => m.l + ((x - start) / (nb * step)) * (W - m.l - m.r);
  const py = (c: number) => H - m.b - (c / maxC) * (H - m.t - m.b);
  const parts = [`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`, `<text x="${m.l}" y="16" class="ct">${escapeHtml(title)}</text>`];
  for (const t of niceTicks(0, maxC, Math.min(5, maxC)).filter(Number.isInteger)) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f(py(t))}" y2="${f(py(t))}" class="grid"/><text x="${m.l - 6}" y="${f(py(t) + 4)}" class="yt">${t}</text>`);
  }
  counts.forEach((c, i) => {
    if (c === 0) return;
    const x = px(start + i * step);
    const w = Math.max(1, px(start + (i + 1) * step) - x - 1);
    parts.push(`<path d="M${f(x)},${f(py(c))}h${f(w)}V${H - m.b}h${f(-w)}Z" fill="${color}" opacity="0.8"/>`);
    parts.push(`<text x="${f(x + w / 2)}" y="${f(py(c) - 4)}" class="xt">${c}</text>`);
  });
  parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" class="axis"/>`);
  const every = Math.max(1, Math.ceil((nb + 1) / 10));
  for (let i = 0; i <= nb; i += every) {
    const v = start + i * step;
    parts.push(`<text x="${f(px(v))}" y="${H - m.b + 16}" class="xt">${escapeHtml(format(v, step * every))}</text>`);
  }
  if (start < 0 && start + nb * step > 0) parts.push(`<line x1="${f(px(0))}" x2="${f(px(0))}" y1="${m.t}" y2="${H - m.b}" class="marker"/>`);
  parts.push(`<text x="${f((m.l + W - m.r) / 2)}" y="${H - 6}" class="al">${escapeHtml(xLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
