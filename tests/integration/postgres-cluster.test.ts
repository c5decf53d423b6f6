import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_POSTGRES_MAJOR } from '../support/postgres-cluster';
import { freshDatabase, type TestDatabase } from '../support/postgres';

describe('the throwaway PostgreSQL cluster of the tests', () => {
  const made: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of made) await database.drop();
  });

  it('gives each caller an empty UTF-8 database of its own on a supported PostgreSQL, fsync off', async () => {
    const [first, second] = await Promise.all([freshDatabase(), freshDatabase()]);
    made.push(first!, second!);
    expect(first!.name).not.toBe(second!.name);
    const client = new pg.Client(first!.config);
    await client.connect();
    try {
      const settings = await client.query<{ version: string; encoding: string; fsync: string; tables: string }>(
        `SELECT current_setting('server_version_num') AS version, pg_encoding_to_char(encoding) AS encoding,
                current_setting('fsync') AS fsync,
                (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') AS tables
           FROM pg_database WHERE datname = current_database()`,
      );
      const row = settings.rows[0]!;
      expect(Number(row.version)).toBeGreaterThanOrEqual(MIN_POSTGRES_MAJOR * 10_000);
      expect(row.encoding).toBe('UTF8');
      expect(row.fsync).toBe('off');
      expect(Number(row.tables)).toBe(0);
      await client.query('CREATE TABLE mine (id integer)');
    } finally {
      await client.end();
    }
    // What one database holds, the other does not see.
    const other = new pg.Client(second!.config);
    await other.connect();
    try {
      expect((await other.query(`SELECT to_regclass('mine') AS found`)).rows[0]).toEqual({ found: null });
    } finally {
      await other.end();
    }
  });

  it('drops a database even with a connection still open', async () => {
    const database = await freshDatabase();
    const client = new pg.Client(database.config);
    client.on('error', () => undefined);
    await client.connect();
    await database.drop();
    await expect(client.query('SELECT 1')).rejects.toThrow();
    await client.end().catch(() => undefined);
  });
});
