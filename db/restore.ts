import { copyFileSync } from 'node:fs';
import type { RestoreView } from '../api/views';
import { AppError } from './app-error';
import { appendAudit } from './audit';
import type { Backend } from './backend';
import { backupView } from './backup';
import { checkBackup, findBackup, integrity, withBackup } from './backup-check';
import { backupPlan } from './backup-jobs';
import { flushFile, replaceStoreFile } from './durable';
import { readSeals, writeSeals } from './key-binding';
import { findUser } from './users';

/** Who restores: their session stays, every other one ends. */
export interface Restorer {
  readonly userId: string;
  readonly sessionId: string;
  readonly call: string;
}

/**
 * Puts a backup in place of the store. Nothing changes until the backup is known good: found by its
 * name, opened with the store's key and checked page by page. Then the store as it is is backed up
 * (reason before-restore, on the main connection: nothing runs until the restore is done), the
 * connection closed, the backup copied over the store file, and the store opened again through
 * Backend.open (so an older backup is migrated, with its own backup first). The restored store is
 * checked again; if it fails, or anything on the way fails, the store as it was is put back. The restore
 * is audited in the restored store's log, whose chain goes on from the backup's.
 *
 * Every session but the restorer's ends: what the others had on screen is no longer what the store holds.
 */
export function restoreBackup(backend: Backend, name: string, by: Restorer): Promise<RestoreView> {
  // After any backup being written: a worker's connection must not hold the file being replaced.
  return backend.backups.exclusive(async () => {
    const current = backend.requireStore();
    const { file, path } = findBackup(backend.paths.backups, name);
    withBackup(path, current.key.toString('hex'), checkBackup);
    // From here to the reopened store nothing else runs: a write after the safety backup's snapshot
    // would be in neither the safety backup nor the restored store.
    const seals = readSeals(current.sql);
    const safety = backend.backups.takeBlocking(current.sql, 'before-restore', backupPlan(current.sql, backend.paths.backups));
    replaceStore(backend, path, safety.view.name, current.key);

    const store = backend.requireStore();
    // The keyring that opens the restored store is today's: the store keeps accepting today's entries.
    writeSeals(store.sql, seals);
    appendAudit(store.sql, {
      at: backend.now(),
      userId: by.userId,
      call: by.call,
      action: 'restore',
      before: { backup: safety.view.name },
      after: { backup: file.name, takenAt: file.at },
    });
    backend.sessions.endAllExcept(by.sessionId);
    const user = findUser(store.sql, by.userId);
    return {
      restored: backupView(backend.paths.backups, file),
      safety: safety.view,
      integrity: 'ok',
      stillLoggedIn: user !== undefined && user.active === 1 && user.deleted_at === null,
    };
  });
}

/** Swaps the store file for `source` and reopens it; on any failure the safety backup goes back in. */
function replaceStore(backend: Backend, source: string, safetyName: string, key: Buffer): void {
  backend.close();
  try {
    copyOver(backend.paths.store, source);
    const check = integrity(backend.open(key, { dailyBackup: false }).sql);
    if (check !== 'ok') throw new Error(`integrity_check after the restore: ${check}`);
  } catch (error) {
    backend.log('the restore failed; the store as it was is put back', error);
    backend.close();
    copyOver(backend.paths.store, findBackup(backend.paths.backups, safetyName).path);
    backend.open(key, { dailyBackup: false });
    throw new AppError('backup.restore_failed', `the restore failed and was undone: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Copies `source` over the closed store: to a temporary file made durable first, then put in place in one step. */
function copyOver(store: string, source: string): void {
  const temp = `${store}.restoring`;
  copyFileSync(source, temp);
  flushFile(temp);
  replaceStoreFile(temp, store);
}
