import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { startCluster, type ClusterAddress } from './postgres-cluster';
import './postgres-global';

/** A database of its own on the run's throwaway cluster: what a test connects to. */
export interface TestDatabase {
  readonly name: string;
  /** For a `pg` Pool or Client. */
  readonly config: pg.PoolConfig;
  /** Drops the database (connections still open are ended). */
  readonly drop: () => Promise<void>;
}

let cluster: Promise<ClusterAddress> | null = null;
let made = 0;

/**
 * The run's cluster: the first test file to ask starts it (a folder made atomically is the lock), the
 * others wait for its address. A missing PostgreSQL fails the test with the reason, it never skips.
 */
function runCluster(): Promise<ClusterAddress> {
  return (cluster ??= (async () => {
    const run = inject('postgresRun');
    if (!run) throw new Error('no folder for the PostgreSQL cluster: run the tests through vitest.config.ts (its globalSetup)');
    const ready = path.join(run, 'ready.json');
    const failed = path.join(run, 'failed.txt');
    try {
      mkdirSync(path.join(run, 'lock'));
    } catch {
      return waitForCluster(ready, failed);
    }
    try {
      const address = await startCluster(path.join(run, 'cluster'));
      writeFileSync(ready, JSON.stringify(address));
      return address;
    } catch (error) {
      writeFileSync(failed, (error as Error).message);
      throw error;
    }
  })());
}

async function waitForCluster(ready: string, failed: string): Promise<ClusterAddress> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as ClusterAddress;
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the PostgreSQL cluster of this run did not start within 120 s');
}

/**
 * A new empty database on the run's cluster: UTF-8 and collation C as the cluster's, unless `options`
 * (CREATE DATABASE's own, e.g. `TEMPLATE template0 ENCODING 'SQL_ASCII'`) says otherwise.
 */
export async function freshDatabase(options = ''): Promise<TestDatabase> {
  const address = await runCluster();
  made += 1;
  const name = `t_${process.pid}_${made}_${Math.random().toString(36).slice(2, 8)}`;
  const connection = { host: address.host, port: address.port, user: address.user };
  const admin = async (statement: string) => {
    const client = new pg.Client({ ...connection, database: 'postgres' });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name} ${options}`);
  return { name, config: { ...connection, database: name }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
