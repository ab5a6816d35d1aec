// Types of plain-sma-cross.mjs for the TypeScript figures.
export const FAST: number;
export const SLOW: number;
export const NOTIONAL: number;
export function plainSmaCross(universe: readonly { readonly length: number; readonly close: Float64Array }[]): { entries: number; pnl: number };
