import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../db/app-error';
import { backupName, backupTo } from '../../db/backup';
import { storeKeyOf } from '../../db/keyring';
import { recordTables } from '../../db/schema';
import { openSqlite, type Sqlite } from '../../db/store';
import { ADMIN, cleanup, createOffice, expectOk, LOCALITIES, OFFICE, tempDir, type TestOffice } from '../support/backend';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Texts the office wrote during setup and the test; none may appear in a file on disk. */
const WRITTEN = [OFFICE.name, OFFICE.parentName, ADMIN.fullName, ADMIN.username, ...LOCALITIES, 'Xóm Bãi Ngang', 'Trộm cắp tài sản'];

function expectUnreadable(file: string): void {
  const bytes = readFileSync(file);
  expect(bytes.length).toBeGreaterThan(4096);
  expect(bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
  expect(bytes.includes(SQLITE_HEADER)).toBe(false);
  for (const text of WRITTEN) {
    expect(bytes.includes(Buffer.from(text, 'utf8')), `"${text}" readable in ${file}`).toBe(false);
    expect(bytes.includes(Buffer.from(text.normalize('NFD'), 'utf8')), `"${text}" (NFD) readable in ${file}`).toBe(false);
  }
  // Not even the schema: table names are in sqlite_schema, which is encrypted too.
  expect(bytes.includes(Buffer.from('CREATE TABLE', 'latin1'))).toBe(false);
  expect(bytes.includes(Buffer.from('audit_log', 'latin1'))).toBe(false);
}

/** The store key, recovered the way a login does: unwrapping the administrator's keyring entry. */
async function storeKey(office: TestOffice): Promise<string> {
  const entry = office.backend.keyring().entry(ADMIN.username);
  if (!entry) throw new Error('no keyring entry for the administrator');
  const key = await storeKeyOf(entry, ADMIN.password);
  if (!key) throw new Error('the administrator password does not unwrap the key');
  return key.toString('hex');
}

let open: Sqlite[] = [];
function track(db: Sqlite): Sqlite {
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
  return cleanup();
});

describe('the store on disk', () => {
  it('is encrypted: no SQLite header and none of the text written, after closing with the WAL checkpointed', async () => {
    const office = await createOffice();
    expectOk(await office.call('localities.create', { name: 'Xóm Bãi Ngang', kind: 'xóm' }));
    const storeFile = office.backend.paths.store;
    office.backend.close();
    // Closing the last connection checkpoints the WAL into the main file and removes it.
    expect(existsSync(`${storeFile}-wal`)).toBe(false);
    expectUnreadable(storeFile);
  });

  it('keeps the data: reopening with the key reads back what was written', async () => {
    const office = await createOffice();
    const key = await storeKey(office);
    office.backend.close();
    const db = track(openSqlite(office.backend.paths.store, key));
    const row = db.prepare('SELECT name, parent_name FROM offices WHERE code = ?').get(OFFICE.code) as { name: string; parent_name: string };
    expect(row).toEqual({ name: OFFICE.name, parent_name: OFFICE.parentName });
    const names = (db.prepare('SELECT name FROM localities ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual([...LOCALITIES].sort());
  });

  it('refuses a wrong key with store.wrong_key and a clear message', async () => {
    const office = await createOffice();
    const key = await storeKey(office);
    office.backend.close();
    const wrong = key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    let caught: unknown;
    try {
      track(openSqlite(office.backend.paths.store, wrong));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('store.wrong_key');
    expect((caught as AppError).message).toMatch(/cannot be decrypted/);
    // The right key still opens it: the failed attempt did not damage the file.
    const db = track(openSqlite(office.backend.paths.store, key));
    expect((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
  });

  it('refuses a key that is not 64 hex digits before touching the file', () => {
    const file = join(tempDir(), 'x.sqlite');
    expect(() => openSqlite(file, 'not-a-key')).toThrow(/64 lower-case hex/);
    expect(() => openSqlite(file, "00'; PRAGMA key='x")).toThrow(/64 lower-case hex/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a plain, unencrypted SQLite file as wrong key', async () => {
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const file = join(tempDir(), 'plain.sqlite');
    const plain = new Database(file);
    plain.exec("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x')");
    plain.close();
    expect(() => openSqlite(file, 'ab'.repeat(32))).toThrow(expect.objectContaining({ code: 'store.wrong_key' }));
  });
});

describe('a connection', () => {
  it('sets WAL, foreign keys, synchronous FULL and a busy timeout', async () => {
    const office = await createOffice();
    const { sql } = office.backend.requireStore();
    expect(sql.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sql.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sql.pragma('synchronous', { simple: true })).toBe(2);
    expect(sql.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(sql.pragma('trusted_schema', { simple: true })).toBe(0);
  });

  it('enforces foreign keys', async () => {
    const office = await createOffice();
    const { writes } = office.backend.requireStore();
    expect(() =>
      writes.insert('categories', { code: 'x_orphan', group_code: 'no_such_group', name_vi: 'Mồ côi', name_en: 'Orphan', sort: 1 }, { userId: office.adminId, officeId: OFFICE.code, call: 'test' }),
    ).toThrow(/FOREIGN KEY/);
  });

  it('has STRICT record tables that refuse a value of the wrong type', async () => {
    const office = await createOffice();
    const { sql } = office.backend.requireStore();
    const tables = sql.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    const byName = new Map(tables.map((t) => [t.name, t.sql]));
    for (const table of [...recordTables, 'settings', 'audit_log', 'clock_state']) {
      expect(byName.get(table), table).toMatch(/\)\s*STRICT\s*$/);
    }
    expect(() => sql.prepare("UPDATE localities SET seq = 'not a number'").run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('registers the Vietnamese fold as a SQL function', async () => {
    const office = await createOffice();
    const { sql } = office.backend.requireStore();
    const fold = (text: string | null) => (sql.prepare('SELECT fold(?) AS f').get(text) as { f: string | null }).f;
    expect(fold('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(fold('Nguyễn Văn Đức'.normalize('NFD'))).toBe('nguyen van duc');
    expect(fold(null)).toBeNull();
    const found = sql.prepare("SELECT name FROM localities WHERE fold(name) = fold('thon dong')").all() as { name: string }[];
    expect(found.map((r) => r.name)).toEqual(['Thôn Đông']);
  });

  it('registers the fold on every connection, not only the first', async () => {
    const office = await createOffice();
    const key = await storeKey(office);
    const second = track(openSqlite(office.backend.paths.store, key));
    expect((second.prepare("SELECT fold('ĐƯỜNG DÂY') AS f").get() as { f: string }).f).toBe('duong day');
  });
});

describe('backupTo', () => {
  it('writes an encrypted copy that opens with the same key and has the same rows', async () => {
    const office = await createOffice();
    expectOk(await office.call('localities.create', { name: 'Xóm Bãi Ngang', kind: 'xóm' }));
    const { sql } = office.backend.requireStore();
    const key = await storeKey(office);
    const file = backupTo(sql, join(office.backend.paths.backups, backupName('test')));
    expect(existsSync(file)).toBe(true);
    expectUnreadable(file);

    const copy = track(openSqlite(file, key));
    for (const table of [...recordTables, 'settings', 'audit_log', 'clock_state']) {
      const original = sql.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
      expect(copy.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(), table).toEqual(original);
    }
    expect(copy.pragma('user_version', { simple: true })).toBe(sql.pragma('user_version', { simple: true }));
    // And it is refused without the key, like the store itself.
    expect(() => track(openSqlite(file, 'cd'.repeat(32)))).toThrow(expect.objectContaining({ code: 'store.wrong_key' }));
  });

  it('creates the backup folder and names backups sortably and safely for Windows', async () => {
    const office = await createOffice();
    const name = backupName('before-migration-v1', new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(name).toBe('20260102-030405-before-migration-v1.sqlite');
    expect(name).not.toMatch(/[:<>"|?*\\/]/);
    // The setup day's backup set aside, with its folder.
    await office.backend.backups.settled();
    rmSync(office.backend.paths.backups, { recursive: true, force: true });
    expect(existsSync(office.backend.paths.backups)).toBe(false);
    backupTo(office.backend.requireStore().sql, join(office.backend.paths.backups, name));
    expect(readdirSync(office.backend.paths.backups)).toEqual([name]);
  });
});

describe('the check at open', () => {
  it('is skipped after a clean close and run after a session that did not end, which refuses a damaged file', async () => {
    const office = await createOffice();
    const { backend } = office;
    expect(existsSync(backend.paths.openMarker)).toBe(true);
    backend.close();
    expect(existsSync(backend.paths.openMarker)).toBe(false);
    const key = Buffer.from(await storeKey(office), 'hex');
    expect(backend.open(key).checked).toBe(false);
    backend.close();

    // A killed process leaves its marker: the next open checks every page, in the background.
    writeFileSync(backend.paths.openMarker, '12345');
    expect(backend.open(key).checked).toBe(true);
    await backend.backups.settled();
    expect(backend.storeCheck.status().state).toBe('passed');
    backend.close();

    // A page damaged on disk (a bad sector, a cut during a copy), found by the check at the next open.
    const bytes = readFileSync(backend.paths.store);
    bytes[bytes.length - 2000] = bytes[bytes.length - 2000]! ^ 0xff;
    writeFileSync(backend.paths.store, bytes);
    writeFileSync(backend.paths.openMarker, '12345');
    // Refused at open when the open itself reads the page; otherwise found by the check.
    let refused: unknown = null;
    try {
      backend.open(key);
    } catch (error) {
      refused = error;
    }
    if (refused) expect(refused instanceof AppError || (refused as { code?: string }).code === 'SQLITE_CORRUPT').toBe(true);
    else {
      await backend.backups.settled();
      expect(backend.storeCheck.status().state).toBe('damaged');
      backend.close();
    }
  });
});
