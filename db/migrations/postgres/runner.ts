import { sql } from 'kysely';
import { AppError } from '../../app-error';
import type { Store } from '../../stores/store';
import type { PostgresMigration } from './migration';

/**
 * Brings a PostgreSQL database to the newest schema (issue #21): each pending step with its version in
 * one transaction, under a lock held to the end of it, so that two servers starting at once migrate
 * once. A database of a newer schema is refused, as on SQLite (db/migrations/runner.ts).
 */
export async function migratePostgres(store: Store<unknown>, migrations: readonly PostgresMigration[]): Promise<number> {
  migrations.forEach((migration, index) => {
    if (index > 0 && migration.version !== migrations[index - 1]!.version + 1) throw new Error(`migration ${migration.name} is out of order`);
  });
  const latest = migrations.at(-1)?.version ?? 0;
  const database = await store.first(sql<{ collation: string }>`SELECT datcollate AS collation FROM pg_database WHERE datname = current_database()`);
  if (database?.collation !== 'C' && database?.collation !== 'POSIX') {
    throw new Error(
      `the database's collation is ${database?.collation}; the app needs "C" (text sorted as on SQLite): ` +
        `CREATE DATABASE … TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
  }
  return store.transaction(async (tx) => {
    // One migrating server at a time; the lock ends with the transaction.
    await tx.run(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.run(sql`CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`);
    const current = (await tx.first(sql<{ version: number }>`SELECT version FROM schema_version`))?.version ?? 0;
    if (current > latest) {
      throw new AppError('store.newer_version', `the store has schema version ${current}; this app knows up to ${latest}`, {
        params: { found: current, known: latest },
      });
    }
    if (current === latest) return current;
    const pending = migrations.filter((step) => step.version > current);
    if (current > 0 && pending[0]?.version !== current + 1) {
      throw new Error(`the store has schema version ${current}, which no PostgreSQL step follows (the baseline is ${migrations[0]?.version})`);
    }
    // A new database starts from the baseline; each step's statements, without parameters, go as one
    // simple query.
    for (const migration of pending) await tx.run(sql.raw(migration.sql));
    await tx.run(sql`DELETE FROM schema_version`);
    await tx.run(sql`INSERT INTO schema_version (version) VALUES (${latest})`);
    return latest;
  });
}

/** The advisory lock of the migrations: any number of the app's own, fixed. */
const LOCK_KEY = 21_0018;
