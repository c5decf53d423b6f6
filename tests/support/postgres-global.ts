import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for the throwaway PostgreSQL cluster (tests/support/postgres.ts). */
    postgresRun: string;
  }
}

/**
 * The unit project's global setup: one throwaway PostgreSQL cluster per test run, started by the first
 * test file that asks for a database (tests/support/postgres.ts), so a run without a PostgreSQL test
 * starts nothing; stopped and thrown away here when the run ends.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const run = mkdtempSync(path.join(tmpdir(), 'so-antt-pg-'));
  project.provide('postgresRun', run);
  return async () => {
    try {
      await stopCluster(path.join(run, 'cluster'));
    } finally {
      rmSync(run, { recursive: true, force: true });
    }
  };
}
