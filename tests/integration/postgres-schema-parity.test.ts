import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/registry';
import { migrate } from '../../db/migrations/runner';
import { postgresMigrations } from '../../db/migrations/postgres/registry';
import { migratePostgres } from '../../db/migrations/postgres/runner';
import { openSqlite } from '../../db/store';
import { openPostgresStore, type PostgresStore } from '../../db/stores/postgres';
import { cleanup, tempDir } from '../support/backend';
import { freshDatabase, type TestDatabase } from '../support/postgres';

/** What one dialect has and the other does without (issue #21). */
const SQLITE_ONLY = /^report_search($|_)/; // FTS5: PostgreSQL's search index is a tsvector column (later)
const POSTGRES_ONLY = new Set(['schema_version']); // SQLite keeps its version in PRAGMA user_version

/** SQLite's declared type, and PostgreSQL's for it. */
const TYPES: Record<string, string> = { INTEGER: 'bigint', REAL: 'double precision', TEXT: 'text', BLOB: 'bytea' };

interface Column {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
}

const POSTGRES_VERSION = postgresMigrations.at(-1)!.version;

/** Tables → columns (in order), and index names, of a new SQLite store at the PostgreSQL chain's version. */
function sqliteSchema(): { tables: Map<string, Column[]>; indexes: string[] } {
  const db = openSqlite(join(tempDir(), 'parity.sqlite'), randomBytes(32).toString('hex'));
  try {
    migrate(db, migrations.slice(0, POSTGRES_VERSION));
    const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !SQLITE_ONLY.test(name));
    const tables = new Map<string, Column[]>();
    for (const name of names) {
      const columns = db.prepare('SELECT name, type, "notnull" AS not_null, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string; type: string; not_null: number; pk: number }[];
      tables.set(
        name,
        // A primary key's columns are NOT NULL on PostgreSQL whatever was written (on SQLite, an INTEGER
        // PRIMARY KEY is the row's number, never NULL, and a STRICT table's text key is declared NOT NULL).
        columns.map((column) => ({ name: column.name, type: TYPES[column.type] ?? column.type, notNull: column.not_null === 1 || column.pk > 0 })),
      );
    }
    const indexes = (db.prepare("SELECT name, tbl_name AS tableName FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; tableName: string }[])
      .filter((row) => !SQLITE_ONLY.test(row.tableName))
      .map((row) => row.name);
    return { tables, indexes };
  } finally {
    db.close();
  }
}

async function postgresSchema(store: PostgresStore<unknown>): Promise<{ tables: Map<string, Column[]>; indexes: string[] }> {
  const rows = await store.all(
    sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
      SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const row of rows) {
    if (POSTGRES_ONLY.has(row.table_name)) continue;
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type, notNull: row.is_nullable === 'NO' });
    tables.set(row.table_name, columns);
  }
  // Only the indexes written in the schema: not those of a primary key or a UNIQUE column.
  const indexes = await store.all(
    sql<{ name: string }>`
      SELECT i.relname AS name FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
       WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
       ORDER BY i.relname`,
  );
  return { tables: new Map([...tables].sort(([a], [b]) => a.localeCompare(b))), indexes: indexes.map((row) => row.name).sort() };
}

describe('the PostgreSQL schema equals SQLite’s', () => {
  let database: TestDatabase;
  let store: PostgresStore<unknown>;
  beforeAll(async () => {
    database = await freshDatabase();
    store = await openPostgresStore<unknown>({ connection: database.config });
    expect(await migratePostgres(store, postgresMigrations)).toBe(POSTGRES_VERSION);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
    cleanup();
  });

  it('has the same tables, the same columns in the same order, of matching types and nullability, and the same indexes', async () => {
    const sqlite = sqliteSchema();
    const postgres = await postgresSchema(store);
    expect(sqlite.tables.size).toBeGreaterThan(60);
    expect([...postgres.tables.keys()].sort()).toEqual([...sqlite.tables.keys()].sort());
    for (const [table, columns] of sqlite.tables) expect({ table, columns: postgres.tables.get(table) }).toEqual({ table, columns });
    expect(postgres.indexes).toEqual([...sqlite.indexes].filter((name) => !name.startsWith('sqlite_autoindex_')).sort());
  });

  it('migrates once: a second run finds the database current and changes nothing', async () => {
    expect(await migratePostgres(store, postgresMigrations)).toBe(POSTGRES_VERSION);
    expect(await store.all(sql<{ version: number }>`SELECT version FROM schema_version`)).toEqual([{ version: POSTGRES_VERSION }]);
  });

  it('keeps the rules of the SQLite schema: a user name unique whatever its case, checks, foreign keys, numbered audit rows', async () => {
    const base = { office_id: 'o', version: 'v', seq: 1, created_at: 1, updated_at: 1, full_name: 'Nguyễn Văn A', role: 'officer' };
    await store.run(sql`INSERT INTO users (id, username, office_id, version, seq, created_at, updated_at, full_name, role) VALUES ('u1', 'Hương', ${base.office_id}, ${base.version}, 1, 1, 1, ${base.full_name}, ${base.role})`);
    await expect(store.run(sql`INSERT INTO users (id, username, office_id, version, seq, created_at, updated_at, full_name, role) VALUES ('u2', 'HƯƠNG', 'o', 'v', 2, 1, 1, 'x', 'officer')`)).rejects.toMatchObject({ code: '23505' });
    expect(await store.first(sql<{ id: string }>`SELECT id FROM users WHERE username = 'hương'`)).toEqual({ id: 'u1' });
    await expect(store.run(sql`INSERT INTO users (id, username, office_id, version, seq, created_at, updated_at, full_name, role) VALUES ('u3', 'b', 'o', 'v', 3, 1, 1, 'x', 'god')`)).rejects.toMatchObject({ code: '23514' });
    await expect(store.run(sql`INSERT INTO drafts (user_id, form, data, updated_at) VALUES ('nobody', 'f', '{}', 1)`)).rejects.toMatchObject({ code: '23503' });
    await store.run(sql`INSERT INTO audit_log (at, call, action, prev_hash, hash) VALUES (1, 'c', 'a', 'p', 'h'), (2, 'c', 'a', 'h', 'i')`);
    expect(await store.all(sql<{ id: number }>`SELECT id FROM audit_log ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('refuses to migrate a database whose text does not sort as SQLite’s (collation other than C), and says how to make one', async () => {
    const other = await freshDatabase(`TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const otherStore = await openPostgresStore<unknown>({ connection: other.config });
    try {
      await expect(migratePostgres(otherStore, postgresMigrations)).rejects.toThrow(/collation is C\.UTF-8.*LC_COLLATE 'C'/);
      expect(await otherStore.first(sql<{ found: string | null }>`SELECT to_regclass('schema_version')::text AS found`)).toEqual({ found: null });
    } finally {
      await otherStore.close();
      await other.drop();
    }
  });

  it('has a PostgreSQL form of every SQLite migration', () => {
    const missing = migrations.filter((migration) => migration.version > POSTGRES_VERSION).map((migration) => `${migration.version} ${migration.name}`);
    expect(missing, 'write the PostgreSQL form of each in db/migrations/postgres/ (issue #21)').toEqual([]);
  });
});
