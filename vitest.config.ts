import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (api/, db/, electron/ pure parts, web/ over real HTTP; real SQLite files in
 * temp folders) and `e2e` (Playwright driving Debian's Chromium against the browser host). `npm test`
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
          testTimeout: 30_000,
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
