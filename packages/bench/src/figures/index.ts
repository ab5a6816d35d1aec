import type { Figure } from '../figure';
import { dataLoadUniverse } from './data-load-universe';

/** Every figure, in the order `pnpm bench` runs them. */
export const FIGURES: readonly Figure[] = [dataLoadUniverse];
