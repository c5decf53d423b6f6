import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (api/, db/, electron/ pure parts, web/ over real HTTP; real SQLite files in
 * temp folders; a throwaway PostgreSQL cluster for the PostgreSQL tests) and `e2e` (Playwright driving Debian's Chromium against the browser host). `npm test`
 * runs both after typecheck, lint and the renderer build.
 */
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-output/vitest.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL cluster per run, started by the first test that asks for a database
          // (tests/support/postgres.ts): a run without a PostgreSQL test starts nothing.
          globalSetup: ['tests/support/postgres-global.ts'],
          // Generous: a test fails on what it checks, never on the machine's speed (several offices'
          // key derivations at scrypt N=2^17 take tens of seconds on a busy 2-core runner).
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
