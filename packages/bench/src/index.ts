export { timeBest, peakRssMb } from './figure';
export type { Figure, FigureResult } from './figure';
export { freePort, startRedisServer, stopProcess } from './redis-server';
export type { RedisServer } from './redis-server';
