import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The fast-check seed of every property test (test/fast-check-setup.ts); FC_SEED overrides it. */
const FC_SEED = process.env['FC_SEED'] ?? '20261116';
process.stdout.write(`fast-check seed ${FC_SEED} (FC_SEED=n to run the property tests with another)\n`);

// Lives in test/ because the top level holds only the design card's files.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
    setupFiles: ['./test/fast-check-setup.ts'],
    globalSetup: ['./test/temp-root.ts'],
    env: { FC_SEED },
    pool: 'forks',
    maxWorkers: 2,
  },
});
