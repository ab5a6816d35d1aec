import { escapeHtml, moneyTick, num, offsetLabel, pctTick, stable } from './format';
import { lineChart, type LineSeries } from './svg';

/** How a value is written in a readout and on an axis. */
export type ValueFormat = 'pct' | 'money' | 'num' | 'int';

export interface TsSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly format: ValueFormat;
  readonly dash?: readonly number[];
  readonly width?: number;
  /** `line` (default), `bars` (on their own scale in the bottom quarter: volume), `points` (marks only: trades). */
  readonly kind?: 'line' | 'bars' | 'points';
  readonly hollow?: boolean;
  /** Fill between the line and zero (drawdown). */
  readonly area?: boolean;
  /** Hidden at first in the interactive chart (the legend toggles it); not drawn in the fallback. */
  readonly hidden?: boolean;
  /** What the readout shows instead of the plotted value (a rebased benchmark's own close). */
  readonly readout?: readonly (number | null)[];
}

/**
 * One time-series chart, drawn twice from the same numbers: as an inline SVG (readable with scripts off) and as a
 * JSON spec the report's script turns into an interactive uPlot chart (hover readout, zoom, pan).
 */
export interface TsChart {
  readonly title: string;
  /** `date`: `dates` holds each point's session (x in the SVG is the position); `offset`: x is sessions from day 0. */
  readonly xKind: 'date' | 'offset';
  readonly x: readonly number[];
  /** The session of each point (required for `date`; shown in the readout of `offset` charts when given). */
  readonly dates?: readonly string[];
  readonly series: readonly TsSeries[];
  readonly yFormat: ValueFormat;
  readonly yLabel: string;
  readonly xLabel?: string;
  /** Indices into `series` of a band's upper and lower edge (drawn as one shaded area). */
  readonly band?: { readonly hi: number; readonly lo: number; readonly name: string };
  readonly markers?: readonly { readonly x: number; readonly label: string }[];
  readonly zeroLine?: boolean;
  readonly dots?: boolean;
  readonly height?: number;
  /** Charts with the same key share the cursor and the zoom. */
  readonly sync?: string;
  /** Width of the y axis in px, so stacked charts that share a zoom line up. */
  readonly yAxisWidth?: number;
}

const tickFormat = (f: ValueFormat) => (v: number, step: number) => (f === 'pct' ? pctTick(v, step) : f === 'money' ? moneyTick(v, step) : f === 'int' ? num(v, 0) : num(v, Math.max(0, Math.min(4, -Math.floor(Math.log10(Math.abs(step) || 1) + 1e-9)))));

/** Evenly spaced date ticks for the SVG of a date chart. */
function dateTicks(x: readonly number[], dates: readonly string[]): { x: number; label: string }[] {
  const step = Math.max(1, Math.ceil(x.length / 7));
  const out: { x: number; label: string }[] = [];
  for (let i = 0; i < x.length; i += step) out.push({ x: x[i]!, label: dates[i]! });
  return out;
}

function fallbackSvg(c: TsChart, width: number): string {
  const drawn = c.series.map((s, i) => ({ s, i })).filter(({ s, i }) => !s.hidden && s.kind !== 'bars' && i !== c.band?.hi && i !== c.band?.lo);
  const bars = c.series.find((s) => s.kind === 'bars' && !s.hidden);
  const series: LineSeries[] = drawn.map(({ s }) => ({
    name: s.name,
    x: c.x,
    y: s.values,
    color: s.color,
    ...(s.dash ? { dash: s.dash.join(' ') } : {}),
    ...(s.width !== undefined ? { width: s.width } : {}),
    ...(s.area ? { area: true } : {}),
    ...(s.kind === 'points' ? { points: true, hollow: s.hollow ?? false } : {}),
  }));
  const band = c.band ? { name: c.band.name, x: c.x, lo: c.series[c.band.lo]!.values, hi: c.series[c.band.hi]!.values, color: c.series[c.band.hi]!.color } : undefined;
  return lineChart({
    title: c.title,
    series,
    yFormat: tickFormat(c.yFormat),
    yLabel: c.yLabel,
    ...(c.xLabel ? { xLabel: c.xLabel } : {}),
    ...(c.xKind === 'date' ? { xTicks: dateTicks(c.x, c.dates ?? []) } : { xFormat: offsetLabel }),
    ...(band ? { band } : {}),
    ...(bars ? { bars: { name: bars.name, x: c.x, y: bars.values, color: bars.color } } : {}),
    ...(c.markers ? { markers: c.markers } : {}),
    ...(c.zeroLine ? { zeroLine: true } : {}),
    ...(c.dots ? { dots: true } : {}),
    width,
    height: c.height ?? 280,
  });
}

/** Days since 1970-01-01 of an ISO date: a compact, exact time axis for the interactive chart. */
export function epochDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

const val = (v: number | null | undefined) => (v === null || v === undefined ? null : stable(v));

/** The JSON spec the client script reads; short keys because a report holds many charts. */
function spec(c: TsChart): unknown {
  return {
    t: c.title,
    k: c.xKind,
    x: c.xKind === 'date' ? (c.dates ?? []).map(epochDay) : c.x,
    ...(c.xKind === 'offset' && c.dates ? { d: c.dates } : {}),
    f: c.yFormat,
    yl: c.yLabel,
    ...(c.xLabel ? { xl: c.xLabel } : {}),
    h: c.height ?? 280,
    s: c.series.map((s) => ({
      n: s.name,
      c: s.color,
      f: s.format,
      v: s.values.map(val),
      ...(s.dash ? { dash: s.dash } : {}),
      ...(s.width !== undefined ? { w: s.width } : {}),
      ...(s.kind && s.kind !== 'line' ? { k: s.kind } : {}),
      ...(s.hollow ? { o: 1 } : {}),
      ...(s.area ? { a: 1 } : {}),
      ...(s.hidden ? { hide: 1 } : {}),
      ...(s.readout ? { r: s.readout.map(val) } : {}),
    })),
    ...(c.band ? { band: [c.band.hi, c.band.lo] } : {}),
    ...(c.markers?.length ? { m: c.markers.map((m) => ({ x: m.x, l: m.label })) } : {}),
    ...(c.zeroLine ? { z: 1 } : {}),
    ...(c.dots ? { dots: 1 } : {}),
    ...(c.sync ? { sync: c.sync } : {}),
    ...(c.yAxisWidth ? { ys: c.yAxisWidth } : {}),
  };
}

/** Writes JSON for a `<script type="application/json">`: `<`, `>` and `&` as unicode escapes. */
export function embedJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * A chart as HTML: a figure holding the SVG fallback and the spec; the report's script replaces the SVG by the
 * interactive chart (the figure gets class `live`). `width` is the SVG's drawing width.
 */
export function tsFigure(c: TsChart, width = 560): string {
  return `<figure class="ts" role="group" aria-label="${escapeHtml(c.title)}"><div class="fallback">${fallbackSvg(c, width)}</div><script type="application/json" class="ts-spec">${embedJson(JSON.stringify(spec(c)))}</script></figure>`;
}
