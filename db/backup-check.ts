import { join } from 'node:path';
import type { BackupCounts } from '../api/views';
import { AppError } from './app-error';
import { listBackups, type BackupFile } from './backup';
import { schemaVersion } from './migrations/registry';
import { userVersion } from './migrations/runner';
import { first, prepared, qb } from './query';
import { openSqlite, type Sqlite } from './store';

/**
 * Reading a backup before it is trusted: found by a name listBackups gives (nothing else reaches the file
 * system), opened read-only with the store's key, checked page by page.
 */

/** The backup of that name in `dir`: no other file, whatever the name holds. */
export function findBackup(dir: string, name: string): { readonly file: BackupFile; readonly path: string } {
  const file = listBackups(dir).find((candidate) => candidate.name === name);
  if (!file) throw new AppError('backup.not_found', `there is no backup named ${JSON.stringify(name)}`);
  return { file, path: join(dir, file.name) };
}

/**
 * Runs `use` on the backup opened read-only with the store's key. A file that does not open with that
 * key (another office's, a damaged one: every page carries a Poly1305 tag) is refused as unreadable.
 */
export function withBackup<T>(path: string, keyHex: string, use: (db: Sqlite) => T): T {
  let db: Sqlite;
  try {
    db = openSqlite(path, keyHex, { quickCheck: false, readOnly: true });
  } catch (error) {
    throw unreadable(error);
  }
  try {
    return use(db);
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(error);
  } finally {
    db.close();
  }
}

function unreadable(error: unknown): AppError {
  return new AppError('backup.unreadable', `the backup cannot be read with this store's key: ${error instanceof Error ? error.message : String(error)}`);
}

/** Every page read and checked (integrity_check), and a schema this version of the app can open. */
export function checkBackup(db: Sqlite): void {
  const check = integrity(db);
  if (check !== 'ok') throw new AppError('backup.unreadable', `integrity_check of the backup failed: ${check}`);
  const version = userVersion(db);
  if (version > schemaVersion) {
    throw new AppError('backup.newer_version', `the backup has schema version ${version}; this app knows up to ${schemaVersion}`, { params: { found: version, known: schemaVersion } });
  }
}

/** SQLite's integrity_check: "ok", or its first finding. */
export function integrity(db: Sqlite): string {
  return String(db.pragma('integrity_check', { simple: true }));
}

/** Live (not voided) records of the main kinds; null for a table an older schema did not have yet. */
export function backupCounts(db: Sqlite): BackupCounts {
  const count = (table: 'reports' | 'persons' | 'hotspots' | 'campaigns') => {
    if (!prepared(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table)) return null;
    return first(db, qb.selectFrom(table).where('deleted_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  };
  return { reports: count('reports'), persons: count('persons'), hotspots: count('hotspots'), campaigns: count('campaigns') };
}
