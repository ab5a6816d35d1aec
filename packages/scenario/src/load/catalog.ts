/** What the validator needs to know about one parameter of a strategy. */
export type ParamSpec =
  | { readonly kind: 'whole'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'text' }
  /** Indicator filters: one text (`rsi14 < 30`) or a list of them. */
  | { readonly kind: 'filters' };

/** The strategies a scenario may name, with their parameters (the run wiring builds it from @aftershock/strategy). */
export interface StrategyCatalog {
  readonly names: readonly string[];
  params(name: string): Readonly<Record<string, ParamSpec>> | undefined;
}

/** Checks one parameter value; returns the message for a bad value, or undefined. */
export function checkParam(spec: ParamSpec, v: unknown): { code: string; message: string } | undefined {
  const got = typeof v === 'string' ? JSON.stringify(v) : String(v);
  switch (spec.kind) {
    case 'whole':
    case 'number': {
      const what = spec.kind === 'whole' ? 'a whole number' : 'a number';
      const bounds = [spec.min !== undefined ? `≥ ${spec.min}` : '', spec.max !== undefined ? `≤ ${spec.max}` : ''].filter(Boolean).join(' and ');
      const desc = `expected ${what}${bounds ? ' ' + bounds : ''}, got ${got}`;
      if (typeof v !== 'number' || !Number.isFinite(v)) return { code: 'SCENARIO_WRONG_TYPE', message: desc };
      if (spec.kind === 'whole' && !Number.isInteger(v)) return { code: 'SCENARIO_OUT_OF_RANGE', message: desc };
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) return { code: 'SCENARIO_OUT_OF_RANGE', message: desc };
      return undefined;
    }
    case 'enum':
      return typeof v === 'string' && spec.values.includes(v)
        ? undefined
        : { code: typeof v === 'string' ? 'SCENARIO_INVALID_VALUE' : 'SCENARIO_WRONG_TYPE', message: `expected one of ${spec.values.join(', ')}, got ${got}` };
    case 'boolean':
      return typeof v === 'boolean' ? undefined : { code: 'SCENARIO_WRONG_TYPE', message: `expected true or false, got ${got}` };
    case 'text':
      return typeof v === 'string' ? undefined : { code: 'SCENARIO_WRONG_TYPE', message: `expected a text, got ${got}` };
    case 'filters':
      return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
        ? undefined
        : { code: 'SCENARIO_WRONG_TYPE', message: `expected a filter text or a list of them, got ${got}` };
  }
}
