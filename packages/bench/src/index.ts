export { timeBest, peakRssMb } from './figure';
export type { Figure, FigureResult } from './figure';
