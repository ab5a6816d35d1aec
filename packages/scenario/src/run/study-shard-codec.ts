import type { ModelFit, StudyShard } from '@aftershock/study';

/** A study shard as JSON for the queue: every typed array as base64 of its bytes (bit for bit, NaN and −0 kept). */
export interface EncodedShard {
  readonly windows?: StudyShard['windows'];
  readonly candidates: StudyShard['candidates'];
  readonly excluded: StudyShard['excluded'];
  readonly kept: string;
  readonly day0Return: string;
  readonly ret: string;
  readonly mkt: string;
  readonly factorStart?: string;
  readonly calendarReturns?: string;
  readonly fit?: Omit<ModelFit, FitArray | 'factors'> & { readonly arrays: Record<FitArray, string>; readonly factors?: { readonly k: number; readonly betas: string; readonly means: string; readonly sInv: string } };
}

const FIT_F64 = ['T', 'alpha', 'beta', 'meanReturn', 'arMean', 'sd', 'sdN1', 'rss', 'mktMean', 'mktSs', 'mktN', 'ar'] as const;
const FIT_I32 = ['estFirstRow', 'estLastRow'] as const;
type FitArray = (typeof FIT_F64)[number] | (typeof FIT_I32)[number];

const b64 = (a: Float64Array | Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function f64(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  const out = new Float64Array(b.length / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}

function i32(s: string): Int32Array {
  const b = Buffer.from(s, 'base64');
  const out = new Int32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function encodeShard(s: StudyShard): EncodedShard {
  const f = s.fit;
  return {
    ...(s.windows ? { windows: s.windows } : {}),
    candidates: s.candidates,
    excluded: s.excluded,
    kept: b64(s.kept),
    day0Return: b64(s.day0Return),
    ret: b64(s.panel.ret),
    mkt: b64(s.panel.mkt),
    ...(s.panel.factorStart ? { factorStart: b64(s.panel.factorStart) } : {}),
    ...(s.calendarReturns ? { calendarReturns: b64(s.calendarReturns) } : {}),
    ...(f
      ? {
          fit: {
            model: f.model,
            n: f.n,
            nParams: f.nParams,
            arrays: Object.fromEntries([...FIT_F64, ...FIT_I32].map((k) => [k, b64(f[k])])) as Record<FitArray, string>,
            ...(f.factors ? { factors: { k: f.factors.k, betas: b64(f.factors.betas), means: b64(f.factors.means), sInv: b64(f.factors.sInv) } } : {}),
          },
        }
      : {}),
  };
}

export function decodeShard(e: EncodedShard): StudyShard {
  const f = e.fit;
  const fit: ModelFit | undefined = f
    ? ({
        model: f.model,
        n: f.n,
        nParams: f.nParams,
        ...Object.fromEntries(FIT_F64.map((k) => [k, f64(f.arrays[k])])),
        ...Object.fromEntries(FIT_I32.map((k) => [k, i32(f.arrays[k])])),
        ...(f.factors ? { factors: { k: f.factors.k, betas: f64(f.factors.betas), means: f64(f.factors.means), sInv: f64(f.factors.sInv) } } : {}),
      } as unknown as ModelFit)
    : undefined;
  return {
    ...(e.windows ? { windows: e.windows } : {}),
    candidates: e.candidates,
    excluded: e.excluded,
    kept: i32(e.kept),
    day0Return: f64(e.day0Return),
    panel: { ret: f64(e.ret), mkt: f64(e.mkt), ...(e.factorStart ? { factorStart: i32(e.factorStart) } : {}) },
    ...(fit ? { fit } : {}),
    ...(e.calendarReturns ? { calendarReturns: f64(e.calendarReturns) } : {}),
  };
}
