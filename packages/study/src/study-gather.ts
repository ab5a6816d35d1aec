import type { ModelFit } from './models';
import type { ShardCandidate, ShardExclusion, StudyShard } from './study-shard';

/**
 * The shards of a study gathered into one panel and fit in input order: what `assembleStudy` computes the tables
 * and tests from. `windows` is each shard's (in shard order, with its first event's index) for the check that they
 * agree; `fit` and `panel` are absent when no event was fitted.
 */
export interface GatheredShards {
  readonly windows: readonly { readonly windows: NonNullable<StudyShard['windows']>; readonly firstIndex: number }[];
  readonly candidates: readonly ShardCandidate[];
  readonly excluded: readonly ShardExclusion[];
  readonly kept: readonly ShardCandidate[];
  readonly panel?: { readonly ret: Float64Array; readonly mkt: Float64Array; readonly factorStart?: Int32Array };
  readonly fit?: ModelFit;
  readonly day0Return: Float64Array;
  readonly calendarReturns?: Float64Array;
}

type Arr = Float64Array | Int32Array;

/** A per-event array of a shard: how many numbers an event has in it, and where it is. */
interface Column {
  readonly name: string;
  readonly width: number;
  readonly int: boolean;
  readonly of: (s: StudyShard) => Arr | undefined;
}

const FIT_F64 = ['T', 'alpha', 'beta', 'meanReturn', 'arMean', 'sd', 'sdN1', 'rss', 'mktMean', 'mktSs', 'mktN'] as const;

function columnsOf(s: StudyShard): Column[] {
  const f = s.fit!;
  const n = s.kept.length;
  const rows = f.ar.length / n;
  const k = f.factors?.k ?? 0;
  return [
    ...FIT_F64.map((name) => ({ name, width: 1, int: false, of: (x: StudyShard) => x.fit![name] })),
    { name: 'estFirstRow', width: 1, int: true, of: (x) => x.fit!.estFirstRow },
    { name: 'estLastRow', width: 1, int: true, of: (x) => x.fit!.estLastRow },
    { name: 'ar', width: rows, int: false, of: (x) => x.fit!.ar },
    ...(f.factors
      ? [
          { name: 'betas', width: k, int: false, of: (x: StudyShard) => x.fit!.factors!.betas },
          { name: 'means', width: k, int: false, of: (x: StudyShard) => x.fit!.factors!.means },
          { name: 'sInv', width: k * k, int: false, of: (x: StudyShard) => x.fit!.factors!.sInv },
        ]
      : []),
    { name: 'ret', width: rows, int: false, of: (x) => x.panel.ret },
    { name: 'mkt', width: rows, int: false, of: (x) => x.panel.mkt },
    ...(s.panel.factorStart ? [{ name: 'factorStart', width: 1, int: true, of: (x: StudyShard) => x.panel.factorStart }] : []),
    { name: 'day0Return', width: 1, int: false, of: (x) => x.day0Return },
    ...(s.calendarReturns ? [{ name: 'calendarReturns', width: s.calendarReturns.length / n, int: false, of: (x: StudyShard) => x.calendarReturns }] : []),
  ];
}

/**
 * Gathers the shards of a study as they arrive, in any order: each fitted event's numbers are copied at once into
 * one buffer per array at the event's index in the whole study, and the shard is dropped — so a queued study holds
 * one panel, not every shard and then their merge. `finish()` moves the fitted events together in input order (in
 * place) and returns what `assembleStudy` reads. The numbers are the shards' own, bit for bit.
 */
export class ShardGatherer {
  private readonly windows: { windows: NonNullable<StudyShard['windows']>; firstIndex: number; at: number }[] = [];
  private readonly candidates: ShardCandidate[] = [];
  private readonly excluded: ShardExclusion[] = [];
  /** The kept candidate at each event index (sparse). */
  private readonly keptAt: (ShardCandidate | undefined)[];
  private columns?: Column[];
  private buffers?: Arr[];
  private first?: StudyShard;
  private done = false;

  constructor(private readonly events: number) {
    this.keptAt = new Array<ShardCandidate | undefined>(events);
  }

  /** Adds shard number `at` of the plan (its place orders the window check, as unsharded). */
  add(s: StudyShard, at: number): void {
    if (this.done) throw new Error('ShardGatherer: add after finish');
    if (s.windows) this.windows.push({ windows: s.windows, firstIndex: s.candidates[0]!.index, at });
    for (const c of s.candidates) this.candidates.push(c);
    for (const x of s.excluded) this.excluded.push(x);
    if (!s.fit || s.kept.length === 0) return;
    if (!this.columns) {
      this.columns = columnsOf(s);
      this.first = s;
      this.buffers = this.columns.map((c) => (c.int ? new Int32Array(this.events * c.width) : new Float64Array(this.events * c.width)));
    }
    const cols = this.columns;
    const bufs = this.buffers!;
    for (let row = 0; row < s.kept.length; row++) {
      const c = s.candidates[s.kept[row]!]!;
      this.keptAt[c.index] = c;
      for (let j = 0; j < cols.length; j++) {
        const w = cols[j]!.width;
        bufs[j]!.set(cols[j]!.of(s)!.subarray(row * w, (row + 1) * w), c.index * w);
      }
    }
  }

  /** The gathered study; the gatherer is spent. */
  finish(): GatheredShards {
    this.done = true;
    const windows = this.windows.sort((a, b) => a.at - b.at).map(({ windows, firstIndex }) => ({ windows, firstIndex }));
    const candidates = this.candidates.sort((a, b) => a.index - b.index);
    const excluded = this.excluded.sort((a, b) => a.step - b.step || a.index - b.index);
    const kept: ShardCandidate[] = [];
    for (const c of this.keptAt) if (c) kept.push(c);
    if (!this.columns) return { windows, candidates, excluded, kept, day0Return: new Float64Array(0) };
    // Compact in place: the i-th fitted event moves from its event index down to slot i.
    const n = kept.length;
    const cols = this.columns;
    const out: Record<string, Arr> = {};
    cols.forEach((col, j) => {
      const b = this.buffers![j]!;
      const w = col.width;
      kept.forEach((c, i) => {
        if (c.index !== i) b.copyWithin(i * w, c.index * w, (c.index + 1) * w);
      });
      out[col.name] = b.subarray(0, n * w);
    });
    const f0 = this.first!.fit!;
    const f64 = (k: string) => out[k] as Float64Array;
    const fit: ModelFit = {
      model: f0.model,
      n,
      nParams: f0.nParams,
      ...(f0.factors ? { factors: { k: f0.factors.k, betas: f64('betas'), means: f64('means'), sInv: f64('sInv') } } : {}),
      ...(Object.fromEntries(FIT_F64.map((k) => [k, f64(k)])) as Record<(typeof FIT_F64)[number], Float64Array>),
      estFirstRow: out['estFirstRow'] as Int32Array,
      estLastRow: out['estLastRow'] as Int32Array,
      ar: f64('ar'),
    };
    return {
      windows,
      candidates,
      excluded,
      kept,
      panel: { ret: f64('ret'), mkt: f64('mkt'), ...(out['factorStart'] ? { factorStart: out['factorStart'] as Int32Array } : {}) },
      fit,
      day0Return: f64('day0Return'),
      ...(out['calendarReturns'] ? { calendarReturns: f64('calendarReturns') } : {}),
    };
  }
}

/** One shard as gathered, without a copy (the whole study of `runStudy`). */
export function gatheredShard(s: StudyShard): GatheredShards {
  const fitted = s.fit !== undefined && s.kept.length > 0;
  return {
    windows: s.windows ? [{ windows: s.windows, firstIndex: s.candidates[0]!.index }] : [],
    candidates: s.candidates,
    excluded: [...s.excluded].sort((a, b) => a.step - b.step || a.index - b.index),
    kept: Array.from(s.kept, (k) => s.candidates[k]!),
    ...(fitted ? { panel: s.panel, fit: s.fit } : {}),
    day0Return: s.day0Return,
    ...(s.calendarReturns ? { calendarReturns: s.calendarReturns } : {}),
  };
}

/** Shards already in hand, gathered (one is used as it is). */
export function gatherShards(shards: readonly StudyShard[], events: number): GatheredShards {
  if (shards.length === 1) return gatheredShard(shards[0]!);
  const g = new ShardGatherer(events);
  shards.forEach((s, i) => g.add(s, i));
  return g.finish();
}
