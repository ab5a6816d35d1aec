import { createRequire } from 'node:module';

/** The version `aftershock --version` prints: the cli package's own (read here, so a start loads no runner). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
