import type { ParamSpec, StrategyCatalog } from '../scenario/catalog';

/**
 * Parameters of the built-in strategies, as a scenario may set them. Kept next to the wiring that hands them to
 * @aftershock/strategy, so `validate` can check a scenario without loading any data.
 */
const BUILTIN: Record<string, Record<string, ParamSpec>> = {
  'buy-and-hold': { symbol: { kind: 'text' } },
  'lockup-short': {
    entry: { kind: 'whole', min: -60, max: 0 },
    hold: { kind: 'whole', min: 1, max: 250 },
    stopLoss: { kind: 'number', min: 0 },
    confirmedOnly: { kind: 'boolean' },
  },
  'earnings-reaction': {
    mode: { kind: 'enum', values: ['follow', 'fade'] },
    threshold: { kind: 'number', min: 0 },
    hold: { kind: 'whole', min: 1, max: 250 },
  },
  'hold-through': {
    entry: { kind: 'whole', min: -60, max: -1 },
    exit: { kind: 'whole', min: 0, max: 60 },
    side: { kind: 'enum', values: ['long', 'short'] },
  },
  'spillover-reaction': {
    mode: { kind: 'enum', values: ['follow', 'fade'] },
    threshold: { kind: 'number', min: 0 },
    hold: { kind: 'whole', min: 1, max: 250 },
    relation: { kind: 'text' },
  },
};

/** The catalog of strategies a scenario may name. */
export function strategyCatalog(): StrategyCatalog {
  const names = Object.keys(BUILTIN).sort();
  return { names, params: (name) => BUILTIN[name] };
}
