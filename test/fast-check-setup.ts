import fc from 'fast-check';

/*
 * Every property test runs with one fixed seed (printed when the suite starts; FC_SEED=n reruns with another), so a
 * run is reproducible and a red CI is never the luck of the draw. A failure's report gives the seed and the path
 * to replay it.
 */
const seed = Number(process.env['FC_SEED']);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number, got ${JSON.stringify(process.env['FC_SEED'])}`);
fc.configureGlobal({ seed });
