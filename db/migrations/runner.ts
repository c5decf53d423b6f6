import { AppError } from '../app-error';
import type { Sqlite } from '../store';
import type { Migration } from './migration';

export interface MigrateOptions {
  /** Called before the first pending migration runs, to take a backup; not called when nothing is pending. */
  readonly backup?: (fromVersion: number) => void;
}

/**
 * Brings the store to the newest schema. Each migration runs with its `user_version` bump in one
 * transaction, so a failure leaves the store at the last good version. A store written by a newer
 * version of the app is refused: this app does not know its schema.
 */
export function migrate(db: Sqlite, migrations: readonly Migration[], options: MigrateOptions = {}): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is out of order`);
  });
  const current = userVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new AppError('store.newer_version', `the store has schema version ${current}; this app knows up to ${latest}`, {
      params: { found: current, known: latest },
    });
  }
  if (current === latest) return current;
  if (current > 0) options.backup?.(current);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version takes no bound parameter; the value is an integer from our own registry.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
  return latest;
}

export function userVersion(db: Sqlite): number {
  return db.pragma('user_version', { simple: true }) as number;
}
