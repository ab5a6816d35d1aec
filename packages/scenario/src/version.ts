import { createRequire } from 'node:module';

/** The aftershock version written into every report (from the cli package's package.json). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
