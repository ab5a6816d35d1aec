import type { Figure } from '../figure';

/** Every figure, in the order `pnpm bench` runs them. */
export const FIGURES: readonly Figure[] = [];
