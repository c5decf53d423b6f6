import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import { backupTo } from '../../db/backup';
import { storeKeyOf } from '../../db/keyring';
import type { Migration } from '../../db/migrations/migration';
import { migrations, schemaVersion } from '../../db/migrations/registry';
import { migrate, userVersion } from '../../db/migrations/runner';
import { openSqlite, type Sqlite } from '../../db/store';
import { ADMIN, cleanup, createOffice, expectError, restart, tempDir } from '../support/backend';

const KEY = '5a'.repeat(32);

const m1: Migration = { version: 1, name: 'people', sql: 'CREATE TABLE people (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL) STRICT;' };
const m2: Migration = { version: 2, name: 'people_alias', sql: "ALTER TABLE people ADD COLUMN alias TEXT NOT NULL DEFAULT '';" };
/** Creates a table, then fails: the table must not survive. */
const m3bad: Migration = {
  version: 3,
  name: 'broken',
  sql: 'CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT; INSERT INTO half_done VALUES (1); INSERT INTO no_such_table VALUES (1);',
};

let open: Sqlite[] = [];
function store(file = join(tempDir(), 'so-antt.sqlite')): Sqlite {
  const db = openSqlite(file, KEY);
  open.push(db);
  return db;
}

function tableNames(db: Sqlite): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
  return cleanup();
});

describe('the shipped registry', () => {
  it('is numbered 1..n in order', () => {
    expect(migrations.length).toBeGreaterThan(0);
    expect(schemaVersion).toBe(migrations.length);
    migrations.forEach((migration, index) => expect(migration.version).toBe(index + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('brings a fresh store to the newest version, and a second run does nothing', () => {
    const db = store();
    expect(userVersion(db)).toBe(0);
    expect(migrate(db, migrations)).toBe(schemaVersion);
    expect(userVersion(db)).toBe(schemaVersion);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['audit_log', 'clock_state', 'offices', 'users', 'localities', 'settings']));
    let backups = 0;
    expect(migrate(db, migrations, { backup: () => (backups += 1) })).toBe(schemaVersion);
    expect(backups).toBe(0);
  });

  it('does not take a backup of a brand-new (version 0) store', () => {
    const db = store();
    const seen: number[] = [];
    migrate(db, migrations, { backup: (from) => seen.push(from) });
    expect(seen).toEqual([]);
  });
});

describe('migrate with a custom list', () => {
  it('takes a backup before migrating an existing store, then runs only what is pending', () => {
    const dir = tempDir();
    const db = store(join(dir, 'so-antt.sqlite'));
    migrate(db, [m1]);
    db.prepare('INSERT INTO people (id, name) VALUES (?, ?)').run('p1', 'Lê Thị Hoa');
    expect(userVersion(db)).toBe(1);

    const calls: { from: number; versionAtBackup: number; tables: string[] }[] = [];
    const backupFile = join(dir, 'backups', 'before-v1.sqlite');
    const result = migrate(db, [m1, m2], {
      backup: (from) => {
        calls.push({ from, versionAtBackup: userVersion(db), tables: tableNames(db) });
        backupTo(db, backupFile);
      },
    });
    expect(result).toBe(2);
    expect(calls).toEqual([{ from: 1, versionAtBackup: 1, tables: ['people'] }]);
    expect(userVersion(db)).toBe(2);
    // m1 was not run again (it would have failed: the table exists), m2 was.
    expect(db.prepare('SELECT id, name, alias FROM people').all()).toEqual([{ id: 'p1', name: 'Lê Thị Hoa', alias: '' }]);

    // The backup is the store as it was before: version 1, without the new column, encrypted.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['before-v1.sqlite']);
    const copy = store(backupFile);
    expect(userVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT * FROM people').all()).toEqual([{ id: 'p1', name: 'Lê Thị Hoa' }]);
  });

  it('stops at the last good version when a migration fails, with no half-made table', () => {
    const db = store();
    migrate(db, [m1]);
    let caught: unknown;
    try {
      migrate(db, [m1, m2, m3bad]);
    } catch (error) {
      caught = error;
    }
    expect(String(caught)).toMatch(/no such table: no_such_table/);
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['people']);
    expect((db.prepare('PRAGMA table_info(people)').all() as { name: string }[]).map((c) => c.name)).toEqual(['id', 'name', 'alias']);
    // Not stuck in a transaction: the store keeps working.
    expect(db.inTransaction).toBe(false);
    db.prepare('INSERT INTO people (id, name) VALUES (?, ?)').run('p2', 'Phạm Văn Minh');
    // Fixing the migration and running again finishes the job.
    const m3fixed: Migration = { ...m3bad, sql: 'CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;' };
    expect(migrate(db, [m1, m2, m3fixed])).toBe(3);
    expect(tableNames(db)).toEqual(['half_done', 'people']);
  });

  it('refuses a list out of order before touching the store', () => {
    const db = store();
    const skip: Migration = { ...m2, version: 3 };
    expect(() => migrate(db, [m1, skip])).toThrow(/out of order/);
    expect(() => migrate(db, [m2, m1])).toThrow(/out of order/);
    expect(userVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('refuses a store from a newer version with store.newer_version and leaves it alone', () => {
    const db = store();
    migrate(db, [m1, m2]);
    let backups = 0;
    let caught: unknown;
    try {
      migrate(db, [m1], { backup: () => (backups += 1) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('store.newer_version');
    expect((caught as AppError).message).toMatch(/schema version 2.*up to 1/);
    expect((caught as AppError).params).toEqual({ found: 2, known: 1 });
    expect(backups).toBe(0);
    expect(userVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['people']);
  });
});

describe('the backend on a store from a newer version', () => {
  it('refuses the login with store.newer_version and does not modify the file', async () => {
    const office = await createOffice();
    await office.backend.backups.settled();
    const entry = office.backend.keyring().entry(ADMIN.username);
    const key = entry && (await storeKeyOf(entry, ADMIN.password));
    if (!key) throw new Error('cannot unwrap the store key');
    office.backend.close();

    const raw = openSqlite(office.backend.paths.store, key.toString('hex'));
    raw.pragma(`user_version = ${schemaVersion + 7}`);
    raw.close();
    const before = sha256(office.backend.paths.store);

    const again = restart(office);
    const { result } = await again.tryLogin(ADMIN.username, ADMIN.password);
    const error = expectError(result, 'store.newer_version');
    expect(error.params).toEqual({ found: schemaVersion + 7, known: schemaVersion });
    expect(again.backend.store).toBeNull();
    again.backend.close();
    expect(sha256(office.backend.paths.store)).toBe(before);
    // No backup taken by the refused login: only the setup day's is there.
    expect(readdirSync(again.backend.paths.backups).map((name) => name.replace(/^\d{8}-\d{6}-/, ''))).toEqual(['daily.sqlite']);
  });
});
